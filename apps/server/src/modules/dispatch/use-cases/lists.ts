import { type SQL, sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import { adminAgencyIds } from '../../org/org.service.ts';
import { markViewed } from './receive.ts';

// The lists of the dispatch side: incoming copies of an agency (the incoming and follow-up registers), the
// copies a person handles, one copy in detail, and the sender's view of each recipient's progress.

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);

/** Clerks, heads and admins of an agency see its incoming register. */
async function assertRegisterReader(ctx: Ctx, actor: Actor, agencyId: string) {
  const rows = await selectRows(
    ctx.db,
    sql`select 1 where exists (select 1 from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and active and role in ('clerk','head'))
        or ${agencyId}::uuid in (${adminAgencyIds(actor)})`,
  );
  if (rows.length === 0) throw forbidden();
}

export type DeliveryRow = {
  id: string;
  document_id: string;
  state: string;
  handling: string;
  sent_at: Date | string;
  received_at: Date | string | null;
  incoming_number: number | null;
  incoming_year: number | null;
  from_agency: string;
  to_agency: string;
  to_agency_id: string;
  number_text: string | null;
  issued_at: Date | string | null;
  type_code: string;
  subject: string;
  urgency: string;
  unit_name: string | null;
  lead_name: string | null;
  deadline: Date | string | null;
  handled_at: Date | string | null;
  result_note: string | null;
  return_reason: string | null;
  reply_number: string | null;
  task: string | null;
  task_done_at: Date | string | null;
  task_report: string | null;
};

const deliverySelect = sql`select dv.id, dv.document_id, dv.state, dv.handling, dv.sent_at, dv.received_at, dv.incoming_number, dv.incoming_year,
    fa.name as from_agency, ta.name as to_agency, dv.to_agency_id, d.number_text, d.issued_at, d.type_code, d.subject, d.urgency,
    un.name as unit_name, lu.display_name as lead_name, dv.deadline, dv.handled_at, dv.result_note, dv.return_reason,
    rd.number_text as reply_number, rc.task, dv.task_done_at, dv.task_report
  from deliveries dv
  join documents d on d.id = dv.document_id
  join agencies fa on fa.id = dv.from_agency_id
  join agencies ta on ta.id = dv.to_agency_id
  left join units un on un.id = dv.unit_id
  left join delivery_people lp on lp.delivery_id = dv.id and lp.role = 'lead'
  left join users lu on lu.id = lp.user_id
  left join documents rd on rd.id = dv.reply_document_id
  left join document_recipients rc on rc.document_id = dv.document_id and rc.agency_id = dv.to_agency_id and rc.kind = 'agency'`;

export const toDelivery = (r: DeliveryRow, now: Date) => ({
  id: r.id,
  documentId: r.document_id,
  state: r.state as never,
  handling: r.handling as never,
  sentAt: iso(r.sent_at)!,
  receivedAt: iso(r.received_at),
  incomingNumber: r.incoming_number,
  incomingYear: r.incoming_year,
  fromAgency: r.from_agency,
  toAgency: r.to_agency,
  toAgencyId: r.to_agency_id,
  numberText: r.number_text,
  issuedAt: iso(r.issued_at),
  typeCode: r.type_code,
  subject: r.subject,
  urgency: r.urgency as never,
  unitName: r.unit_name,
  leadName: r.lead_name,
  deadline: iso(r.deadline),
  overdue: !!r.deadline && !r.handled_at && !r.task_done_at && new Date(r.deadline) < now,
  handledAt: iso(r.handled_at),
  resultNote: r.result_note,
  returnReason: r.return_reason,
  replyNumber: r.reply_number,
  task: r.task,
  taskDoneAt: iso(r.task_done_at),
  taskReport: r.task_report,
});

export type IncomingFilter = {
  state?: string;
  overdue?: boolean;
  year?: number;
  limit: number;
  offset: number;
};

