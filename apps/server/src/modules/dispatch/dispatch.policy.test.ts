import { describe, expect, it } from 'vitest';
import { agencyNotation, formatNumber, localDate, localYear } from './dispatch.policy.ts';

describe('numbering rules', () => {
  it('formats Vietnamese numbers with the leading zero and the right code order', () => {
    const base = { country: 'vn' as const, agencyNotation: 'UBND', unitCode: 'VX', unitName: 'Phòng VX' };
    expect(formatNumber({ ...base, number: 5, typeCode: 'CV' })).toBe('05/UBND-VX');
    expect(formatNumber({ ...base, number: 12, typeCode: 'CV' })).toBe('12/UBND-VX');
    expect(formatNumber({ ...base, number: 15, typeCode: 'QĐ' })).toBe('15/QĐ-UBND');
  });
  it('formats Korean numbers as processing unit and serial', () => {
    expect(
      formatNumber({
        country: 'kr',
        number: 123,
        typeCode: 'GIAN',
        agencyNotation: 'HANBIT',
        unitCode: 'PLN',
        unitName: '기획예산과',
      }),
    ).toBe('기획예산과-123');
  });
  it('uses the local year: 31 Dec 18:00 UTC is already 1 January in Hanoi and Seoul', () => {
    const at = new Date('2026-12-31T18:00:00Z');
    expect(localYear('vn', at)).toBe(2027);
    expect(localYear('kr', at)).toBe(2027);
    expect(localYear('vn', new Date('2026-12-31T16:00:00Z'))).toBe(2026);
    expect(localDate('kr', at)).toEqual({ y: 2027, m: 1, d: 1 });
  });
  it('takes the notation from the agency code', () => {
    expect(agencyNotation('UBND-LS')).toBe('UBND');
  });
});
