import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/http/context.ts';
import { adminAgencyIds } from '../org/org.service.ts';

// Who reads which agency's dashboard: heads, clerks and administrators of an agency see it and every agency
// below it (a province sees its communes); an official of a commune sees nothing of its neighbours.
export function dashboardAgencyIds(actor: Actor): SQL {
  return sql`select sub.id from agencies sub join agencies own on sub.path like own.path || '%'
    join posts p on p.agency_id = own.id
    where p.user_id = ${actor.userId} and p.active and p.role in ('head','clerk','agency_admin')
    union ${adminAgencyIds(actor)}`;
}
