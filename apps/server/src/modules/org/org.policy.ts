import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/http/context.ts';

// Who may see and change which agency, as SQL subqueries of agency ids, so every list and every check is
// decided by the database in the same query (never by loading rows and filtering them in code).

/** Agencies the actor administers: each agency where they hold agency_admin, and its whole subtree. */
export function adminAgencyIds(actor: Actor): SQL {
  if (actor.isPlatformAdmin) return sql`select id from agencies`;
  return sql`select sub.id from agencies sub
    join agencies own on sub.path like own.path || '%'
    join posts p on p.agency_id = own.id
    where p.user_id = ${actor.userId} and p.active and p.role = 'agency_admin'`;
}

/** Agencies whose internal directory the actor may read: where they hold a post, plus those they administer. */
export function memberAgencyIds(actor: Actor): SQL {
  return sql`select agency_id from posts where user_id = ${actor.userId} and active union ${adminAgencyIds(actor)}`;
}

/** Roles whose holders must use a second factor (BRIEF §3.1: admins and people signing in from outside). */
export const mfaRoles = ['agency_admin', 'external_member'] as const;

export const staffRoles = ['agency_admin', 'clerk', 'head', 'official', 'secretary'] as const;
