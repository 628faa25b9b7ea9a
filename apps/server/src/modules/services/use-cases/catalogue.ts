import type { Holiday, ProcedureInput, ProcedureUpdate } from '@civicdesk/contracts/services';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { uniqueOr } from '../../../platform/db/unique.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { assertAdmin } from '../../org/org.service.ts';
import { serviceHolidays, serviceProcedures } from '../services.tables.ts';

// The public catalogue of procedures and each agency's holiday calendar, kept by the agency's administrator.

type ProcedureRow = typeof serviceProcedures.$inferSelect;

async function names(ctx: Ctx, rows: ProcedureRow[]) {
  if (rows.length === 0) return [];
  const found = await selectRows<{ id: string; name: string }>(
    ctx.db,
    sql`select id, name from agencies where id in ${rows.map((r) => r.agencyId)}
        union all select id, name from units where id in ${rows.map((r) => r.unitId)}`,
  );
  const byId = new Map(found.map((f) => [f.id, f.name]));
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    unitId: r.unitId,
    code: r.code,
    name: r.name,
    legalBasis: r.legalBasis,
    requiredDocuments: r.requiredDocuments,
    form: r.form,
    processingDays: r.processingDays,
    fee: r.fee,
    resultKind: r.resultKind,
    isRegistry: r.isRegistry,
    holderField: r.holderField,
    validityMonths: r.validityMonths,
    active: r.active,
    agencyName: byId.get(r.agencyId) ?? '',
    unitName: byId.get(r.unitId) ?? '',
  }));
}

/** The catalogue anyone may browse: active procedures, of one agency or all. */
export async function listProcedures(ctx: Ctx, agencyId?: string, includeInactive = false) {
  const rows = await ctx.db
    .select()
    .from(serviceProcedures)
    .where(
      and(
        agencyId ? eq(serviceProcedures.agencyId, agencyId) : undefined,
        includeInactive ? undefined : eq(serviceProcedures.active, true),
      ),
    )
    .orderBy(asc(serviceProcedures.name));
  return names(ctx, rows);
}

export async function getProcedure(ctx: Ctx, id: string, includeInactive = false) {
  const [row] = await ctx.db.select().from(serviceProcedures).where(eq(serviceProcedures.id, id));
  if (!row || (!row.active && !includeInactive)) throw notFound();
  return (await names(ctx, [row]))[0]!;
}

async function assertUnitOf(ctx: Ctx, agencyId: string, unitId: string) {
  const [unit] = await selectRows(
    ctx.db,
    sql`select 1 as ok from units where id = ${unitId} and agency_id = ${agencyId}`,
  );
  if (!unit) throw new AppError('bad_request', 'services.unit_not_in_agency');
}

function assertHolderField(input: Pick<ProcedureInput, 'isRegistry' | 'holderField' | 'form'>) {
  if (!input.isRegistry) return;
  const field = input.form.fields.find((f) => f.key === input.holderField);
  if (field?.type !== 'text' || !field.required)
    throw new AppError('bad_request', 'services.holder_field_required');
}

export async function createProcedure(ctx: Ctx, actor: Actor, input: ProcedureInput) {
  await assertAdmin(ctx, actor, input.agencyId);
  await assertUnitOf(ctx, input.agencyId, input.unitId);
  assertHolderField(input);
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await uniqueOr(
      () =>
        tx.db
          .insert(serviceProcedures)
          .values({ ...input, createdAt: tx.now })
          .returning(),
      'services.code_taken',
      { code: input.code },
    );
    await recordAudit(tx, {
      action: 'services.procedure.created',
      entityType: 'service_procedure',
      entityId: row!.id,
      agencyId: input.agencyId,
      after: row,
    });
    return row!.id;
  });
  return getProcedure(ctx, id, true);
}

export async function updateProcedure(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: z.infer<typeof ProcedureUpdate>,
) {
  const before = await getProcedure(ctx, id, true);
  await assertAdmin(ctx, actor, before.agencyId);
  const merged = { ...before, ...input };
  if (input.unitId) await assertUnitOf(ctx, before.agencyId, input.unitId);
  assertHolderField(merged);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(serviceProcedures).set(input).where(eq(serviceProcedures.id, id));
    await recordAudit(tx, {
      action: 'services.procedure.updated',
      entityType: 'service_procedure',
      entityId: id,
      agencyId: before.agencyId,
      before,
      after: merged,
    });
  });
  return getProcedure(ctx, id, true);
}

export async function listHolidays(ctx: Ctx, agencyId: string): Promise<Holiday[]> {
  return ctx.db
    .select({ date: serviceHolidays.date, name: serviceHolidays.name })
    .from(serviceHolidays)
    .where(eq(serviceHolidays.agencyId, agencyId))
    .orderBy(asc(serviceHolidays.date));
}

export async function holidaySet(ctx: Ctx, agencyId: string): Promise<Set<string>> {
  return new Set((await listHolidays(ctx, agencyId)).map((h) => h.date));
}

export async function addHoliday(ctx: Ctx, actor: Actor, agencyId: string, input: Holiday) {
  await assertAdmin(ctx, actor, agencyId);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(serviceHolidays)
      .values({ agencyId, ...input })
      .onConflictDoUpdate({
        target: [serviceHolidays.agencyId, serviceHolidays.date],
        set: { name: input.name },
      });
    await recordAudit(tx, {
      action: 'services.holiday.added',
      entityType: 'agency',
      entityId: agencyId,
      agencyId,
      detail: input,
    });
  });
  return listHolidays(ctx, agencyId);
}

export async function removeHoliday(ctx: Ctx, actor: Actor, agencyId: string, date: string) {
  await assertAdmin(ctx, actor, agencyId);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .delete(serviceHolidays)
      .where(and(eq(serviceHolidays.agencyId, agencyId), eq(serviceHolidays.date, date)));
    await recordAudit(tx, {
      action: 'services.holiday.removed',
      entityType: 'agency',
      entityId: agencyId,
      agencyId,
      detail: { date },
    });
  });
  return listHolidays(ctx, agencyId);
}

/** Every agency, public: the portal lets people browse by agency and choose whom they consent to. */
export async function listPortalAgencies(ctx: Ctx) {
  const rows = await selectRows<{
    id: string;
    code: string;
    name: string;
    country: 'vn' | 'kr';
    procedures: number;
  }>(
    ctx.db,
    sql`select a.id, a.code, a.name, a.country,
               (select count(*)::int from service_procedures p where p.agency_id = a.id and p.active) as procedures
          from agencies a order by a.name`,
  );
  return rows;
}
