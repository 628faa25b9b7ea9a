import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  endOfLocalDay,
  isWorkingDay,
  localDate,
  workingDaysBetween,
} from './working-days.ts';

const none = new Set<string>();
const tet = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);

describe('working days', () => {
  it('skips weekends', () => {
    expect(isWorkingDay('2026-03-07', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', none)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-09', none)).toBe(true);
    // Friday + 1 working day = Monday
    expect(addWorkingDays('2026-03-06', 1, none)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 15, none)).toBe('2026-03-23');
  });

  it('skips holidays and counts from the next day', () => {
    // Received Friday 13 Feb 2026 before Tết: five holiday weekdays and two weekends pass uncounted.
    expect(addWorkingDays('2026-02-13', 1, tet)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 3, tet)).toBe('2026-02-25');
    expect(addWorkingDays('2026-02-13', 0, tet)).toBe('2026-02-13');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-23', tet)).toBe(1);
    expect(workingDaysBetween('2026-03-02', '2026-03-09', none)).toBe(5);
    expect(workingDaysBetween('2026-03-09', '2026-03-02', none)).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-08', none)).toBe(0);
  });

  it('converts to and from the agency time zone', () => {
    // 20:00 UTC is already the next day in Hanoi (UTC+7) and Seoul (UTC+9).
    expect(localDate(new Date('2026-03-02T20:00:00Z'), 'vn')).toBe('2026-03-03');
    expect(localDate(new Date('2026-03-02T14:00:00Z'), 'vn')).toBe('2026-03-02');
    expect(endOfLocalDay('2026-03-03', 'vn').toISOString()).toBe('2026-03-03T16:59:59.999Z');
    expect(endOfLocalDay('2026-03-03', 'kr').toISOString()).toBe('2026-03-03T14:59:59.999Z');
  });
});
