import { z } from 'zod';
import { Id, Text } from './common.ts';

// Document types of each country profile. Vietnam: Decree 30/2020 Art. 7 and Appendix III (công văn has no
// type code: its number uses the drafting unit's code). Korea: 기안문 (sent as 시행문) and 간이기안문.
export const documentTypes = [
  {
    code: 'CV',
    country: 'vn',
    printed: '',
    names: { vi: 'Công văn', ko: '공문(công văn)', en: 'Official letter' },
  },
  {
    code: 'QĐ',
    country: 'vn',
    printed: 'QUYẾT ĐỊNH',
    names: { vi: 'Quyết định', ko: '결정', en: 'Decision' },
  },
  { code: 'CT', country: 'vn', printed: 'CHỈ THỊ', names: { vi: 'Chỉ thị', ko: '지시', en: 'Directive' } },
  { code: 'TB', country: 'vn', printed: 'THÔNG BÁO', names: { vi: 'Thông báo', ko: '통보', en: 'Notice' } },
  { code: 'KH', country: 'vn', printed: 'KẾ HOẠCH', names: { vi: 'Kế hoạch', ko: '계획', en: 'Plan' } },
  { code: 'BC', country: 'vn', printed: 'BÁO CÁO', names: { vi: 'Báo cáo', ko: '보고', en: 'Report' } },
  {
    code: 'TTr',
    country: 'vn',
    printed: 'TỜ TRÌNH',
    names: { vi: 'Tờ trình', ko: '건의', en: 'Submission' },
  },
  {
    code: 'CĐ',
    country: 'vn',
    printed: 'CÔNG ĐIỆN',
    names: { vi: 'Công điện', ko: '전보', en: 'Official telegram' },
  },
  {
    code: 'GM',
    country: 'vn',
    printed: 'GIẤY MỜI',
    names: { vi: 'Giấy mời', ko: '초청장', en: 'Invitation' },
  },
  { code: 'HD', country: 'vn', printed: 'HƯỚNG DẪN', names: { vi: 'Hướng dẫn', ko: '지침', en: 'Guidance' } },
  {
    code: 'NQ',
    country: 'vn',
    printed: 'NGHỊ QUYẾT',
    names: { vi: 'Nghị quyết', ko: '의결', en: 'Resolution' },
  },
  { code: 'BB', country: 'vn', printed: 'BIÊN BẢN', names: { vi: 'Biên bản', ko: '회의록', en: 'Minutes' } },
  {
    code: 'CTr',
    country: 'vn',
    printed: 'CHƯƠNG TRÌNH',
    names: { vi: 'Chương trình', ko: '프로그램', en: 'Programme' },
  },
  {
    code: 'GUQ',
    country: 'vn',
    printed: 'GIẤY ỦY QUYỀN',
    names: { vi: 'Giấy ủy quyền', ko: '위임장', en: 'Letter of authorisation' },
  },
  {
    code: 'GIAN',
    country: 'kr',
    printed: '',
    names: { ko: '기안문(시행문)', vi: 'Văn bản đề xuất (기안문)', en: 'Draft for sending (기안문)' },
  },
  {
    code: 'GANI',
    country: 'kr',
    printed: '',
    names: {
      ko: '간이기안문',
      vi: 'Văn bản nội bộ rút gọn (간이기안문)',
      en: 'Simplified internal draft (간이기안문)',
    },
  },
] as const;
export type DocumentTypeCode = (typeof documentTypes)[number]['code'];
export const DocumentTypeCode = z.enum(
  documentTypes.map((t) => t.code) as [DocumentTypeCode, ...DocumentTypeCode[]],
);

export const Urgency = z.enum(['normal', 'khan', 'thuong_khan', 'hoa_toc']);
export const Confidentiality = z.enum(['normal', 'mat', 'toi_mat', 'tuyet_mat']);
export const Disclosure = z.enum(['public', 'partial', 'closed']);
export const Retention = z.enum(['1y', '3y', '5y', '10y', '20y', '30y', 'semi', 'permanent']);
export const DocumentStatus = z.enum([
  'draft',
  'in_approval',
  'on_hold',
  'returned',
  'approved',
  'issued',
  'recalled',
]);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const RecipientInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('agency'),
    agencyId: Id,
    main: z.boolean().default(true),
    task: Text(1000).optional(),
    taskDeadline: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({ kind: z.literal('unit'), unitId: Id, main: z.boolean().default(true) }),
  z.object({
    kind: z.literal('external'),
    name: Text(200),
    email: z.email().optional(),
    main: z.boolean().default(true),
  }),
]);
export type RecipientInput = z.infer<typeof RecipientInput>;

