import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { finalizeApproval } from '../../dispatch/use-cases/finalize.ts';
import { documentAudience, inboxChanged } from '../../dispatch/use-cases/live.ts';
import { assertReadable, lockDocument, setWorkflowFields } from '../../documents/documents.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { type Action, actionsFor, delegationCovers, stateAfter } from '../approvals.policy.ts';
import { clerksOf, currentRound, roundSteps } from '../approvals.queries.ts';
import { approvalSteps } from '../approvals.tables.ts';
import { advance } from './line.ts';

// Acting on a step: approve, agree or disagree, return (반려), hold (보류) and resume; recall (회수) by the
// drafter; after-the-fact review (후열) of an acting approval. Acting and delegated approvers act under the
// delegations of the org module.

/** The delegation (if any) under which the actor may act for the assignee today. */
async function actingDelegation(ctx: Ctx, actor: Actor, assigneeId: string, agencyId: string) {
  const rows = await selectRows<{ id: string; kind: 'delegated' | 'acting'; mark: string }>(
    ctx.db,
    sql`select id, kind, mark from delegations where from_user_id = ${assigneeId} and to_user_id = ${actor.userId}
        and agency_id = ${agencyId} and revoked_at is null and (${ctx.now.toISOString()}::timestamptz)::date between valid_from and valid_to
        order by kind limit 1`,
  );
  return rows[0];
}

export type ActInput = { action: Action; opinion?: string; returnTo?: 'drafter' | number };

export async function act(ctx: Ctx, config: Config, actor: Actor, documentId: string, input: ActInput) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    await assertReadable(tx, actor, documentId);
    const round = await currentRound(tx, documentId);
    const steps = await roundSteps(tx, documentId, round);
    const candidates = steps.filter((s) => actionsFor(s).includes(input.action));
    let step = candidates.find((s) => s.assigneeId === actor.userId);
    let delegation: Awaited<ReturnType<typeof actingDelegation>>;
    if (!step) {
      for (const s of candidates) {
        delegation = await actingDelegation(tx, actor, s.assigneeId, doc.agencyId);
        if (delegation && delegationCovers(s.kind, delegation)) {
          step = s;
          break;
        }
      }
    }
    if (!step || (doc.status !== 'in_approval' && doc.status !== 'on_hold'))
      throw new AppError('conflict', 'approvals.not_your_turn');
    if (
      (input.action === 'return' || input.action === 'hold' || input.action === 'disagree') &&
      !input.opinion
    ) {
      throw new AppError('bad_request', 'approvals.opinion_required');
    }
    await tx.db
      .update(approvalSteps)
      .set({
        state: stateAfter(input.action),
        actedBy: actor.userId,
        actedAt: tx.now,
        opinion: input.opinion ?? null,
        delegationId: delegation?.id ?? null,
        mark: delegation?.mark ?? null,
      })
      .where(eq(approvalSteps.id, step.id));
    const outcome = await applyOutcome(tx, { config, actor, doc, step, input, round, steps });
    await recordAudit(tx, {
      action: `approvals.${input.action}`,
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: {
        step: step.id,
        kind: step.kind,
        onBehalfOf: step.assigneeId !== actor.userId ? step.assigneeId : undefined,
        mark: delegation?.mark,
        opinion: input.opinion,
        outcome,
      },
    });
    if (delegation?.kind === 'acting') {
      await notify(tx, {
        userId: step.assigneeId,
        kind: 'approvals.post_review_needed',
        params: { subject: doc.subject },
        link: `/documents/${documentId}`,
      });
    }
    await inboxChanged(tx, [actor.userId, ...(await documentAudience(tx, documentId))]);
    return outcome;
  });
}

type StepRow = typeof approvalSteps.$inferSelect;
type Doc = Awaited<ReturnType<typeof lockDocument>>;

type Acting = {
  config: Config;
  actor: Actor;
  doc: Doc;
  step: StepRow;
  input: ActInput;
  round: number;
  steps: StepRow[];
};

