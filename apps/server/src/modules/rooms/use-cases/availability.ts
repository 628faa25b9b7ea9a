import type { Availability, Booking } from '@civicdesk/contracts/rooms';
import { sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { freeSlots, rangeProblem } from '../rooms.policy.ts';
import { selectBookings, ts } from '../rooms.queries.ts';
import { getResource } from './resources.ts';

// What is booked and what is free: a resource over a day or a range, and the caller's own bookings.

export async function availability(
  ctx: Ctx,
  actor: Actor,
  resourceId: string,
  range: { from: string; to: string },
): Promise<Availability> {
  const from = new Date(range.from);
  const to = new Date(range.to);
  const problem = rangeProblem(from, to);
  if (problem) throw new AppError('bad_request', problem.key, problem.params);
  const resource = await getResource(ctx, actor, resourceId);
  const bookings = await selectBookings(
    ctx.db,
    actor,
    sql`b.resource_id = ${resourceId} and b.cancelled_at is null
        and b.starts_at < ${ts(to)} and b.ends_at > ${ts(from)}`,
  );
  const free = freeSlots(
    from,
    to,
    bookings.map((b) => ({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) })),
  ).map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() }));
  return { resource, from: from.toISOString(), to: to.toISOString(), bookings, free };
}

/** The caller's bookings that end after `from` (default now), soonest first. */
export function myBookings(
  ctx: Ctx,
  actor: Actor,
  opts: { from?: string; includeCancelled?: boolean },
): Promise<Booking[]> {
  const from = opts.from ? new Date(opts.from) : ctx.now;
  const live = opts.includeCancelled ? sql`true` : sql`b.cancelled_at is null`;
  return selectBookings(
    ctx.db,
    actor,
    sql`b.booked_by = ${actor.userId} and b.ends_at > ${ts(from)} and ${live}`,
    200,
  );
}
