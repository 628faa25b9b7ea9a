import { and, asc, eq, sql } from 'drizzle-orm';
import { selectRows } from '../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertReadable, lockDocument, setWorkflowFields } from '../documents/documents.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  type Action,
  actionsFor,
  delegationCovers,
  isComplete,
  lineProblem,
  stateAfter,
  stepsToOpen,
} from './approvals.policy.ts';
import { approvalSteps, type StepKind } from './approvals.tables.ts';

// E-approval: the drafter submits (상신) along a typed line; each step approves, agrees or disagrees, returns
// (반려), holds (보류); the drafter may recall (회수) before anyone acts; acting and delegated approvers act
// under the delegations of the org module, and the absent approver reviews acting approvals afterwards (후열).

export type LineInput = { kind: StepKind; assigneeId: string; parallel?: boolean }[];

const currentRound = async (ctx: Ctx, documentId: string) =>
  (
    await selectRows<{ r: number | null }>(
      ctx.db,
      sql`select max(round) as r from approval_steps where document_id = ${documentId}`,
    )
  )[0]?.r ?? 0;

const roundSteps = (ctx: Ctx, documentId: string, round: number) =>
  ctx.db
    .select()
    .from(approvalSteps)
    .where(and(eq(approvalSteps.documentId, documentId), eq(approvalSteps.round, round)))
    .orderBy(asc(approvalSteps.seq));

async function assertLineMembers(ctx: Ctx, agencyId: string, line: LineInput) {
  const ids = [...new Set(line.map((s) => s.assigneeId))];
  const rows = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`select distinct p.user_id from posts p join users u on u.id = p.user_id
        where p.agency_id = ${agencyId} and p.active and u.active and p.role in ('official','head','clerk','secretary','agency_admin')
        and p.user_id in ${ids}`,
  );
  if (rows.length !== ids.length) throw new AppError('bad_request', 'approvals.assignee_not_in_agency');
}

/** Opens the next group of steps; notify steps are delivered at once and the line moves on past them. */
async function advance(ctx: Ctx, documentId: string, round: number, subject: string): Promise<boolean> {
  for (;;) {
    const steps = await roundSteps(ctx, documentId, round);
    const open = stepsToOpen(steps);
    if (open.length === 0) return isComplete(steps);
    for (const step of steps.filter((s) => open.includes(s.id))) {
      const notifyOnly = step.kind === 'notify';
      await ctx.db
        .update(approvalSteps)
        .set({ state: notifyOnly ? 'notified' : 'pending', actedAt: notifyOnly ? ctx.now : null })
        .where(eq(approvalSteps.id, step.id));
      const kind = notifyOnly ? 'approvals.notified' : 'approvals.your_turn';
      await notify(ctx, {
        userId: step.assigneeId,
        kind,
        params: { subject },
        link: `/documents/${documentId}`,
      });
    }
  }
}

export async function submit(ctx: Ctx, actor: Actor, documentId: string, line: LineInput) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    if (doc.drafterId !== actor.userId) {
      await assertReadable(tx, actor, documentId);
      throw forbidden();
    }
    if (doc.status !== 'draft' && doc.status !== 'returned')
      throw new AppError('conflict', 'approvals.not_submittable', { status: doc.status });
    const problem = lineProblem(line, doc.drafterId);
    if (problem) throw new AppError('bad_request', problem);
    await assertLineMembers(tx, doc.agencyId, line);
    const round = (await currentRound(tx, documentId)) + 1;
    let seq = 0;
    const rows = line.map((s, i) => {
      if (!(s.parallel && i > 0 && line[i - 1]?.kind === s.kind)) seq += 1;
      return { documentId, round, seq, kind: s.kind, assigneeId: s.assigneeId, state: 'waiting' as const };
    });
    await tx.db.insert(approvalSteps).values(rows);
    await setWorkflowFields(tx, documentId, { status: 'in_approval' });
    await advance(tx, documentId, round, doc.subject);
    await recordAudit(tx, {
      action: 'approvals.submitted',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: { round, steps: line },
    });
  });
}

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

export async function act(ctx: Ctx, actor: Actor, documentId: string, input: ActInput) {
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
    const outcome = await applyOutcome(tx, doc, step, input, round, steps);
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
    return outcome;
  });
}

type StepRow = typeof approvalSteps.$inferSelect;
type Doc = Awaited<ReturnType<typeof lockDocument>>;

async function clerksOf(ctx: Ctx, agencyId: string) {
  return (
    await selectRows<{ user_id: string }>(
      ctx.db,
      sql`select distinct user_id from posts where agency_id = ${agencyId} and role = 'clerk' and active`,
    )
  ).map((r) => r.user_id);
}

async function applyOutcome(
  ctx: Ctx,
  doc: Doc,
  step: StepRow,
  input: ActInput,
  round: number,
  steps: StepRow[],
) {
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
  await setWorkflowFields(ctx, doc.id, {
    status: 'approved',
    signerId: final.actedBy,
    signerMark: final.mark,
  });
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
    await recordAudit(tx, {
      action: 'approvals.post_reviewed',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: { step: stepId },
    });
  });
}

type ViewRow = {
  id: string;
  seq: number;
  kind: StepKind;
  state: string;
  assignee_id: string;
  assignee_name: string;
  position_name: string | null;
  acted_by_name: string | null;
  acted_by: string | null;
  mark: string | null;
  opinion: string | null;
  acted_at: Date | string | null;
  post_review_at: Date | string | null;
};

