import type { Confidentiality, Disclosure, Urgency } from './view.ts';

// Text that the two formats print around the values: dates in the agency's local time, marks and labels.
// Documents are dated where the agency sits, whatever the server's TZ: Vietnam UTC+7, Korea UTC+9.

type Ymd = { year: number; month: number; day: number };

function localDate(date: Date, offsetHours: number): Ymd {
  const local = new Date(date.getTime() + offsetHours * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "Lâm Sơn, ngày 05 tháng 3 năm 2026". Decree 30/2020 Appendix I: a day below 10 and the months 1
 * and 2 take a leading zero (so "tháng 01" cannot be turned into "tháng 11"); other months do not.
 * A draft leaves the day and month blank for the clerk.
 */
export function vnDateLine(place: string | null, date: Date | null, now: Date = new Date()): string {
  const prefix = place ? `${place}, ` : '';
  if (!date) return `${prefix}ngày      tháng      năm ${localDate(now, 7).year}`;
  const { year, month, day } = localDate(date, 7);
  return `${prefix}ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : month} năm ${year}`;
}

/** Korean official date "2026. 3. 5." (행정업무규정, 문서 작성의 일반원칙: 연·월·일 글자 대신 온점). */
export function krDate(date: Date): string {
  const { year, month, day } = localDate(date, 9);
  return `${year}. ${month}. ${day}.`;
}

/** Approval date as printed beside a signature in the Korean approval row: "03/05". */
export function krShortDate(date: Date): string {
  const { month, day } = localDate(date, 9);
  return `${pad2(month)}/${pad2(day)}`;
}

export const urgencyMark: Record<Urgency, string | null> = {
  normal: null,
  khan: 'KHẨN',
  thuong_khan: 'THƯỢNG KHẨN',
  hoa_toc: 'HỎA TỐC',
};

export const secrecyMark: Record<Confidentiality, string | null> = {
  normal: null,
  mat: 'MẬT',
  toi_mat: 'TỐI MẬT',
  tuyet_mat: 'TUYỆT MẬT',
};

export const disclosureLabel: Record<Disclosure, string> = {
  public: '공개',
  partial: '부분공개',
  closed: '비공개',
};

export const upperVi = (text: string): string => text.normalize('NFC').toLocaleUpperCase('vi');

/** Korean ordered-list markers by depth, as the regulation numbers items: 1. → 가. → 1) → 가) → (1) → (가). */
export function krItemMarker(n: number, depth: number): string {
  const hangul = '가나다라마바사아자차카타파하'[(n - 1) % 14] ?? String(n);
  const forms = [`${n}.`, `${hangul}.`, `${n})`, `${hangul})`, `(${n})`, `(${hangul})`];
  return forms[depth % forms.length] ?? `${n}.`;
}
