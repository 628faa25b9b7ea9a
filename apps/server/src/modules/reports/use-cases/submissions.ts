import type { ReportSave } from '@civicdesk/contracts/reports';
import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { addressed, fillerAgencyIds, ownerAgencyIds } from '../reports.policy.ts';
import type { FieldJson, ValuesJson } from '../reports.tables.ts';
import { ensurePeriods } from './templates.ts';

// A subordinate agency's report for one period: saved as a draft, submitted, reopened only when the parent
// returns it. Readers are the agency's own clerks, heads and administrators and the parent's heads and admins;
// anyone else gets 404 (the report's existence is not disclosed).

type Row = {
  id: string | null;
  template_id: string;
  title: string;
  fields: FieldJson[];
  period_id: string;
  start: string;
  end: string;
  due_on: string;
  agency_id: string;
  agency_name: string;
  status: 'draft' | 'submitted' | 'returned' | null;
  values: ValuesJson | null;
  submitted_at: Date | string | null;
  return_reason: string | null;
  owner_agency_id: string;
};

const reportQuery = (where: ReturnType<typeof sql>) => sql`
  select s.id, t.id as template_id, t.title, t.fields, p.id as period_id, p.period_start::text as start,
    p.period_end::text as "end", p.due_on::text as due_on, a.id as agency_id, a.name as agency_name, s.status,
    s.values, s.submitted_at, s.return_reason, t.agency_id as owner_agency_id
  from report_periods p join report_templates t on t.id = p.template_id join agencies tp on tp.id = t.agency_id
  join agencies a on ${addressed()}
  left join report_submissions s on s.period_id = p.id and s.agency_id = a.id
  where ${where}`;

const readable = (actor: Actor) =>
  sql`(a.id in (${fillerAgencyIds(actor)}) or t.agency_id in (${ownerAgencyIds(actor)}))`;

export const toReport = (r: Row, today: string) => ({
  id: r.id ?? '00000000-0000-0000-0000-000000000000',
  templateId: r.template_id,
  title: r.title,
  fields: r.fields.map((f) => ({ ...f, required: f.required ?? true })),
  period: { id: r.period_id, start: r.start, end: r.end, dueOn: r.due_on },
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  status: r.status ?? ('not_started' as const),
  values: r.values ?? {},
  submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
  returnReason: r.return_reason,
  overdue: r.status !== 'submitted' && r.due_on < today,
});

export async function reportFor(ctx: Ctx, actor: Actor, periodId: string, agencyId: string) {
  const [row] = await selectRows<Row>(
    ctx.db,
    reportQuery(sql`p.id = ${periodId} and a.id = ${agencyId} and ${readable(actor)}`),
  );
  if (!row) throw notFound();
  return toReport(row, ctx.now.toISOString().slice(0, 10));
}

export async function reportById(ctx: Ctx, actor: Actor, id: string) {
  const [row] = await selectRows<Row>(ctx.db, reportQuery(sql`s.id = ${id} and ${readable(actor)}`));
  if (!row) throw notFound();
  return toReport(row, ctx.now.toISOString().slice(0, 10));
}

/** The reports the actor's agencies owe, newest period first (periods are generated up to today first). */
export async function listTasks(ctx: Ctx, actor: Actor) {
  const templates = await selectRows<{ id: string }>(
    ctx.db,
    sql`select distinct t.id from report_templates t join agencies tp on tp.id = t.agency_id
        join agencies a on ${addressed()} where a.id in (${fillerAgencyIds(actor)})`,
  );
  await inTransaction(ctx, async (tx) => {
    for (const t of templates) await ensurePeriods(tx, t.id);
  });
  const rows = await selectRows<Row & { from_name: string }>(
    ctx.db,
    sql`select * from (${reportQuery(sql`a.id in (${fillerAgencyIds(actor)})`)}) r
        order by r.start desc, r.title, r.agency_name limit 200`,
  );
  const today = ctx.now.toISOString().slice(0, 10);
  const owners = await selectRows<{ id: string; name: string }>(
    ctx.db,
    sql`select id, name from agencies where id in (select agency_id from report_templates)`,
  );
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  return rows.map((r) => {
    const rep = toReport(r, today);
    return {
      templateId: rep.templateId,
      title: rep.title,
      fromAgencyName: ownerName.get(r.owner_agency_id) ?? '',
      period: rep.period,
      agencyId: rep.agencyId,
      agencyName: rep.agencyName,
      reportId: r.id,
      status: rep.status,
      overdue: rep.overdue,
    };
  });
}

