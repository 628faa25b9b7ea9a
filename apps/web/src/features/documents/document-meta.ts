import type { StepKind } from '@civicdesk/contracts/approvals';
import type { Country, Locale } from '@civicdesk/contracts/common';
import {
  type Confidentiality,
  type Disclosure,
  type DocumentStatus,
  type DocumentTypeCode,
  documentTypes,
  type Retention,
  type Urgency as UrgencySchema,
} from '@civicdesk/contracts/documents';
import type { DelegationMark } from '@civicdesk/contracts/org';
import type { z } from 'zod';

// Display rules for official documents that do not depend on React: which types and step kinds a country
// profile offers, the colours of urgency and status badges, and the printed forms of signing marks.

export type Urgency = z.infer<typeof UrgencySchema>;

// Each value once: the Record types fail to compile when the contract adds or drops one. (Importing the zod
// enums instead would pull zod into the bundle for four lists of words.)
const keys = <T extends string>(set: Record<T, true>) => Object.keys(set) as T[];
export const urgencies = keys<Urgency>({ normal: true, khan: true, thuong_khan: true, hoa_toc: true });
export const confidentialities = keys<z.infer<typeof Confidentiality>>({
  normal: true,
  mat: true,
  toi_mat: true,
  tuyet_mat: true,
});
export const disclosures = keys<z.infer<typeof Disclosure>>({ public: true, partial: true, closed: true });
export const retentions = keys<z.infer<typeof Retention>>({
  '1y': true,
  '3y': true,
  '5y': true,
  '10y': true,
  '20y': true,
  '30y': true,
  semi: true,
  permanent: true,
});
export const statuses = keys<DocumentStatus>({
  draft: true,
  in_approval: true,
  on_hold: true,
  returned: true,
  approved: true,
  issued: true,
  recalled: true,
});

/** The document types of a country profile (Decree 30/2020 Appendix III; 기안문 and 간이기안문). */
export function typesFor(country: Country) {
  return documentTypes.filter((t) => t.country === country);
}

/** The type's name in the UI language; unknown codes show as written. */
export function typeName(code: string, locale: Locale): string {
  return documentTypes.find((t) => t.code === code)?.names[locale] ?? code;
}

/** The type as a list shows it: Decree 30's code (QĐ, CT, CV…); Korean types, which have none, by name. */
export function typeShort(code: string, locale: Locale): string {
  const type = documentTypes.find((t) => t.code === code);
  return type?.country === 'kr' ? type.names[locale] : code;
}

/** What a reply is drafted as when the handler answers an incoming copy: công văn or 기안문. */
export function defaultTypeCode(country: Country): DocumentTypeCode {
  return country === 'kr' ? 'GIAN' : 'CV';
}

// Decree 30/2020 Art. 4: Hỏa tốc, Thượng khẩn and Khẩn are handled before anything else; the colours rise with
// the urgency so a list can be scanned for them.
const urgencyColors: Record<Urgency, string | null> = {
  normal: null,
  khan: 'yellow',
  thuong_khan: 'orange',
  hoa_toc: 'red',
};
export const urgencyColor = (u: Urgency) => urgencyColors[u];

const statusColors: Record<DocumentStatus, string> = {
  draft: 'gray',
  in_approval: 'blue',
  on_hold: 'orange',
  returned: 'red',
  approved: 'cyan',
  issued: 'teal',
  recalled: 'dark',
};
export const statusColor = (s: DocumentStatus) => statusColors[s];

/**
 * The step kinds each profile offers, in the order they usually run. Vietnam: the unit head checks content,
 * other units cooperate, the clerk checks format (thể thức), the authorised person signs. Korea: 검토, 협조, 결재.
 */
const kindsByCountry: Record<Country, StepKind[]> = {
  vn: ['content_check', 'cooperation', 'format_check', 'approval', 'notify'],
  kr: ['review', 'cooperation', 'approval', 'notify'],
};
export const stepKindsFor = (country: Country) => kindsByCountry[country];

/** The line a new submission starts from, people still to choose. */
export const starterLine = (country: Country): StepKind[] =>
  country === 'kr' ? ['review', 'approval'] : ['content_check', 'format_check', 'approval'];

type Mark = z.infer<typeof DelegationMark>;
const printedMarks: Record<Mark, string> = {
  KT: 'KT.',
  TL: 'TL.',
  TUQ: 'TUQ.',
  Q: 'Q.',
  JEONGYEOL: '전결',
  DAEGYEOL: '대결',
};
const isMark = (m: string): m is Mark => m in printedMarks;

/** The mark as printed beside the signer: KT., TL., TUQ., Q., 전결, 대결. */
export function printedMark(mark: string | null): string | null {
  if (!mark) return null;
  return isMark(mark) ? printedMarks[mark] : mark;
}

/** 1.2 MB style sizes in the UI language. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** Steps with the same sequence number run in parallel (병렬협조): group them for display. */
export function groupBySeq<T extends { seq: number }>(steps: T[]): T[][] {
  const groups = new Map<number, T[]>();
  for (const s of steps) groups.set(s.seq, [...(groups.get(s.seq) ?? []), s]);
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
}
