import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/http/context.ts';

// Who may read a document, as one SQL predicate over the `documents` row `d` (never filtered in code):
// - the drafter, and everyone on its approval line (or acting for someone on it);
// - the records clerks of its agency once it is approved (they issue it);
// - once issued and not classified: every member of the issuing agency;
// - in a receiving agency: its clerks, heads and admins, and the people a copy was assigned or circulated to;
// - agency admins of the issuing agency (and its parents) for issued documents.
export function canReadDocument(actor: Actor, d: SQL = sql`d`): SQL {
  const me = actor.userId;
  return sql`(
    ${d}.drafter_id = ${me}
    or exists (select 1 from approval_steps s where s.document_id = ${d}.id and (s.assignee_id = ${me} or s.acted_by = ${me}
      or exists (select 1 from delegations dg where dg.from_user_id = s.assignee_id and dg.to_user_id = ${me} and dg.revoked_at is null)))
    or (${d}.status in ('approved','issued','recalled') and exists (select 1 from posts p where p.user_id = ${me} and p.active
      and p.agency_id = ${d}.agency_id and p.role = 'clerk'))
    or (${d}.status in ('issued','recalled') and ${d}.confidentiality = 'normal'
      and exists (select 1 from posts p where p.user_id = ${me} and p.active and p.agency_id = ${d}.agency_id))
    or exists (select 1 from deliveries dv where dv.document_id = ${d}.id and (
      exists (select 1 from posts p where p.user_id = ${me} and p.active and p.agency_id = dv.to_agency_id
        and p.role in ('clerk','head','agency_admin'))
      or exists (select 1 from delivery_people dp where dp.delivery_id = dv.id and dp.user_id = ${me})))
    or ${actor.isPlatformAdmin ? sql`${d}.status in ('issued','recalled')` : sql`false`}
  )`;
}

/** May this person draft in the agency? Any staff post there (officials, heads, clerks, secretaries). */
export function canDraftIn(actor: Actor, agencyId: string): SQL {
  return sql`exists (select 1 from posts p where p.user_id = ${actor.userId} and p.active and p.agency_id = ${agencyId}
    and p.role in ('official','head','clerk','secretary','agency_admin'))`;
}

/** Records clerks (văn thư / 문서과) of an agency issue, receive and register its documents. */
export function isClerkOf(actor: Actor, agencyId: SQL | string): SQL {
  return sql`exists (select 1 from posts p where p.user_id = ${actor.userId} and p.active and p.agency_id = ${agencyId} and p.role = 'clerk')`;
}
