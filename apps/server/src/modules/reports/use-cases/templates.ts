import type { TemplateCreate } from '@civicdesk/contracts/reports';
import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { addressed, fillerAgencyIds, ownerAgencyIds } from '../reports.policy.ts';
import { type FieldJson, reportPeriods, reportTemplates } from '../reports.tables.ts';
import { periodStart, periodsUntil } from '../schedule.ts';

// Report templates and their schedules: defined by a parent agency's head or administrator.

export type TemplateRow = {
  id: string;
  agency_id: string;
  agency_name: string;
  title: string;
  frequency: 'monthly' | 'quarterly' | 'yearly';
  due_day: number;
  audience: 'children' | 'subtree';
  starts_on: string;
  fields: FieldJson[];
  owner: boolean;
};

export async function createTemplate(ctx: Ctx, actor: Actor, input: TemplateCreate) {
  const allowed = await selectRows(
    ctx.db,
    sql`select 1 where ${input.agencyId}::uuid in (${ownerAgencyIds(actor)})`,
  );
  if (allowed.length === 0) throw forbidden();
  const today = ctx.now.toISOString().slice(0, 10);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(reportTemplates)
      .values({
        agencyId: input.agencyId,
        title: input.title,
        fields: input.fields.map((f) => ({ ...f, required: f.required ?? true })),
        frequency: input.frequency,
        dueDay: input.dueDay,
        audience: input.audience,
        startsOn: periodStart(input.frequency, input.startsOn ?? today),
        createdBy: actor.userId,
        createdAt: tx.now,
      })
      .returning();
    await recordAudit(tx, {
      action: 'report_template.created',
      entityType: 'report_template',
      entityId: row!.id,
      agencyId: input.agencyId,
      after: { title: input.title, frequency: input.frequency, fields: input.fields.length },
    });
    await ensurePeriods(tx, row!.id);
    return row!;
  });
}

/** Inserts the periods of the schedule up to today that are not there yet; returns all of them. */
export async function ensurePeriods(ctx: Ctx, templateId: string) {
  const [t] = await ctx.db.select().from(reportTemplates).where(sql`${reportTemplates.id} = ${templateId}`);
  if (!t) throw notFound();
  const today = ctx.now.toISOString().slice(0, 10);
  const wanted = periodsUntil(t.frequency, t.startsOn, today, t.dueDay);
  if (wanted.length)
    await ctx.db
      .insert(reportPeriods)
      .values(wanted.map((p) => ({ templateId, ...p })))
      .onConflictDoNothing();
  return ctx.db
    .select()
    .from(reportPeriods)
    .where(sql`${reportPeriods.templateId} = ${templateId}`)
    .orderBy(sql`${reportPeriods.start} desc`);
}

const visibleTemplates = (actor: Actor) => sql`
  select t.id, t.agency_id, tp.name as agency_name, t.title, t.frequency, t.due_day, t.audience,
    t.starts_on::text as starts_on, t.fields, t.agency_id in (${ownerAgencyIds(actor)}) as owner
  from report_templates t join agencies tp on tp.id = t.agency_id
  where t.agency_id in (${ownerAgencyIds(actor)})
    or exists (select 1 from agencies a where ${addressed()} and a.id in (${fillerAgencyIds(actor)}))`;

export function listTemplates(ctx: Ctx, actor: Actor) {
  return selectRows<TemplateRow>(ctx.db, sql`${visibleTemplates(actor)} order by t.created_at desc`);
}

/** 404 unless the actor owns the template or one of their agencies is addressed by it. */
export async function findTemplate(ctx: Ctx, actor: Actor, id: string): Promise<TemplateRow> {
  const [row] = await selectRows<TemplateRow>(
    ctx.db,
    sql`select * from (${visibleTemplates(actor)}) v where v.id = ${id}`,
  );
  if (!row) throw notFound();
  return row;
}

export const toTemplate = (r: TemplateRow) => ({
  id: r.id,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  title: r.title,
  frequency: r.frequency,
  dueDay: r.due_day,
  audience: r.audience,
  fields: r.fields.map((f) => ({ ...f, required: f.required ?? true })),
  owner: r.owner,
});

export async function templateDetail(ctx: Ctx, actor: Actor, id: string) {
  const t = await findTemplate(ctx, actor, id);
  const periods = await inTransaction(ctx, (tx) => ensurePeriods(tx, id));
  return {
    ...toTemplate(t),
    periods: periods.map((p) => ({ id: p.id, start: p.start, end: p.end, dueOn: p.dueOn })),
  };
}
