import { describe, expect, it } from 'vitest';
import { dayBoundary, formatDate, formatDateTime, formatRelative } from './format.ts';

describe('format', () => {
  const at = '2025-01-31T05:07:00Z';

  it('writes dates the way each country profile reads them', () => {
    expect(formatDate(at, 'vn', 'UTC')).toBe('31/01/2025');
    expect(formatDate(at, 'kr', 'UTC')).toBe('2025. 1. 31.');
    expect(formatDateTime(at, 'vn', 'Asia/Ho_Chi_Minh')).toBe('31/01/2025 12:07');
    expect(formatDateTime(at, 'kr', 'Asia/Seoul')).toBe('2025. 1. 31. 14:07');
  });

  it('keeps calendar dates as written, whatever the time zone', () => {
    expect(formatDate('2025-03-01', 'vn', 'America/Los_Angeles')).toBe('01/03/2025');
    expect(formatDate('2025-03-01', 'kr', 'Pacific/Kiritimati')).toBe('2025. 3. 1.');
  });

  it('returns an empty string for missing or invalid values', () => {
    expect(formatDate(null, 'vn')).toBe('');
    expect(formatDateTime('not a date', 'kr')).toBe('');
  });

  it('says relative times in the UI language', () => {
    const now = new Date('2025-01-31T06:07:00Z');
    expect(formatRelative(at, 'en', now)).toBe('1 hour ago');
    expect(formatRelative(now, 'en', now)).toBe('now');
  });

  it('spans whole local days for range filters', () => {
    const start = new Date(dayBoundary('2025-02-03', 'start'));
    const end = new Date(dayBoundary('2025-02-03', 'end'));
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(start.getDate()).toBe(3);
  });
});
