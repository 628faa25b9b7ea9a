import { and, eq } from 'drizzle-orm';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { documentAudience, inboxChanged } from '../../dispatch/use-cases/live.ts';
import { assertReadable, lockDocument, setWorkflowFields } from '../../documents/documents.service.ts';
import { lineProblem } from '../approvals.policy.ts';
import { currentRound, roundSteps } from '../approvals.queries.ts';
import { approvalSteps } from '../approvals.tables.ts';
import { advance, assertLineMembers, type LineInput } from './line.ts';

// 상신 / trình: the drafter submits along a typed line, and may change the steps not yet reached.

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
    await inboxChanged(tx, [actor.userId, ...(await documentAudience(tx, documentId))]);
    await recordAudit(tx, {
      action: 'approvals.submitted',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: { round, steps: line },
    });
  });
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
