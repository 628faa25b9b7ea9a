import { randomBytes } from 'node:crypto';
import type { SubmissionInput, SubmissionUpdate, SubmissionValues } from '@civicdesk/contracts/services';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { sha256Hex } from '../../../platform/canonical.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { nextNumber } from '../../dispatch/use-cases/numbering.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { registryConsents, type serviceProcedures, serviceSubmissions } from '../services.tables.ts';
import { addWorkingDays, endOfLocalDay, localDate } from '../working-days.ts';
import { holidaySet } from './catalogue.ts';
import { citizenProfile } from './portal-accounts.ts';
import { validateValues } from './validate.ts';
import {
  addEvent,
  findProcedure,
  findSubmission,
  listSummaries,
  type SubmissionRow,
  submissionView,
} from './view.ts';

// Citizens save drafts and submit; guests submit at once and get a tracking code (shown once, kept hashed).
// Submitting registers the application in the agency's incoming register and sets its legal deadline.

type Procedure = typeof serviceProcedures.$inferSelect;

async function agencyCountry(ctx: Ctx, agencyId: string) {
  const [row] = await selectRows<{ country: 'vn' | 'kr' }>(
    ctx.db,
    sql`select country from agencies where id = ${agencyId}`,
  );
  return row!.country;
}

/** The deadline of `days` working days counted from the day of `from`, at the end of the agency's day. */
export async function deadlineFrom(ctx: Ctx, agencyId: string, from: Date, days: number) {
  const country = await agencyCountry(ctx, agencyId);
  const holidays = await holidaySet(ctx, agencyId);
  return endOfLocalDay(addWorkingDays(localDate(from, country), days, holidays), country);
}

function holderOf(procedure: Procedure, values: SubmissionValues, fallback: string | null) {
  const value = procedure.holderField ? values[procedure.holderField] : undefined;
  return typeof value === 'string' ? value.trim() : fallback;
}

/** In the caller's transaction: number, deadline, consent, the queue's notification. */
async function register(tx: Ctx, row: SubmissionRow, procedure: Procedure) {
  const country = await agencyCountry(tx, row.agencyId);
  const year = Number(localDate(tx.now, country).slice(0, 4));
  const number = await nextNumber(tx, row.agencyId, 'incoming', year);
  const deadline = await deadlineFrom(tx, row.agencyId, tx.now, procedure.processingDays);
  await tx.db
    .update(serviceSubmissions)
    .set({
      state: 'submitted',
      incomingNumber: number,
      incomingYear: year,
      submittedAt: tx.now,
      deadline,
      updatedAt: tx.now,
    })
    .where(eq(serviceSubmissions.id, row.id));
  if (row.consentPurpose) {
    if (!row.holderIdentifier) throw new AppError('bad_request', 'services.consent_needs_identifier');
    await tx.db.insert(registryConsents).values({
      holderIdentifier: row.holderIdentifier,
      citizenId: row.citizenId,
      agencyId: row.agencyId,
      purpose: row.consentPurpose,
      submissionId: row.id,
      createdAt: tx.now,
    });
  }
  await addEvent(tx, row.id, 'submitted');
  await recordAudit(tx, {
    action: 'services.submission.submitted',
    entityType: 'service_submission',
    entityId: row.id,
    agencyId: row.agencyId,
    detail: { number, year, deadline: deadline.toISOString(), consent: row.consentPurpose },
  });
  const heads = await selectRows<{ user_id: string }>(
    tx.db,
    sql`select distinct user_id from posts where agency_id = ${row.agencyId} and active and role = 'head'
          and (unit_id = ${row.unitId} or unit_id is null)`,
  );
  for (const h of heads)
    await notify(tx, {
      userId: h.user_id,
      kind: 'services.submission_received',
      params: { procedure: procedure.name, number: `${number}/${year}` },
      link: `/services/submissions/${row.id}`,
    });
}

