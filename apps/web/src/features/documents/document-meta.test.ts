import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  groupBySeq,
  printedMark,
  starterLine,
  stepKindsFor,
  typeShort,
  typesFor,
  urgencyColor,
} from './document-meta.ts';

describe('document display rules', () => {
  it('offers each country profile only its own document types', () => {
    expect(typesFor('vn').map((t) => t.code)).toContain('QĐ');
    expect(typesFor('vn').some((t) => t.country === 'kr')).toBe(false);
    expect(typesFor('kr').map((t) => t.code)).toEqual(['GIAN', 'GANI']);
  });

  it('shows Decree 30 codes, and Korean types (which have none) by name', () => {
    expect(typeShort('QĐ', 'en')).toBe('QĐ');
    expect(typeShort('GANI', 'ko')).toBe('간이기안문');
    expect(typeShort('UNKNOWN', 'vi')).toBe('UNKNOWN');
  });

  it('gives the step kinds of each profile, ending the starter line with a final approval', () => {
    expect(stepKindsFor('vn')).toEqual([
      'content_check',
      'cooperation',
      'format_check',
      'approval',
      'notify',
    ]);
    expect(stepKindsFor('kr')).not.toContain('format_check');
    expect(starterLine('vn').at(-1)).toBe('approval');
    expect(starterLine('kr').at(-1)).toBe('approval');
  });

  it('colours urgency from yellow to red and leaves normal documents unmarked', () => {
    expect(urgencyColor('normal')).toBeNull();
    expect([urgencyColor('khan'), urgencyColor('thuong_khan'), urgencyColor('hoa_toc')]).toEqual([
      'yellow',
      'orange',
      'red',
    ]);
  });

  it('prints signing marks as the forms write them', () => {
    expect(printedMark('KT')).toBe('KT.');
    expect(printedMark('TUQ')).toBe('TUQ.');
    expect(printedMark('JEONGYEOL')).toBe('전결');
    expect(printedMark('DAEGYEOL')).toBe('대결');
    expect(printedMark(null)).toBeNull();
  });

  it('groups parallel steps by their sequence number, in order', () => {
    const steps = [
      { seq: 3, id: 'd' },
      { seq: 1, id: 'a' },
      { seq: 2, id: 'b' },
      { seq: 2, id: 'c' },
    ];
    expect(groupBySeq(steps).map((g) => g.map((s) => s.id))).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('writes file sizes in the UI language', () => {
    expect(formatBytes(598, 'en')).toBe('598 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(25 * 1024 * 1024, 'ko')).toBe('25 MB');
  });
});
