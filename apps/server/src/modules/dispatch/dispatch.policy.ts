// Numbering and dating rules of the two country profiles, pure.

const zones = { vn: 'Asia/Ho_Chi_Minh', kr: 'Asia/Seoul' } as const;

/** The agency's local calendar year: sequences restart at 1 on 1 January local time (Decree 30 Art. 15). */
export function localYear(country: 'vn' | 'kr', at: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: zones[country], year: 'numeric' }).format(at));
}

export function localDate(country: 'vn' | 'kr', at: Date): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zones[country],
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/**
 * Vietnam (Decree 30 Appendix I): "số/ký hiệu" — numbers below 10 take a leading zero; a công văn (CV) is coded
 * agency-unit ("12/UBND-VX"), other types type-agency ("15/QĐ-UBND").
 * Korea: 처리과명-연도별 일련번호 ("기획예산과-123"); the date goes beside it in parentheses when printed.
 */
export function formatNumber(p: {
  country: 'vn' | 'kr';
  number: number;
  typeCode: string;
  agencyNotation: string;
  unitCode: string | null;
  unitName: string | null;
}): string {
  if (p.country === 'kr') return `${p.unitName ?? p.agencyNotation}-${p.number}`;
  const n = p.number < 10 ? `0${p.number}` : String(p.number);
  if (p.typeCode === 'CV') return `${n}/${p.agencyNotation}${p.unitCode ? `-${p.unitCode}` : ''}`;
  return `${n}/${p.typeCode}-${p.agencyNotation}`;
}

/** The agency's notation (ký hiệu): the part of its code before the first dash ("UBND-LS" → "UBND"). */
export const agencyNotation = (code: string) => code.split('-')[0] ?? code;
