import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/http/context.ts';
import { adminAgencyIds } from '../org/org.service.ts';

// Who fills, who defines and who reads the synthesis — SQL subqueries of agency ids, decided by the database.

/** Agencies whose reports the actor fills and submits: where they are clerk, head or agency admin. */
export function fillerAgencyIds(actor: Actor): SQL {
  return sql`select agency_id from posts where user_id = ${actor.userId} and active and role in ('clerk','head','agency_admin')`;
}

/** Agencies whose templates the actor defines and whose syntheses they read: heads and administrators. */
export function ownerAgencyIds(actor: Actor): SQL {
  return sql`select agency_id from posts where user_id = ${actor.userId} and active and role in ('head','agency_admin')
    union ${adminAgencyIds(actor)}`;
}

/** The agencies a template (alias `t`, with its agency's path `tp.path`) is addressed to. */
export const addressed = (t = sql.raw('t'), tp = sql.raw('tp')) =>
  sql`(a.active and ((${t}.audience = 'children' and a.parent_id = ${t}.agency_id)
    or (${t}.audience = 'subtree' and a.path like ${tp}.path || '%' and a.id <> ${t}.agency_id)))`;
