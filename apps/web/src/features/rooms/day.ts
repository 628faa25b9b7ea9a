// The day view's arithmetic, in the browser's local time: a calendar day as an instant range, where a booking
// sits on the day's bar, and the times a booking form starts with.

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd of a local date. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The local calendar day as the half-open instant range [00:00, next 00:00). */
export function dayRange(day: string): { from: string; to: string } {
  const start = localMidnight(day);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

export function shiftDay(day: string, days: number): string {
  const d = localMidnight(day);
  return isoDay(new Date(d.getFullYear(), d.getMonth(), d.getDate() + days));
}

/** Local "hh:mm" of an instant; as the `end` of a stretch, midnight reads "24:00". */
export function hhmm(iso: string, end = false): string {
  const d = new Date(iso);
  if (end && d.getHours() === 0 && d.getMinutes() === 0) return '24:00';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant of a local day and "hh:mm"; "24:00" is the next midnight. Null when the time is not valid. */
export function atTime(day: string, time: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  const d = localMidnight(day);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, min).toISOString();
}

/** Hours shown on the day bar: office hours, widened to take in any booking outside them. */
export function visibleHours(
  day: string,
  bookings: { startsAt: string; endsAt: string }[],
): [number, number] {
  const { from, to } = dayRange(day);
  let [first, last] = [7, 20];
  for (const b of bookings) {
    const start = Math.max(new Date(b.startsAt).getTime(), new Date(from).getTime());
    const end = Math.min(new Date(b.endsAt).getTime(), new Date(to).getTime());
    first = Math.min(first, Math.floor((start - new Date(from).getTime()) / 3600_000));
    last = Math.max(last, Math.ceil((end - new Date(from).getTime()) / 3600_000));
  }
  return [first, last];
}

/** Left offset and width, in percent of the bar from hour `first` to hour `last`, clipped to it. */
export function barPosition(
  day: string,
  hours: [number, number],
  booking: { startsAt: string; endsAt: string },
): { left: number; width: number } {
  const base = new Date(dayRange(day).from).getTime();
  const span = (hours[1] - hours[0]) * 3600_000;
  const at = (iso: string) => (new Date(iso).getTime() - base - hours[0] * 3600_000) / span;
  const left = Math.max(0, Math.min(1, at(booking.startsAt)));
  const right = Math.max(0, Math.min(1, at(booking.endsAt)));
  return { left: left * 100, width: Math.max(0, right - left) * 100 };
}

/**
 * A booking form's first guess: an hour (or what is left of a gap, at least 30 minutes) in the first free gap
 * from the next quarter hour today, or from 08:00 on another day; without gaps, the next whole hour (9:00).
 */
export function suggestedSlot(
  day: string,
  free: { startsAt: string; endsAt: string }[] = [],
  now = new Date(),
): { start: string; end: string } {
  const quarter = 15 * 60_000;
  const earliest =
    day === isoDay(now)
      ? Math.ceil(now.getTime() / quarter) * quarter
      : new Date(dayRange(day).from).getTime() + 8 * 3600_000;
  for (const gap of free) {
    const start = Math.ceil(Math.max(new Date(gap.startsAt).getTime(), earliest) / quarter) * quarter;
    const end = Math.min(start + 3600_000, new Date(gap.endsAt).getTime());
    // A time field cannot hold 24:00: a gap up to midnight is offered until 23:59.
    if (end - start >= 30 * 60_000) {
      const until = hhmm(new Date(end).toISOString(), true);
      return { start: hhmm(new Date(start).toISOString()), end: until === '24:00' ? '23:59' : until };
    }
  }
  const startHour = day === isoDay(now) ? Math.min(now.getHours() + 1, 23) : 9;
  return { start: `${pad(startHour)}:00`, end: `${pad(startHour + 1)}:00` };
}