async function applyOutcome(ctx: Ctx, { config, actor, doc, step, input, round, steps }: Acting) {
  const link = `/documents/${doc.id}`;
  const params = { subject: doc.subject };
  if (input.action === 'hold' || input.action === 'resume') {
    await setWorkflowFields(ctx, doc.id, { status: input.action === 'hold' ? 'on_hold' : 'in_approval' });
    if (input.action === 'hold')
      await notify(ctx, { userId: doc.drafterId, kind: 'approvals.held', params, link });
    return input.action === 'hold' ? 'held' : 'resumed';
  }
  if (input.action === 'return') return returnDocument(ctx, doc, step, input, round, steps);
  if (!(await advance(ctx, doc.id, round, doc.subject))) return 'advanced';
  const final = (await roundSteps(ctx, doc.id, round)).filter((s) => s.kind === 'approval').at(-1)!;
  const approved = await setWorkflowFields(ctx, doc.id, {
    status: 'approved',
    signerId: final.actedBy,
    signerMark: final.mark,
  });
  // Final approval numbers the document and the approver signs its PDF, in this same transaction.
  await finalizeApproval(ctx, config, actor, approved);
  await notify(ctx, { userId: doc.drafterId, kind: 'approvals.approved', params, link });
  for (const clerk of await clerksOf(ctx, doc.agencyId))
    await notify(ctx, { userId: clerk, kind: 'dispatch.ready_to_issue', params, link });
  return 'approved';
}

/** 반려: back to the drafter (the round ends), or to an earlier group of the same round, which acts again. */
async function returnDocument(
  ctx: Ctx,
  doc: Doc,
  step: StepRow,
  input: ActInput,
  round: number,
  steps: StepRow[],
) {
  const params = { subject: doc.subject, opinion: input.opinion ?? '' };
  const link = `/documents/${doc.id}`;
  const target = typeof input.returnTo === 'number' ? input.returnTo : null;
  if (target === null) {
    await ctx.db
      .update(approvalSteps)
      .set({ state: 'cancelled' })
      .where(
        and(
          eq(approvalSteps.documentId, doc.id),
          eq(approvalSteps.round, round),
          sql`${approvalSteps.state} in ('waiting','pending','held')`,
        ),
      );
    await setWorkflowFields(ctx, doc.id, { status: 'returned' });
    await notify(ctx, { userId: doc.drafterId, kind: 'approvals.returned', params, link });
    return 'returned';
  }
  if (target >= step.seq || !steps.some((s) => s.seq === target && s.kind !== 'notify'))
    throw new AppError('bad_request', 'approvals.bad_return_target');
  for (const s of steps.filter((x) => x.seq >= target && x.kind !== 'notify')) {
    const state = s.seq === target ? 'pending' : 'waiting';
    await ctx.db
      .update(approvalSteps)
      .set({ state, actedAt: null, actedBy: null, delegationId: null, mark: null })
      .where(eq(approvalSteps.id, s.id));
    if (s.seq === target)
      await notify(ctx, { userId: s.assigneeId, kind: 'approvals.returned_to_you', params, link });
  }
  await setWorkflowFields(ctx, doc.id, { status: 'in_approval' });
  return 'returned_to_step';
}

/** 회수: the drafter takes the document back while no one on the current round has acted yet. */
export async function recall(ctx: Ctx, actor: Actor, documentId: string) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    await assertReadable(tx, actor, documentId);
    if (doc.drafterId !== actor.userId) throw forbidden();
    const round = await currentRound(tx, documentId);
    const steps = await roundSteps(tx, documentId, round);
    const acted = steps.some((s) =>
      ['approved', 'agreed', 'disagreed', 'returned', 'held'].includes(s.state),
    );
    if ((doc.status !== 'in_approval' && doc.status !== 'on_hold') || acted)
      throw new AppError('conflict', 'approvals.recall_too_late');
    await tx.db
      .update(approvalSteps)
      .set({ state: 'cancelled' })
      .where(and(eq(approvalSteps.documentId, documentId), eq(approvalSteps.round, round)));
    await setWorkflowFields(tx, documentId, { status: 'draft' });
    await inboxChanged(tx, [actor.userId, ...(await documentAudience(tx, documentId))]);
    await recordAudit(tx, {
      action: 'approvals.recalled',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: { round },
    });
  });
}

/** 후열: the absent approver reviews, after the fact, what their acting approver decided. */
export async function postReview(ctx: Ctx, actor: Actor, documentId: string, stepId: string) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    const [step] = await tx.db
      .select()
      .from(approvalSteps)
      .where(and(eq(approvalSteps.id, stepId), eq(approvalSteps.documentId, documentId)));
    if (!step) throw notFound();
    if (step.assigneeId !== actor.userId) throw forbidden();
    if (!step.actedBy || step.actedBy === step.assigneeId || step.postReviewAt)
      throw new AppError('conflict', 'approvals.no_post_review');
    await tx.db.update(approvalSteps).set({ postReviewAt: tx.now }).where(eq(approvalSteps.id, stepId));
    await inboxChanged(tx, [actor.userId]);
    await recordAudit(tx, {
      action: 'approvals.post_reviewed',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: { step: stepId },
    });
  });
}