/** Checks each value against its field; on submit every required field must be filled. */
export function checkValues(fields: FieldJson[], values: ValuesJson, submit: boolean): ValuesJson {
  const out: ValuesJson = {};
  for (const key of Object.keys(values))
    if (!fields.some((f) => f.key === key))
      throw new AppError('bad_request', 'reports.unknown_field', { field: key });
  for (const f of fields) {
    const v = values[f.key] ?? null;
    if (v !== null && f.kind === 'number' && (typeof v !== 'number' || !Number.isFinite(v)))
      throw new AppError('bad_request', 'reports.not_a_number', { field: f.label });
    if (v !== null && f.kind === 'text' && typeof v !== 'string')
      throw new AppError('bad_request', 'reports.not_text', { field: f.label });
    const empty = v === null || (typeof v === 'string' && v.trim() === '');
    if (submit && f.required && empty)
      throw new AppError('unprocessable', 'reports.missing_field', { field: f.label }, { field: f.key });
    out[f.key] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export async function saveReport(ctx: Ctx, actor: Actor, periodId: string, input: ReportSave) {
  const [row] = await selectRows<Row>(
    ctx.db,
    reportQuery(sql`p.id = ${periodId} and a.id = ${input.agencyId} and ${readable(actor)}`),
  );
  if (!row) throw notFound();
  const canFill = await selectRows(
    ctx.db,
    sql`select 1 where ${input.agencyId}::uuid in (${fillerAgencyIds(actor)})`,
  );
  if (canFill.length === 0) throw new AppError('forbidden', 'reports.not_filler');
  if (row.status === 'submitted') throw new AppError('conflict', 'reports.already_submitted');
  const values = checkValues(row.fields, input.values, input.submit);
  const status = input.submit ? 'submitted' : row.status === 'returned' ? 'returned' : 'draft';
  return inTransaction(ctx, async (tx) => {
    const [saved] = await selectRows<{ id: string }>(
      tx.db,
      sql`insert into report_submissions (period_id, agency_id, status, values, submitted_at, submitted_by, updated_at)
          values (${periodId}, ${input.agencyId}, ${status}, ${JSON.stringify(values)}::jsonb,
            ${input.submit ? tx.now.toISOString() : null}::timestamptz, ${input.submit ? actor.userId : null}::uuid, ${tx.now.toISOString()}::timestamptz)
          on conflict (period_id, agency_id) do update set status = excluded.status, values = excluded.values,
            submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by, updated_at = excluded.updated_at
          returning id`,
    );
    if (input.submit) {
      await recordAudit(tx, {
        action: 'report.submitted',
        entityType: 'report',
        entityId: saved!.id,
        agencyId: input.agencyId,
        detail: { periodId, templateId: row.template_id },
      });
      const heads = await selectRows<{ user_id: string }>(
        tx.db,
        sql`select distinct user_id from posts where agency_id = ${row.owner_agency_id} and active and role in ('head','agency_admin')`,
      );
      for (const h of heads)
        await notify(tx, {
          userId: h.user_id,
          kind: 'reports.submitted',
          params: { title: row.title, agency: row.agency_name, period: row.start },
          link: `/reports/periods/${periodId}/synthesis`,
        });
    }
    const [fresh] = await selectRows<Row>(tx.db, reportQuery(sql`s.id = ${saved!.id}`));
    return toReport(fresh!, tx.now.toISOString().slice(0, 10));
  });
}

/** The parent returns a submitted report for correction; the agency may edit and submit it again. */
export async function returnReport(ctx: Ctx, actor: Actor, id: string, reason: string) {
  const [row] = await selectRows<Row>(
    ctx.db,
    reportQuery(sql`s.id = ${id} and t.agency_id in (${ownerAgencyIds(actor)})`),
  );
  if (!row) throw notFound();
  if (row.status !== 'submitted') throw new AppError('conflict', 'reports.not_submitted');
  await inTransaction(ctx, async (tx) => {
    await tx.db.execute(
      sql`update report_submissions set status = 'returned', return_reason = ${reason}, updated_at = ${tx.now.toISOString()}::timestamptz where id = ${id}`,
    );
    await recordAudit(tx, {
      action: 'report.returned',
      entityType: 'report',
      entityId: id,
      agencyId: row.agency_id,
      detail: { reason },
    });
    const people = await selectRows<{ user_id: string }>(
      tx.db,
      sql`select distinct user_id from posts where agency_id = ${row.agency_id} and active and role in ('clerk','head')`,
    );
    for (const p of people)
      await notify(tx, {
        userId: p.user_id,
        kind: 'reports.returned',
        params: { title: row.title, reason },
        link: `/reports/periods/${row.period_id}?agency=${row.agency_id}`,
      });
  });
}
