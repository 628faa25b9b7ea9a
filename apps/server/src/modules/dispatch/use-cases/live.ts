import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';

// Live inbox counters. An action that changes what waits for someone (a document to approve, a copy to receive,
// to handle or to read) tells every open session of the people concerned to fetch their counters again:
// {type:'inbox.changed'}, published by NOTIFY inside the action's transaction, so nothing is sent if it rolls back.
// The message carries no counts: each person's counters depend on their delegations and posts, and only the
// few who are online pay for a recount (GET /api/inbox/counters).

export async function inboxChanged(ctx: Ctx, userIds: Iterable<string>) {
  const ids = [...new Set(userIds)];
  if (ids.length > 0) await ctx.hub.publish(ctx.db, { userIds: ids, message: { type: 'inbox.changed' } });
}

/** Whose counters a step of the document's approval touches: its drafter, the current round's assignees and
 *  the people who may act for them today under a delegation. */
export async function documentAudience(ctx: Ctx, documentId: string): Promise<string[]> {
  const today = ctx.now.toISOString();
  const rows = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`with line as (select s.assignee_id from approval_steps s where s.document_id = ${documentId}
          and s.round = (select max(round) from approval_steps where document_id = ${documentId}))
        select drafter_id as user_id from documents where id = ${documentId}
        union select assignee_id from line
        union select dg.to_user_id from delegations dg join line on dg.from_user_id = line.assignee_id
          where dg.revoked_at is null and (${today}::timestamptz)::date between dg.valid_from and dg.valid_to`,
  );
  return rows.map((r) => r.user_id);
}

/** Whose counters a change of received copies touches: the receiving agencies' clerks, handlers and readers. */
export async function deliveryAudience(ctx: Ctx, deliveryIds: string[]): Promise<string[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`select p.user_id from posts p join deliveries dv on dv.to_agency_id = p.agency_id
          where dv.id in ${deliveryIds} and p.role = 'clerk' and p.active
        union select user_id from delivery_people where delivery_id in ${deliveryIds}`,
  );
  return rows.map((r) => r.user_id);
}
