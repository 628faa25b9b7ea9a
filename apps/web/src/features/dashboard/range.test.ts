import { describe, expect, it } from 'vitest';
import { percent, presetRange } from './range.ts';

describe('dashboard ranges', () => {
  const today = new Date('2026-11-22T10:00:00Z');
  it('computes the presets', () => {
    expect(presetRange('this_month', today)).toEqual({ from: '2026-11-01', to: '2026-11-22' });
    expect(presetRange('last_month', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('this_quarter', today)).toEqual({ from: '2026-10-01', to: '2026-11-22' });
    expect(presetRange('last_12_months', today).from).toBe('2025-12-01');
    expect(presetRange('last_month', new Date('2026-01-15T00:00:00Z'))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });
  it('divides safely', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 0)).toBeNull();
    expect(percent(null, 4)).toBeNull();
  });
});