export async function listIncoming(ctx: Ctx, actor: Actor, agencyId: string, f: IncomingFilter) {
  await assertRegisterReader(ctx, actor, agencyId);
  const conds: SQL[] = [sql`dv.to_agency_id = ${agencyId}`];
  if (f.state) conds.push(sql`dv.state = ${f.state}`);
  if (f.year) conds.push(sql`dv.incoming_year = ${f.year}`);
  if (f.overdue)
    conds.push(
      sql`dv.deadline < ${ctx.now.toISOString()}::timestamptz and dv.handled_at is null and dv.task_done_at is null`,
    );
  const rows = await selectRows<DeliveryRow>(
    ctx.db,
    sql`${deliverySelect} where ${sql.join(conds, sql` and `)} order by dv.sent_at desc, dv.id desc limit ${f.limit} offset ${f.offset}`,
  );
  return rows.map((r) => toDelivery(r, ctx.now));
}

/** Copies the person handles (lead or co-handler) or received for information. */
export async function listMine(ctx: Ctx, actor: Actor, role: 'handle' | 'information') {
  const roles = role === 'handle' ? sql`('lead','co')` : sql`('reader')`;
  const rows = await selectRows<DeliveryRow & { viewed_at: Date | string | null }>(
    ctx.db,
    sql`${deliverySelect} join delivery_people me on me.delivery_id = dv.id and me.user_id = ${actor.userId} and me.role in ${roles}
        where dv.state = 'received' order by dv.deadline nulls last, dv.sent_at desc limit 200`,
  );
  return rows.map((r) => ({ ...toDelivery(r, ctx.now), viewedAt: iso(r.viewed_at) }));
}

export async function deliveryDetail(ctx: Ctx, actor: Actor, id: string) {
  const [row] = await selectRows<DeliveryRow>(ctx.db, sql`${deliverySelect} where dv.id = ${id}`);
  if (!row) throw notFound();
  const roles = await selectRows<{ role: string }>(
    ctx.db,
    sql`select role from posts where user_id = ${actor.userId} and agency_id = ${row.to_agency_id} and active
        union all select role from delivery_people where delivery_id = ${id} and user_id = ${actor.userId}`,
  );
  if (roles.length === 0) throw notFound();
  await markViewed(ctx, actor, id);
  const people = await selectRows<{
    user_id: string;
    name: string;
    role: string;
    viewed_at: Date | string | null;
  }>(
    ctx.db,
    sql`select dp.user_id, u.display_name as name, dp.role, dp.viewed_at from delivery_people dp join users u on u.id = dp.user_id
        where dp.delivery_id = ${id} order by dp.role, u.display_name`,
  );
  const has = (r: string) => roles.some((x) => x.role === r);
  const d = toDelivery(row, ctx.now);
  return {
    ...d,
    people: people.map((p) => ({
      userId: p.user_id,
      name: p.name,
      role: p.role as never,
      viewedAt: iso(p.viewed_at),
    })),
    can: {
      receive: has('clerk') && d.state === 'sent',
      forward:
        has('clerk') &&
        (d.state === 'sent' ||
          (d.state === 'received' && (d.handling === 'unassigned' || d.handling === 'assigned'))),
      distribute: has('clerk') && d.state === 'received',
      assign:
        has('head') && d.state === 'received' && (d.handling === 'unassigned' || d.handling === 'assigned'),
      handle: has('lead') && d.state === 'received' && d.handling === 'assigned',
      circulate: (has('head') || has('lead')) && d.state === 'received',
      completeTask: (has('head') || has('lead')) && d.state === 'received' && !!d.task && !d.taskDoneAt,
    },
  };
}

/** The sender's view: each recipient's state, incoming number, handler, deadline and reply. */
export async function listDeliveriesOfDocument(ctx: Ctx, actor: Actor, documentId: string) {
  const ok = await selectRows(
    ctx.db,
    sql`select 1 from documents d join posts p on p.agency_id = d.agency_id and p.user_id = ${actor.userId} and p.active where d.id = ${documentId}
        union select 1 from documents d where d.id = ${documentId} and d.agency_id in (${adminAgencyIds(actor)})`,
  );
  if (ok.length === 0) throw notFound();
  const rows = await selectRows<DeliveryRow>(
    ctx.db,
    sql`${deliverySelect} where dv.document_id = ${documentId} order by ta.name`,
  );
  return rows.map((r) => toDelivery(r, ctx.now));
}
