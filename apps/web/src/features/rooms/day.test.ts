import { describe, expect, it } from 'vitest';
import { atTime, barPosition, dayRange, hhmm, shiftDay, suggestedSlot, visibleHours } from './day.ts';

// These run with TZ=UTC (see package.json), so local time is UTC here.
describe('day view arithmetic', () => {
  it('turns a calendar day into a half-open range and moves by days across months', () => {
    expect(dayRange('2026-11-23')).toEqual({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
    });
    expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads and writes local times, 24:00 being the next midnight', () => {
    expect(atTime('2026-11-23', '09:30')).toBe('2026-11-23T09:30:00.000Z');
    expect(atTime('2026-11-23', '24:00')).toBe('2026-11-24T00:00:00.000Z');
    expect(atTime('2026-11-23', '25:00')).toBeNull();
    expect(atTime('2026-11-23', '')).toBeNull();
    expect(hhmm('2026-11-23T14:05:00.000Z')).toBe('14:05');
    expect(hhmm('2026-11-24T00:00:00.000Z')).toBe('00:00');
    expect(hhmm('2026-11-24T00:00:00.000Z', true)).toBe('24:00');
  });

  it('places bookings on the bar and widens it for early or late ones', () => {
    const b = { startsAt: '2026-11-23T09:00:00.000Z', endsAt: '2026-11-23T10:30:00.000Z' };
    expect(visibleHours('2026-11-23', [b])).toEqual([7, 20]);
    const pos = barPosition('2026-11-23', [7, 20], b);
    expect(pos.left).toBeCloseTo((2 / 13) * 100);
    expect(pos.width).toBeCloseTo((1.5 / 13) * 100);
    const late = { startsAt: '2026-11-23T21:00:00.000Z', endsAt: '2026-11-24T01:00:00.000Z' };
    expect(visibleHours('2026-11-23', [late])).toEqual([7, 24]);
    expect(
      barPosition('2026-11-23', [7, 24], late).left + barPosition('2026-11-23', [7, 24], late).width,
    ).toBe(100);
  });

  it('suggests the next hour today and 9:00 on other days when it knows no gaps', () => {
    const now = new Date('2026-11-23T13:20:00.000Z');
    expect(suggestedSlot('2026-11-23', [], now)).toEqual({ start: '14:00', end: '15:00' });
    expect(suggestedSlot('2026-11-24', [], now)).toEqual({ start: '09:00', end: '10:00' });
  });

  it('suggests the first free gap from 08:00 (or from now), at least 30 minutes long', () => {
    const now = new Date('2026-11-23T13:20:00.000Z');
    const free = [
      { startsAt: '2026-11-24T00:00:00.000Z', endsAt: '2026-11-24T09:00:00.000Z' },
      { startsAt: '2026-11-24T10:30:00.000Z', endsAt: '2026-11-24T14:00:00.000Z' },
      { startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-25T00:00:00.000Z' },
    ];
    expect(suggestedSlot('2026-11-24', free, now)).toEqual({ start: '08:00', end: '09:00' });
    const today = free.map((f) => ({
      startsAt: f.startsAt.replace('11-24', '11-23').replace('11-25', '11-24'),
      endsAt: f.endsAt.replace('11-24', '11-23').replace('11-25', '11-24'),
    }));
    // 13:30 is the next quarter hour; the gap ends at 14:00: half an hour is enough.
    expect(suggestedSlot('2026-11-23', today, now)).toEqual({ start: '13:30', end: '14:00' });
    expect(suggestedSlot('2026-11-23', today, new Date('2026-11-23T13:40:00.000Z'))).toEqual({
      start: '16:00',
      end: '17:00',
    });
    const late = [{ startsAt: '2026-11-24T23:30:00.000Z', endsAt: '2026-11-25T00:00:00.000Z' }];
    expect(suggestedSlot('2026-11-24', late, now)).toEqual({ start: '23:30', end: '23:59' });
  });
});
