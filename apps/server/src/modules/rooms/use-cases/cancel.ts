import type { Booking } from '@civicdesk/contracts/rooms';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { managedAgencyIds, visibleAgencyIds } from '../rooms.policy.ts';
import { agencyIn, selectBookings } from '../rooms.queries.ts';
import { resourceBookings } from '../rooms.tables.ts';
import { inCallersTransaction } from './book.ts';

// Cancelling frees the slot at once (the row stays, with who cancelled and when, for the audit trail).

/** Cancels a booking: its booker or an administrator of its agency, while it has not ended. */
export async function cancelBooking(ctx: Ctx, actor: Actor, id: string): Promise<Booking> {
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(resourceBookings)
      .where(eq(resourceBookings.id, id))
      .for('update');
    if (!before || !(await agencyIn(tx.db, before.agencyId, visibleAgencyIds(actor)))) throw notFound();
    const manager = await agencyIn(tx.db, before.agencyId, managedAgencyIds(actor));
    if (before.bookedBy !== actor.userId && !manager) throw new AppError('forbidden', 'rooms.not_canceller');
    if (before.cancelledAt) throw new AppError('conflict', 'rooms.already_cancelled');
    if (before.endsAt.getTime() <= tx.now.getTime()) throw new AppError('conflict', 'rooms.already_ended');
    const [after] = await tx.db
      .update(resourceBookings)
      .set({ cancelledAt: tx.now, cancelledBy: actor.userId })
      .where(eq(resourceBookings.id, id))
      .returning();
    await recordAudit(tx, {
      action: 'rooms.booking_cancelled',
      entityType: 'resource_booking',
      entityId: id,
      agencyId: before.agencyId,
      before,
      after,
    });
  });
  const [booking] = await selectBookings(ctx.db, actor, sql`b.id = ${id}`);
  return booking!;
}

/**
 * For the meetings module: cancels every live booking made for a meeting (the meeting was cancelled or moved),
 * inside the caller's transaction. No authority check: the meetings module decided who may cancel the meeting.
 */
export function cancelBookingsOfMeeting(ctx: Ctx, meetingId: string): Promise<{ cancelled: number }> {
  return inCallersTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .update(resourceBookings)
      .set({ cancelledAt: tx.now, cancelledBy: tx.actor?.userId ?? null })
      .where(and(eq(resourceBookings.meetingId, meetingId), isNull(resourceBookings.cancelledAt)))
      .returning();
    for (const row of rows)
      await recordAudit(tx, {
        action: 'rooms.booking_cancelled',
        entityType: 'resource_booking',
        entityId: row.id,
        agencyId: row.agencyId,
        after: row,
        detail: { meetingId },
      });
    return { cancelled: rows.length };
  });
}
