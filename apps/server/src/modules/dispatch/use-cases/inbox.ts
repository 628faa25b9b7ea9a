import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';

// Inbox counters in one query (the web fetches them again on every pushed inbox.changed, see live.ts).
export async function inboxCounters(ctx: Ctx, actor: Actor) {
  const me = actor.userId;
  const now = ctx.now.toISOString();
  const [row] = await selectRows<Record<string, number>>(
    ctx.db,
    sql`select
      (select count(*)::int from documents d where d.status = 'in_approval' and exists (select 1 from approval_steps s where s.document_id = d.id and s.state = 'pending'
        and (s.assignee_id = ${me} or exists (select 1 from delegations dg where dg.from_user_id = s.assignee_id and dg.to_user_id = ${me} and dg.revoked_at is null
          and (${now}::timestamptz)::date between dg.valid_from and dg.valid_to)))) as to_approve,
      (select count(*)::int from documents where drafter_id = ${me} and status in ('draft','returned')) as drafts,
      (select count(*)::int from deliveries dv where dv.state = 'sent' and dv.to_agency_id in
        (select agency_id from posts where user_id = ${me} and role = 'clerk' and active)) as to_receive,
      (select count(*)::int from deliveries dv join delivery_people dp on dp.delivery_id = dv.id and dp.user_id = ${me} and dp.role in ('lead','co')
        where dv.state = 'received' and dv.handling = 'assigned') as to_handle,
      (select count(*)::int from deliveries dv join delivery_people dp on dp.delivery_id = dv.id and dp.user_id = ${me} and dp.role in ('lead','co')
        where dv.state = 'received' and dv.handled_at is null and dv.task_done_at is null and dv.deadline < ${now}::timestamptz) as overdue,
      (select count(*)::int from delivery_people dp join deliveries dv on dv.id = dp.delivery_id
        where dp.user_id = ${me} and dp.role = 'reader' and dp.viewed_at is null and dv.state = 'received')
      + (select count(*)::int from approval_steps s where s.assignee_id = ${me} and s.acted_by is not null and s.acted_by <> s.assignee_id
        and s.post_review_at is null) as for_information`,
  );
  return {
    toApprove: row!.to_approve!,
    drafts: row!.drafts!,
    toReceive: row!.to_receive!,
    toHandle: row!.to_handle!,
    overdue: row!.overdue!,
    forInformation: row!.for_information!,
  };
}

/** Overdue rate of directive tasks per agency (KPI): tasks past their deadline and not done, over all due tasks. */
export async function overdueRate(ctx: Ctx, agencyIds: string[]) {
  if (agencyIds.length === 0) return [];
  const now = ctx.now.toISOString();
  return selectRows<{ agency_id: string; due: number; overdue: number; done_on_time: number }>(
    ctx.db,
    sql`select dv.to_agency_id as agency_id,
          count(*) filter (where dv.deadline < ${now}::timestamptz or dv.task_done_at is not null)::int as due,
          count(*) filter (where dv.task_done_at is null and dv.deadline < ${now}::timestamptz)::int as overdue,
          count(*) filter (where dv.task_done_at is not null and dv.task_done_at <= dv.deadline)::int as done_on_time
        from deliveries dv join documents d on d.id = dv.document_id
        where d.is_directive and dv.deadline is not null and dv.state <> 'recalled' and dv.to_agency_id in ${agencyIds}
        group by dv.to_agency_id`,
  );
}
