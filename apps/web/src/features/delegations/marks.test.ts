import { describe, expect, it } from 'vitest';
import { delegationStatus, marksFor } from './marks.ts';

describe('delegation marks', () => {
  it('offers each country its own marks', () => {
    expect(marksFor('vn', 'delegated')).toEqual(['KT', 'TL', 'TUQ']);
    expect(marksFor('vn', 'acting')).toEqual(['Q']);
    expect(marksFor('kr', 'delegated')).toEqual(['JEONGYEOL']);
    expect(marksFor('kr', 'acting')).toEqual(['DAEGYEOL']);
  });

  it('tells where a delegation stands on a given day', () => {
    const d = { revoked: false, validFrom: '2025-03-01', validTo: '2025-03-31' };
    expect(delegationStatus(d, '2025-02-28')).toBe('scheduled');
    expect(delegationStatus(d, '2025-03-01')).toBe('active');
    expect(delegationStatus(d, '2025-03-31')).toBe('active');
    expect(delegationStatus(d, '2025-04-01')).toBe('expired');
    expect(delegationStatus({ ...d, revoked: true }, '2025-03-10')).toBe('revoked');
  });
});
