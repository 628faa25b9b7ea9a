import { eq, sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { isComplete, stepsToOpen } from '../approvals.policy.ts';
import { roundSteps } from '../approvals.queries.ts';
import { approvalSteps, type StepKind } from '../approvals.tables.ts';

// The line itself: who may be on it, and how it moves forward from one group of steps to the next.

export type LineInput = { kind: StepKind; assigneeId: string; parallel?: boolean }[];

export async function assertLineMembers(ctx: Ctx, agencyId: string, line: LineInput) {
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
export async function advance(
  ctx: Ctx,
  documentId: string,
  round: number,
  subject: string,
): Promise<boolean> {
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
