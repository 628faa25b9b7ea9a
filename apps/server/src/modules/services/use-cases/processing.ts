import type { InfoAnswer } from '@civicdesk/contracts/services';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { assertStaff, isHead, type StaffAccess } from '../services.access.ts';
import { serviceSubmissions } from '../services.tables.ts';
import { addWorkingDays, endOfLocalDay, localDate, workingDaysBetween } from '../working-days.ts';
import { holidaySet } from './catalogue.ts';
import { mailApplicant, notifyApplicantInApp } from './notify-applicant.ts';
import { validateValues } from './validate.ts';
import {
  addEvent,
  findProcedure,
  findSubmission,
  listSummaries,
  type SubmissionRow,
  submissionView,
} from './view.ts';

// The handling agency's side: the queue, assignment by a head, requests for more information (the legal clock
// stops until the applicant answers, then the deadline moves by the working days it waited) and refusal.

export async function listQueue(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  state: 'open' | 'overdue' | 'decided' | 'all',
) {
  await assertStaff(ctx, actor, agencyId);
  const now = ctx.now.toISOString();
  const filter = {
    open: sql`s.state in ('submitted', 'info_requested')`,
    overdue: sql`s.state = 'submitted' and s.deadline < ${now}::timestamptz`,
    decided: sql`s.state in ('approved', 'refused')`,
    all: sql`s.state <> 'draft'`,
  }[state];
  return listSummaries(ctx, sql`s.agency_id = ${agencyId} and ${filter}`);
}

/** A submission of an agency the actor works in; 404 for everyone else (and for drafts). */
export async function staffSubmission(ctx: Ctx, actor: Actor, id: string, lock = false) {
  const row = await findSubmission(ctx, id, lock);
  if (row.state === 'draft') throw notFound();
  const access = await assertStaff(ctx, actor, row.agencyId);
  return { row, access };
}

export async function getForStaff(ctx: Ctx, actor: Actor, id: string) {
  const { row } = await staffSubmission(ctx, actor, id);
  return submissionView(ctx, row);
}

/** The assignee decides; a head (or the agency admin) may act on any submission of the agency. */
export function assertHandler(access: StaffAccess, row: SubmissionRow, actor: Actor) {
  if (row.assigneeId !== actor.userId && !isHead(access))
    throw new AppError('forbidden', 'services.not_handler');
}

export async function assign(ctx: Ctx, actor: Actor, id: string, assigneeId: string) {
  await inTransaction(ctx, async (tx) => {
    const { row, access } = await staffSubmission(tx, actor, id, true);
    if (!isHead(access)) throw new AppError('forbidden', 'services.heads_assign');
    if (row.state !== 'submitted' && row.state !== 'info_requested')
      throw new AppError('conflict', 'services.already_decided');
    const [post] = await selectRows(
      tx.db,
      sql`select 1 as ok from posts where user_id = ${assigneeId} and agency_id = ${row.agencyId} and active`,
    );
    if (!post) throw new AppError('bad_request', 'services.assignee_not_staff');
    await tx.db
      .update(serviceSubmissions)
      .set({ assigneeId, assignedAt: tx.now, updatedAt: tx.now })
      .where(eq(serviceSubmissions.id, id));
    await addEvent(tx, id, 'assigned');
    await recordAudit(tx, {
      action: 'services.submission.assigned',
      entityType: 'service_submission',
      entityId: id,
      agencyId: row.agencyId,
      detail: { assigneeId },
    });
    await notify(tx, {
      userId: assigneeId,
      kind: 'services.assigned',
      params: { number: `${row.incomingNumber}/${row.incomingYear}` },
      link: `/services/submissions/${id}`,
    });
  });
  return getForStaff(ctx, actor, id);
}