export async function createSubmission(
  ctx: Ctx,
  actor: Actor | null,
  input: z.infer<typeof SubmissionInput>,
) {
  const procedure = await findProcedure(ctx, input.procedureId);
  if (!procedure.active) throw notFound();
  const citizen = actor ? await citizenProfile(ctx, actor) : null;
  if (!citizen && !input.submit) throw new AppError('bad_request', 'services.guest_submit_only');
  if (!citizen && !input.applicantName) throw new AppError('bad_request', 'services.guest_name_required');
  if (citizen && input.submit && !citizen.emailVerified)
    throw new AppError('forbidden', 'services.email_unverified');
  const values = await validateValues(ctx, procedure.form, input.values, input.submit);
  const trackingCode = citizen ? null : randomBytes(18).toString('base64url');
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(serviceSubmissions)
      .values({
        procedureId: procedure.id,
        agencyId: procedure.agencyId,
        unitId: procedure.unitId,
        citizenId: citizen?.id ?? null,
        applicantName: citizen?.displayName ?? input.applicantName!,
        applicantEmail: citizen?.email ?? input.applicantEmail ?? null,
        trackingHash: trackingCode ? sha256Hex(trackingCode) : null,
        state: 'draft',
        values,
        holderIdentifier: holderOf(procedure, values, citizen?.identifier ?? null),
        consentPurpose: input.consentPurpose ?? null,
        createdAt: tx.now,
        updatedAt: tx.now,
      })
      .returning();
    if (input.submit) await register(tx, row!, procedure);
    return row!.id;
  });
  return { id, state: input.submit ? ('submitted' as const) : ('draft' as const), trackingCode };
}

async function ownSubmission(ctx: Ctx, actor: Actor, id: string) {
  const row = await findSubmission(ctx, id);
  if (row.citizenId !== actor.userId) throw notFound();
  return row;
}

export async function updateDraft(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: z.infer<typeof SubmissionUpdate>,
) {
  const row = await ownSubmission(ctx, actor, id);
  if (row.state !== 'draft') throw new AppError('conflict', 'services.not_draft');
  const procedure = await findProcedure(ctx, row.procedureId);
  const citizen = await citizenProfile(ctx, actor);
  if (input.submit && !citizen.emailVerified) throw new AppError('forbidden', 'services.email_unverified');
  const values = await validateValues(ctx, procedure.form, input.values, input.submit);
  await inTransaction(ctx, async (tx) => {
    const locked = await findSubmission(tx, id, true);
    if (locked.state !== 'draft') throw new AppError('conflict', 'services.not_draft');
    const [updated] = await tx.db
      .update(serviceSubmissions)
      .set({
        values,
        holderIdentifier: holderOf(procedure, values, citizen.identifier),
        consentPurpose: input.consentPurpose ?? null,
        updatedAt: tx.now,
      })
      .where(eq(serviceSubmissions.id, id))
      .returning();
    if (input.submit) await register(tx, updated!, procedure);
  });
  return submissionView(ctx, await findSubmission(ctx, id));
}

export async function mySubmission(ctx: Ctx, actor: Actor, id: string) {
  return submissionView(ctx, await ownSubmission(ctx, actor, id));
}

export async function listMySubmissions(ctx: Ctx, actor: Actor) {
  return listSummaries(ctx, sql`s.citizen_id = ${actor.userId}`);
}

/** A guest's submission by its tracking code; a forged or mistyped code learns nothing. */
export async function byTrackingCode(ctx: Ctx, code: string): Promise<SubmissionRow> {
  const [row] = await ctx.db
    .select()
    .from(serviceSubmissions)
    .where(eq(serviceSubmissions.trackingHash, sha256Hex(code.trim())));
  if (!row) throw new AppError('not_found', 'services.tracking_unknown');
  return row;
}

export async function ownOrTracked(ctx: Ctx, actor: Actor | null, ref: { id?: string; code?: string }) {
  if (ref.code) return byTrackingCode(ctx, ref.code);
  if (!actor || !ref.id) throw notFound();
  return ownSubmission(ctx, actor, ref.id);
}