/** The current round's line with names and positions, and what the caller may do on it. */
export async function approvalView(ctx: Ctx, actor: Actor, documentId: string) {
  await assertReadable(ctx, actor, documentId);
  const round = await currentRound(ctx, documentId);
  const rows = await selectRows<ViewRow>(
    ctx.db,
    sql`select s.id, s.seq, s.kind, s.state, s.assignee_id, a.display_name as assignee_name, s.acted_by, b.display_name as acted_by_name,
          s.mark, s.opinion, s.acted_at, s.post_review_at,
          (select pos.name from posts p join positions pos on pos.id = p.position_id join documents d on d.id = s.document_id
            where p.user_id = s.assignee_id and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as position_name
        from approval_steps s join users a on a.id = s.assignee_id left join users b on b.id = s.acted_by
        where s.document_id = ${documentId} and s.round = ${round} order by s.seq, a.display_name`,
  );
  const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);
  const steps = rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    state: r.state as never,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    positionName: r.position_name,
    actedByName: r.acted_by_name,
    mark: r.mark,
    opinion: r.opinion,
    actedAt: iso(r.acted_at),
    postReviewAt: iso(r.post_review_at),
    canPostReview:
      r.assignee_id === actor.userId && !!r.acted_by && r.acted_by !== r.assignee_id && !r.post_review_at,
  }));
  const held = await selectRows<{ from_user_id: string; kind: 'delegated' | 'acting' }>(
    ctx.db,
    sql`select from_user_id, kind from delegations where to_user_id = ${actor.userId} and revoked_at is null
        and (${ctx.now.toISOString()}::timestamptz)::date between valid_from and valid_to`,
  );
  const mayActFor = (r: ViewRow) =>
    r.assignee_id === actor.userId ||
    held.some((d) => d.from_user_id === r.assignee_id && delegationCovers(r.kind, d));
  const mine = rows
    .filter(mayActFor)
    .map((r) => ({ ...r, assigneeId: r.assignee_id, state: r.state as never }));
  const actions = [...new Set(mine.flatMap((s) => actionsFor(s)))];
  return { round, steps, actions };
}

/**
 * What the official PDF prints of the approval: the signer (who acted on the final approval, with the mark
 * and the title they sign for) and, for Korean documents, every decision step in order.
 */
export async function approvalRecordForPdf(ctx: Ctx, documentId: string) {
  const round = await currentRound(ctx, documentId);
  const rows = await selectRows<{
    kind: StepKind;
    assignee_pos: string | null;
    actor_name: string | null;
    actor_pos: string | null;
    mark: string | null;
    acted_at: Date | string | null;
  }>(
    ctx.db,
    sql`select s.kind, s.mark, s.acted_at, actor.display_name as actor_name,
          (select pos.name from posts p join positions pos on pos.id = p.position_id where p.user_id = s.assignee_id and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as assignee_pos,
          (select pos.name from posts p join positions pos on pos.id = p.position_id where p.user_id = s.acted_by and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as actor_pos
        from approval_steps s join documents d on d.id = s.document_id left join users actor on actor.id = s.acted_by
        where s.document_id = ${documentId} and s.round = ${round} and s.kind <> 'notify' and s.acted_by is not null order by s.seq`,
  );
  const final = rows.filter((r) => r.kind === 'approval').at(-1);
  const role = (k: StepKind) =>
    k === 'approval'
      ? ('approver' as const)
      : k === 'cooperation'
        ? ('cooperator' as const)
        : ('reviewer' as const);
  return {
    signer: final
      ? {
          name: final.actor_name ?? '',
          title: final.actor_pos ?? '',
          mark: final.mark,
          onBehalfTitle: final.mark ? final.assignee_pos : null,
        }
      : null,
    approvals: rows.map((r) => ({
      role: role(r.kind),
      position: r.actor_pos ?? '',
      name: r.actor_name ?? '',
      mark: r.mark,
      date: r.acted_at ? new Date(r.acted_at) : null,
    })),
  };
}

/**
 * 결재경로수정: while the document is in approval, the drafter may replace the steps not yet reached (after the
 * group now pending). Steps already acted on or pending stay as they are.
 */
export async function editRoute(ctx: Ctx, actor: Actor, documentId: string, line: LineInput) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    await assertReadable(tx, actor, documentId);
    if (doc.drafterId !== actor.userId) throw forbidden();
    if (doc.status !== 'in_approval' && doc.status !== 'on_hold')
      throw new AppError('conflict', 'approvals.route_not_editable');
    const round = await currentRound(tx, documentId);
    const steps = await roundSteps(tx, documentId, round);
    const kept = steps.filter((s) => s.state !== 'waiting');
    const problem = lineProblem(
      [...kept.map((s) => ({ kind: s.kind, assigneeId: s.assigneeId })), ...line],
      doc.drafterId,
    );
    if (problem) throw new AppError('bad_request', problem);
    await assertLineMembers(tx, doc.agencyId, line);
    await tx.db
      .delete(approvalSteps)
      .where(
        and(
          eq(approvalSteps.documentId, documentId),
          eq(approvalSteps.round, round),
          eq(approvalSteps.state, 'waiting'),
        ),
      );
    let seq = Math.max(0, ...kept.map((s) => s.seq));
    const rows = line.map((s, i) => {
      if (!(s.parallel && i > 0 && line[i - 1]?.kind === s.kind)) seq += 1;
      return { documentId, round, seq, kind: s.kind, assigneeId: s.assigneeId, state: 'waiting' as const };
    });
    if (rows.length) await tx.db.insert(approvalSteps).values(rows);
    await recordAudit(tx, {
      action: 'approvals.route_edited',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: { round, steps: line },
    });
  });
}
