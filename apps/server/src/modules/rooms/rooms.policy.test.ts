import { describe, expect, it } from 'vitest';
import { bookingProblem, formatClash, freeSlots, overlaps, rangeProblem } from './rooms.policy.ts';

const h = (hours: number) => new Date(Date.UTC(2026, 10, 23) + hours * 3600_000);
const iv = (a: number, b: number) => ({ startsAt: h(a), endsAt: h(b) });

describe('booking rules', () => {
  const now = h(0);
  it('refuses backwards, empty, over-long and past bookings', () => {
    expect(bookingProblem(h(2), h(1), now)?.key).toBe('rooms.end_before_start');
    expect(bookingProblem(h(2), h(2), now)?.key).toBe('rooms.end_before_start');
    expect(bookingProblem(h(1), h(13.01), now)).toEqual({ key: 'rooms.too_long', params: { hours: 12 } });
    expect(bookingProblem(h(1), h(13), now)).toBeNull();
    expect(bookingProblem(h(-1), h(1), now)?.key).toBe('rooms.in_the_past');
    // A start chosen as "now" a moment ago still counts.
    expect(bookingProblem(h(-0.05), h(1), now)).toBeNull();
  });

  it('treats bookings as half-open intervals', () => {
    expect(overlaps(iv(9, 10), iv(10, 11))).toBe(false);
    expect(overlaps(iv(10, 11), iv(9, 10))).toBe(false);
    expect(overlaps(iv(9, 10), iv(9.5, 10.5))).toBe(true);
    expect(overlaps(iv(9, 12), iv(10, 11))).toBe(true);
    expect(overlaps(iv(10, 11), iv(9, 12))).toBe(true);
  });

  it('limits ranges of availability', () => {
    expect(rangeProblem(h(5), h(5))?.key).toBe('rooms.range_order');
    expect(rangeProblem(h(0), h(31 * 24))).toBeNull();
    expect(rangeProblem(h(0), h(31 * 24 + 1))?.key).toBe('rooms.range_too_long');
  });
});

describe('free slots', () => {
  it('is the whole range when nothing is booked', () => {
    expect(freeSlots(h(0), h(24), [])).toEqual([iv(0, 24)]);
  });
  it('leaves the gaps between bookings, merging overlaps and clipping at the edges', () => {
    expect(freeSlots(h(0), h(24), [iv(13, 14), iv(8, 9), iv(8.5, 10), iv(10, 11)])).toEqual([
      iv(0, 8),
      iv(11, 13),
      iv(14, 24),
    ]);
    expect(freeSlots(h(8), h(18), [iv(6, 9), iv(17, 20)])).toEqual([iv(9, 17)]);
    expect(freeSlots(h(8), h(18), [iv(6, 20)])).toEqual([]);
  });
});

describe('clash times', () => {
  it('reads as the agency does, in its local time', () => {
    expect(formatClash('vn', h(2), h(3.5))).toEqual({ start: '23/11/2026 09:00', end: '10:30' });
    expect(formatClash('kr', h(2), h(3.5))).toEqual({ start: '2026. 11. 23. 11:00', end: '12:30' });
    expect(formatClash('kr', h(14), h(16))).toEqual({
      start: '2026. 11. 23. 23:00',
      end: '2026. 11. 24. 01:00',
    });
  });
});
