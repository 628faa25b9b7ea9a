import { and, asc, eq } from 'drizzle-orm';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { type StepKind, savedApprovalLines } from '../approvals.tables.ts';

// A person's saved approval lines (결재선 즐겨찾기), to pick instead of building the line each time.

type LineStep = { kind: StepKind; assigneeId: string; parallel?: boolean };

export async function listSavedLines(ctx: Ctx, actor: Actor) {
  const rows = await ctx.db
    .select()
    .from(savedApprovalLines)
    .where(eq(savedApprovalLines.ownerId, actor.userId))
    .orderBy(asc(savedApprovalLines.name));
  return rows.map((r) => ({ id: r.id, name: r.name, steps: r.steps }));
}

export async function saveLine(ctx: Ctx, actor: Actor, input: { name: string; steps: LineStep[] }) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(savedApprovalLines)
      .values({ ownerId: actor.userId, name: input.name, steps: input.steps, createdAt: tx.now })
      .returning();
    await recordAudit(tx, {
      action: 'approvals.line_saved',
      entityType: 'approval_line',
      entityId: row!.id,
      detail: { name: input.name },
    });
    return { id: row!.id, name: row!.name, steps: row!.steps };
  });
}

export async function deleteSavedLine(ctx: Ctx, actor: Actor, id: string) {
  return inTransaction(ctx, async (tx) => {
    const removed = await tx.db
      .delete(savedApprovalLines)
      .where(and(eq(savedApprovalLines.id, id), eq(savedApprovalLines.ownerId, actor.userId)))
      .returning();
    if (removed.length === 0) throw notFound();
    await recordAudit(tx, { action: 'approvals.line_deleted', entityType: 'approval_line', entityId: id });
  });
}
