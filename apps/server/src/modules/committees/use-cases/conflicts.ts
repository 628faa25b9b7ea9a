import { and, eq, sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import { conflicts } from '../committees.tables.ts';
import { publishMeeting } from './attendance.ts';

// Conflicts of interest (제척·기피·회피; 이해충돌방지법 — external members are 공무수행사인 and must report and
// withdraw): a member declares one per item and leaves that item's quorum and vote. A declaration can be
// withdrawn only until a poll opens on the item, so nobody steps back in once the electorate is fixed.

async function declarable(tx: Ctx, actor: Actor, meetingId: string, itemId: string) {
  const access = await meetingAccess(tx, actor, meetingId);
  if (!access.memberId) throw new AppError('forbidden', 'committees.not_member');
  const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
  if (meeting.status === 'closed') throw new AppError('conflict', 'committees.meeting_closed');
  if (!(await q.findItem(tx.db, meetingId, itemId))) throw notFound();
  return { access, memberId: access.memberId };
}

export async function declareConflict(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
  itemId: string,
  reason: string,
) {
  await inTransaction(ctx, async (tx) => {
    const { access, memberId } = await declarable(tx, actor, meetingId, itemId);
    await tx.db
      .insert(conflicts)
      .values({ itemId, memberId, reason, declaredAt: tx.now })
      .onConflictDoUpdate({ target: [conflicts.itemId, conflicts.memberId], set: { reason } });
    await recordAudit(tx, {
      action: 'committees.conflict_declared',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      detail: { itemId, memberId, reason },
    });
    await publishMeeting(tx, meetingId);
  });
}

export async function withdrawConflict(ctx: Ctx, actor: Actor, meetingId: string, itemId: string) {
  await inTransaction(ctx, async (tx) => {
    const { access, memberId } = await declarable(tx, actor, meetingId, itemId);
    const [poll] = await selectRows<{ id: string }>(
      tx.db,
      sql`select id from polls where item_id = ${itemId} limit 1`,
    );
    if (poll) throw new AppError('conflict', 'committees.conflict_locked');
    const removed = await tx.db
      .delete(conflicts)
      .where(and(eq(conflicts.itemId, itemId), eq(conflicts.memberId, memberId)))
      .returning();
    if (removed.length === 0) throw notFound();
    await recordAudit(tx, {
      action: 'committees.conflict_withdrawn',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      detail: { itemId, memberId },
    });
    await publishMeeting(tx, meetingId);
  });
}