export async function requestInfo(
  ctx: Ctx,
  mailer: Mailer | null,
  actor: Actor,
  id: string,
  message: string,
) {
  const row = await inTransaction(ctx, async (tx) => {
    const { row, access } = await staffSubmission(tx, actor, id, true);
    assertHandler(access, row, actor);
    if (row.state !== 'submitted') throw new AppError('conflict', 'services.not_in_progress');
    await tx.db
      .update(serviceSubmissions)
      .set({ state: 'info_requested', pausedAt: tx.now, updatedAt: tx.now })
      .where(eq(serviceSubmissions.id, id));
    await addEvent(tx, id, 'info_requested', message);
    await recordAudit(tx, {
      action: 'services.submission.info_requested',
      entityType: 'service_submission',
      entityId: id,
      agencyId: row.agencyId,
      detail: { message },
    });
    const procedure = await findProcedure(tx, row.procedureId);
    await notifyApplicantInApp(tx, row, { kind: 'info_requested', procedure: procedure.name });
    return { ...row, procedureName: procedure.name };
  });
  await mailApplicant(ctx, mailer, row, { kind: 'info_requested', procedure: row.procedureName, message });
  return getForStaff(ctx, actor, id);
}

/** The applicant's answer restarts the clock: the deadline moves by the working days spent waiting. */
export async function answerInfo(ctx: Ctx, row: SubmissionRow, input: z.infer<typeof InfoAnswer>) {
  if (row.state !== 'info_requested') throw new AppError('conflict', 'services.no_open_request');
  const procedure = await findProcedure(ctx, row.procedureId);
  const values = await validateValues(ctx, procedure.form, { ...row.values, ...input.values }, true);
  await inTransaction(ctx, async (tx) => {
    const locked = await findSubmission(tx, row.id, true);
    if (locked.state !== 'info_requested') throw new AppError('conflict', 'services.no_open_request');
    const [agency] = await selectRows<{ country: 'vn' | 'kr' }>(
      tx.db,
      sql`select country from agencies where id = ${row.agencyId}`,
    );
    const country = agency!.country;
    const holidays = await holidaySet(tx, row.agencyId);
    const waited = workingDaysBetween(
      localDate(locked.pausedAt!, country),
      localDate(tx.now, country),
      holidays,
    );
    const deadline = locked.deadline
      ? endOfLocalDay(addWorkingDays(localDate(locked.deadline, country), waited, holidays), country)
      : null;
    await tx.db
      .update(serviceSubmissions)
      .set({
        state: 'submitted',
        values,
        pausedAt: null,
        pausedDays: locked.pausedDays + waited,
        deadline,
        updatedAt: tx.now,
      })
      .where(eq(serviceSubmissions.id, row.id));
    await addEvent(tx, row.id, 'info_provided', input.message, input.values);
    await recordAudit(tx, {
      action: 'services.submission.info_provided',
      entityType: 'service_submission',
      entityId: row.id,
      agencyId: row.agencyId,
      detail: { waitedWorkingDays: waited, deadline: deadline?.toISOString() ?? null },
    });
    if (locked.assigneeId)
      await notify(tx, {
        userId: locked.assigneeId,
        kind: 'services.info_provided',
        params: { number: `${locked.incomingNumber}/${locked.incomingYear}` },
        link: `/services/submissions/${row.id}`,
      });
  });
  return submissionView(ctx, await findSubmission(ctx, row.id));
}

export async function refuse(ctx: Ctx, mailer: Mailer | null, actor: Actor, id: string, reason: string) {
  const row = await inTransaction(ctx, async (tx) => {
    const { row, access } = await staffSubmission(tx, actor, id, true);
    assertHandler(access, row, actor);
    if (row.state !== 'submitted' && row.state !== 'info_requested')
      throw new AppError('conflict', 'services.already_decided');
    await tx.db
      .update(serviceSubmissions)
      .set({
        state: 'refused',
        decidedAt: tx.now,
        decidedBy: actor.userId,
        decisionReason: reason,
        pausedAt: null,
        updatedAt: tx.now,
      })
      .where(eq(serviceSubmissions.id, id));
    await addEvent(tx, id, 'refused', reason);
    await recordAudit(tx, {
      action: 'services.submission.refused',
      entityType: 'service_submission',
      entityId: id,
      agencyId: row.agencyId,
      detail: { reason },
    });
    const procedure = await findProcedure(tx, row.procedureId);
    await notifyApplicantInApp(tx, row, { kind: 'refused', procedure: procedure.name });
    return { ...row, procedureName: procedure.name };
  });
  await mailApplicant(ctx, mailer, row, { kind: 'refused', procedure: row.procedureName, message: reason });
  return getForStaff(ctx, actor, id);
}
