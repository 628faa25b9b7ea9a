import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/http/context.ts';
import { adminAgencyIds } from '../org/org.service.ts';

// Booking rules as pure functions, and who may see, book and manage which resources as SQL subqueries of
// agency ids (decided by the database in the same query, never by filtering rows in code).

export const maxBookingHours = 12;
export const maxRangeDays = 31;
/** A booking may start this long before now ("from now" chosen a moment ago still counts). */
export const pastGraceMs = 5 * 60 * 1000;

export type Problem = { key: string; params?: Record<string, unknown> };
export type Interval = { startsAt: Date; endsAt: Date };

/** Why a requested booking interval is refused, or null: order, length, not in the past. */
export function bookingProblem(startsAt: Date, endsAt: Date, now: Date): Problem | null {
  if (endsAt.getTime() <= startsAt.getTime()) return { key: 'rooms.end_before_start' };
  if (endsAt.getTime() - startsAt.getTime() > maxBookingHours * 3600_000)
    return { key: 'rooms.too_long', params: { hours: maxBookingHours } };
  if (startsAt.getTime() < now.getTime() - pastGraceMs) return { key: 'rooms.in_the_past' };
  return null;
}

/** Why an availability range is refused, or null. */
export function rangeProblem(from: Date, to: Date): Problem | null {
  if (to.getTime() <= from.getTime()) return { key: 'rooms.range_order' };
  if (to.getTime() - from.getTime() > maxRangeDays * 86_400_000)
    return { key: 'rooms.range_too_long', params: { days: maxRangeDays } };
  return null;
}

/** Half-open intervals [a, b) and [c, d) overlap when a < d and c < b: back-to-back bookings do not clash. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The gaps of [from, to) not covered by any of the bookings (which may overlap each other or the edges). */
export function freeSlots(from: Date, to: Date, bookings: Interval[]): Interval[] {
  const sorted = [...bookings].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  const free: Interval[] = [];
  let cursor = from.getTime();
  for (const b of sorted) {
    const start = Math.max(b.startsAt.getTime(), from.getTime());
    if (start > cursor)
      free.push({ startsAt: new Date(cursor), endsAt: new Date(Math.min(start, to.getTime())) });
    cursor = Math.max(cursor, b.endsAt.getTime());
    if (cursor >= to.getTime()) break;
  }
  if (cursor < to.getTime()) free.push({ startsAt: new Date(cursor), endsAt: to });
  return free.filter((s) => s.endsAt.getTime() > s.startsAt.getTime());
}

const zones = { vn: 'Asia/Ho_Chi_Minh', kr: 'Asia/Seoul' } as const;

/** A clash as the agency reads it: "31/01/2025 14:00" and "15:30" (vn), "2025. 1. 31. 14:00" (kr), local time. */
export function formatClash(
  country: 'vn' | 'kr',
  startsAt: Date,
  endsAt: Date,
): { start: string; end: string } {
  const parts = (d: Date) => {
    const out: Record<string, string> = {};
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: zones[country],
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const p of fmt.formatToParts(d)) out[p.type] = p.value;
    const date =
      country === 'kr'
        ? `${out.year}. ${Number(out.month)}. ${Number(out.day)}.`
        : `${out.day}/${out.month}/${out.year}`;
    return { date, time: `${out.hour}:${out.minute}` };
  };
  const s = parts(startsAt);
  const e = parts(endsAt);
  return { start: `${s.date} ${s.time}`, end: e.date === s.date ? e.time : `${e.date} ${e.time}` };
}

/** Agencies whose resources the actor sees: where they hold an active post, plus those they administer. */
export function visibleAgencyIds(actor: Actor): SQL {
  return sql`select agency_id from posts where user_id = ${actor.userId} and active union ${adminAgencyIds(actor)}`;
}

/** Agencies whose resources the actor may book: staff posts there, or administration. */
export function bookerAgencyIds(actor: Actor): SQL {
  return sql`select agency_id from posts where user_id = ${actor.userId} and active
      and role in ('agency_admin','clerk','head','official','secretary')
    union ${adminAgencyIds(actor)}`;
}

/** Agencies whose resources the actor manages (create, edit, deactivate, cancel anyone's booking). */
export const managedAgencyIds = (actor: Actor): SQL => adminAgencyIds(actor);
