import type { Booking, BookingInput } from '@civicdesk/contracts/rooms';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { type Actor, type Ctx, inTransaction, requireActor } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { bookingProblem, formatClash } from '../rooms.policy.ts';
import { findClash, lockResource, selectBookings } from '../rooms.queries.ts';
import { resourceBookings } from '../rooms.tables.ts';

// Booking a room or seat. The resource row is locked first, so of two overlapping requests the second waits
// and then sees the first one's booking: no double booking on PGlite or PostgreSQL, under any concurrency.

export type BookResourceInput = {
  resourceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  meetingId?: string;
};

/** Runs `fn` in the caller's transaction when `ctx` already is one, else in a new one. */
export function inCallersTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db instanceof PgTransaction ? fn(ctx) : inTransaction(ctx, fn);
}

/**
 * Books a resource for the context's actor (any staff of the resource's agency). For the meetings module:
 * call it with a transaction context, and the booking commits or rolls back with the caller's meeting.
 * Refusals: 404 (not visible), 403 (not staff), 400 (order, length, past), 409 (inactive, clash).
 */
export function bookResource(ctx: Ctx, input: BookResourceInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const problem = bookingProblem(input.startsAt, input.endsAt, ctx.now);
  if (problem) throw new AppError('bad_request', problem.key, problem.params);
  return inCallersTransaction(ctx, async (tx) => {
    const resource = await lockResource(tx.db, actor, input.resourceId);
    if (!resource) throw notFound();
    if (!resource.can_book) throw new AppError('forbidden', 'rooms.not_staff');
    if (!resource.active) throw new AppError('conflict', 'rooms.resource_inactive', { name: resource.name });
    const clash = await findClash(tx.db, resource.id, input.startsAt, input.endsAt);
    if (clash)
      throw new AppError(
        'conflict',
        'rooms.conflict',
        { name: resource.name, ...formatClash(resource.country, clash.startsAt, clash.endsAt) },
        { clash: { startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString() } },
      );
    const [row] = await tx.db
      .insert(resourceBookings)
      .values({
        resourceId: resource.id,
        agencyId: resource.agency_id,
        bookedBy: actor.userId,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        meetingId: input.meetingId ?? null,
        createdAt: tx.now,
      })
      .returning();
    await recordAudit(tx, {
      action: 'rooms.booked',
      entityType: 'resource_booking',
      entityId: row!.id,
      agencyId: resource.agency_id,
      after: row,
    });
    return { id: row!.id };
  });
}

/** The public route: books in a transaction of its own and answers with the booking as the caller sees it. */
export async function bookFromRequest(
  ctx: Ctx,
  actor: Actor,
  resourceId: string,
  input: BookingInput,
): Promise<Booking> {
  const { id } = await inTransaction(ctx, (tx) =>
    bookResource(tx, {
      resourceId,
      title: input.title,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
    }),
  );
  const [booking] = await selectBookings(ctx.db, actor, sql`b.id = ${id}`);
  return booking!;
}