// The fields of a document, with no defaults: an update sends only what changes.
const DocumentFields = z.object({
  typeCode: DocumentTypeCode,
  subject: Text(500),
  bodyHtml: z.string().max(500_000),
  urgency: Urgency,
  confidentiality: Confidentiality,
  disclosure: Disclosure,
  disclosureReason: Text(500).nullable().optional(),
  retention: Retention,
  recipients: z.array(RecipientInput).max(500),
  isDirective: z.boolean(),
  replyToDeliveryId: Id.nullable().optional(),
});
export const DocumentInput = DocumentFields.extend({
  urgency: Urgency.default('normal'),
  confidentiality: Confidentiality.default('normal'),
  disclosure: Disclosure.default('public'),
  retention: Retention.default('10y'),
  recipients: z.array(RecipientInput).max(500).default([]),
  isDirective: z.boolean().default(false),
});
export type DocumentInput = z.infer<typeof DocumentInput>;
export const DocumentCreate = DocumentInput.extend({ agencyId: Id });
export const DocumentUpdate = DocumentFields.partial().extend({
  /** Optimistic concurrency: the version the editor started from. */
  version: z.number().int().positive(),
  note: Text(300).optional(),
});

export const Recipient = z.object({
  id: Id,
  kind: z.enum(['agency', 'unit', 'external']),
  agencyId: Id.nullable(),
  unitId: Id.nullable(),
  name: z.string(),
  email: z.string().nullable(),
  main: z.boolean(),
  task: z.string().nullable(),
  taskDeadline: z.string().nullable(),
});

export const Attachment = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  sha256: z.string(),
  addedAt: z.string(),
});

export const DocumentSummary = z.object({
  id: Id,
  agencyId: Id,
  typeCode: z.string(),
  subject: z.string(),
  status: DocumentStatus,
  urgency: Urgency,
  confidentiality: Confidentiality,
  numberText: z.string().nullable(),
  drafterName: z.string(),
  updatedAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentDetail = DocumentSummary.extend({
  unitId: Id.nullable(),
  drafterId: Id,
  bodyHtml: z.string(),
  disclosure: Disclosure,
  disclosureReason: z.string().nullable(),
  retention: Retention,
  version: z.number().int(),
  isDirective: z.boolean(),
  replyToDeliveryId: Id.nullable(),
  signerMark: z.string().nullable(),
  hasPdf: z.boolean(),
  digitallySigned: z.boolean(),
  recipients: z.array(Recipient),
  attachments: z.array(Attachment),
  /** What the caller may do now, decided by the server. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    recall: z.boolean(),
    issue: z.boolean(),
    recallIssued: z.boolean(),
  }),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const VersionSummary = z.object({
  version: z.number().int(),
  editedAt: z.string(),
  editorName: z.string(),
  note: z.string().nullable(),
});
export const VersionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  subject: z.object({ before: z.string(), after: z.string() }),
  /** Line diff of the plain text: ' ' unchanged, '-' removed, '+' added. */
  lines: z.array(z.object({ op: z.enum([' ', '-', '+']), text: z.string() })),
});

export const DocumentListQuery = z.object({
  box: z.enum(['drafts', 'to_approve', 'in_progress', 'post_review', 'issued', 'all']).default('all'),
  agencyId: Id.optional(),
  status: DocumentStatus.optional(),
  typeCode: z.string().max(10).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const DocumentPage = z.object({ items: z.array(DocumentSummary), nextCursor: z.string().nullable() });

export const DocumentTemplate = z.object({
  id: Id,
  agencyId: Id,
  typeCode: z.string(),
  name: z.string(),
  bodyHtml: z.string(),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;
export const DocumentTemplateCreate = z.object({
  typeCode: DocumentTypeCode,
  name: Text(120),
  bodyHtml: z.string().max(200_000),
});
