import type { Country } from '@civicdesk/contracts/common';
import type { DocumentDetail, RecipientInput } from '@civicdesk/contracts/documents';
import { dayBoundary, toIsoDate } from '../../lib/format.ts';
import { defaultTypeCode, type Urgency } from './document-meta.ts';
import type { DocumentInput } from './documents.api.ts';

// The editor's form values and their conversion to and from the API: recipients keep a local key so rows can
// be added and removed, and a directive's deadline is a calendar date in the form but an instant on the wire.

export type RecipientDraft =
  | {
      key: string;
      kind: 'agency';
      agencyId: string;
      name: string;
      main: boolean;
      task: string;
      deadline: string;
    }
  | { key: string; kind: 'unit'; unitId: string; name: string; main: boolean }
  | { key: string; kind: 'external'; name: string; email: string; main: boolean };

export type EditorValues = {
  agencyId: string;
  typeCode: string;
  subject: string;
  bodyHtml: string;
  urgency: Urgency;
  confidentiality: DocumentDetail['confidentiality'];
  disclosure: DocumentDetail['disclosure'];
  disclosureReason: string;
  retention: DocumentDetail['retention'];
  isDirective: boolean;
  recipients: RecipientDraft[];
};

/** Vietnam's chỉ thị (CT) is a directive by its type; other types may carry tasks when marked so. */
export const isDirectiveType = (typeCode: string) => typeCode === 'CT';

export function emptyValues(agencyId: string, country: Country): EditorValues {
  return {
    agencyId,
    typeCode: defaultTypeCode(country),
    subject: '',
    bodyHtml: '',
    urgency: 'normal',
    confidentiality: 'normal',
    disclosure: 'public',
    disclosureReason: '',
    retention: '10y',
    isDirective: false,
    recipients: [],
  };
}

const keyOf = (r: { kind: string; agencyId?: string | null; unitId?: string | null; name: string }) =>
  `${r.kind}:${r.agencyId ?? r.unitId ?? r.name}`;

export function valuesFromDetail(doc: DocumentDetail): EditorValues {
  return {
    agencyId: doc.agencyId,
    typeCode: doc.typeCode,
    subject: doc.subject,
    bodyHtml: doc.bodyHtml,
    urgency: doc.urgency,
    confidentiality: doc.confidentiality,
    disclosure: doc.disclosure,
    disclosureReason: doc.disclosureReason ?? '',
    retention: doc.retention,
    isDirective: doc.isDirective,
    recipients: doc.recipients.map((r): RecipientDraft => {
      const key = keyOf(r);
      if (r.kind === 'agency')
        return {
          key,
          kind: 'agency',
          agencyId: r.agencyId ?? '',
          name: r.name,
          main: r.main,
          task: r.task ?? '',
          deadline: r.taskDeadline ? toIsoDate(new Date(r.taskDeadline)) : '',
        };
      if (r.kind === 'unit') return { key, kind: 'unit', unitId: r.unitId ?? '', name: r.name, main: r.main };
      return { key, kind: 'external', name: r.name, email: r.email ?? '', main: r.main };
    }),
  };
}

export function recipientInput(r: RecipientDraft, directive: boolean): RecipientInput {
  if (r.kind === 'agency') {
    const task = directive ? r.task.trim() : '';
    return {
      kind: 'agency',
      agencyId: r.agencyId,
      main: r.main,
      ...(task ? { task } : {}),
      // A deadline is the end of the chosen day in the drafter's time zone.
      ...(directive && r.deadline ? { taskDeadline: dayBoundary(r.deadline, 'end') } : {}),
    };
  }
  if (r.kind === 'unit') return { kind: 'unit', unitId: r.unitId, main: r.main };
  return {
    kind: 'external',
    name: r.name.trim(),
    main: r.main,
    ...(r.email.trim() ? { email: r.email.trim() } : {}),
  };
}

export function documentInput(v: EditorValues): DocumentInput {
  const directive = v.isDirective || isDirectiveType(v.typeCode);
  return {
    agencyId: v.agencyId,
    typeCode: v.typeCode as DocumentInput['typeCode'],
    subject: v.subject.trim(),
    bodyHtml: v.bodyHtml,
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    disclosure: v.disclosure,
    disclosureReason: v.disclosure === 'public' ? null : v.disclosureReason.trim() || null,
    retention: v.retention,
    isDirective: directive,
    recipients: v.recipients.map((r) => recipientInput(r, directive)),
  };
}

/** Empty paragraphs are what an untouched editor holds: they count as no body. */
export const isBlankHtml = (html: string) => html.replace(/<[^>]*>|&nbsp;|\s/g, '') === '';
