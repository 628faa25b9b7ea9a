import { z } from 'zod';
import { Code, Id, Locale, Text } from './common.ts';

// Public services: the procedure catalogue with forms built by an agency admin, citizens' and guests'
// submissions, their processing, and the once-only registry with consented, audited lookups.

/** One label, or one per language. */
export const Label = z.union([
  Text(200),
  z
    .object({ ko: Text(200).optional(), vi: Text(200).optional(), en: Text(200).optional() })
    .refine((l) => Boolean(l.ko || l.vi || l.en), { message: 'at least one language' }),
]);
export type Label = z.infer<typeof Label>;

export const FieldType = z.enum(['text', 'number', 'date', 'choice', 'file', 'address']);
export type FieldType = z.infer<typeof FieldType>;

export const FormField = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, { message: 'a letter, then letters, digits or _' }),
  type: FieldType,
  label: Label,
  required: z.boolean(),
  options: z
    .array(z.object({ value: Code, label: Label }))
    .max(50)
    .optional(),
});
export type FormField = z.infer<typeof FormField>;

export const FormDefinition = z
  .object({ fields: z.array(FormField).min(1).max(60) })
  .refine((f) => new Set(f.fields.map((x) => x.key)).size === f.fields.length, {
    message: 'field keys must be unique',
  })
  .refine((f) => f.fields.every((x) => x.type !== 'choice' || (x.options?.length ?? 0) > 0), {
    message: 'a choice field needs options',
  });
export type FormDefinition = z.infer<typeof FormDefinition>;

export const FileRef = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: Text(255) });
export const Address = z.object({ street: Text(200), district: Text(100), city: Text(100) });
export const FieldValue = z.union([z.string(), z.number(), FileRef, Address]);
export const SubmissionValues = z.record(z.string(), FieldValue);
export type SubmissionValues = z.infer<typeof SubmissionValues>;

const IsoDate = z.iso.date();

function fieldSchema(field: FormField): z.ZodType {
  switch (field.type) {
    case 'text':
      return Text(2000);
    case 'number':
      return z.number().finite();
    case 'date':
      return IsoDate;
    case 'choice':
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'file':
      return FileRef;
    case 'address':
      return Address;
  }
}

/**
 * The schema of one procedure's answers, built from its form definition: the server and the web form
 * validate with this same function, so a field is refused for the same reason on both sides.
 */
export function buildValuesSchema(form: FormDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of form.fields) {
    const schema = fieldSchema(field);
    shape[field.key] = field.required ? schema : schema.optional();
  }
  return z.strictObject(shape);
}

/** A draft may leave anything out, but what it holds must already have the right type. */
export function buildDraftSchema(form: FormDefinition) {
  return buildValuesSchema(form).partial();
}

export function labelIn(label: Label, locale: Locale): string {
  if (typeof label === 'string') return label;
  return label[locale] ?? label.vi ?? label.ko ?? label.en ?? '';
}

export const ResultKind = z.enum(['licence', 'certificate', 'decision']);

export const ProcedureInput = z.object({
  agencyId: Id,
  unitId: Id,
  code: Code,
  name: Text(300),
  legalBasis: Text(1000),
  requiredDocuments: z.array(Text(300)).max(30),
  form: FormDefinition,
  processingDays: z.number().int().min(1).max(365),
  fee: z.number().int().min(0).max(1_000_000_000),
  resultKind: ResultKind,
  isRegistry: z.boolean(),
  holderField: z.string().max(40).nullable(),
  validityMonths: z.number().int().min(1).max(1200).nullable(),
});
export type ProcedureInput = z.infer<typeof ProcedureInput>;
export const ProcedureUpdate = ProcedureInput.omit({ agencyId: true })
  .extend({ active: z.boolean() })
  .partial();

export const Procedure = ProcedureInput.extend({
  id: Id,
  active: z.boolean(),
  agencyName: z.string(),
  unitName: z.string(),
});
export type Procedure = z.infer<typeof Procedure>;

export const Holiday = z.object({ date: IsoDate, name: Text(200) });
export type Holiday = z.infer<typeof Holiday>;

export const SubmissionState = z.enum(['draft', 'submitted', 'info_requested', 'approved', 'refused']);
export type SubmissionState = z.infer<typeof SubmissionState>;

export const SubmissionInput = z.object({
  procedureId: Id,
  values: SubmissionValues,
  /** Guests give a name and (optionally) an e-mail; citizens' come from their account. */
  applicantName: Text(200).optional(),
  applicantEmail: z.email().max(254).optional(),
  /** Consent, given with the form, for other agencies to look up the applicant's registry entries. */
  consentPurpose: Text(300).nullable().optional(),
  submit: z.boolean(),
});
export const SubmissionUpdate = SubmissionInput.pick({ values: true, consentPurpose: true, submit: true });

export const SubmissionEvent = z.object({
  kind: z.string(),
  actorName: z.string().nullable(),
  message: z.string().nullable(),
  values: SubmissionValues.nullable(),
  at: z.string(),
});

export const Submission = z.object({
  id: Id,
  procedureId: Id,
  procedureName: z.string(),
  agencyId: Id,
  agencyName: z.string(),
  unitName: z.string(),
  form: FormDefinition,
  state: SubmissionState,
  values: SubmissionValues,
  applicantName: z.string(),
  applicantEmail: z.string().nullable(),
  isGuest: z.boolean(),
  holderIdentifier: z.string().nullable(),
  consentPurpose: z.string().nullable(),
  numberText: z.string().nullable(),
  submittedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  pausedDays: z.number(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  resultDocumentId: Id.nullable(),
  resultVerifyCode: z.string().nullable(),
  events: z.array(SubmissionEvent),
});
export type Submission = z.infer<typeof Submission>;

export const SubmissionSummary = Submission.pick({
  id: true,
  procedureName: true,
  agencyName: true,
  state: true,
  applicantName: true,
  numberText: true,
  submittedAt: true,
  deadline: true,
  overdue: true,
  assigneeName: true,
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const SubmissionCreated = z.object({
  id: Id,
  state: SubmissionState,
  /** Shown once to a guest; only its SHA-256 is kept. */
  trackingCode: z.string().nullable(),
});

export const TrackingCode = z.object({ code: z.string().trim().min(16).max(64) });
export const InfoRequest = z.object({ message: Text(2000) });
export const InfoAnswer = z.object({ message: Text(2000), values: SubmissionValues });
export const Assign = z.object({ assigneeId: Id });
export const Decision = z.object({ reason: Text(2000) });
export const QueueQuery = z.object({
  agencyId: Id,
  state: z.enum(['open', 'overdue', 'decided', 'all']).default('open'),
});

export const CitizenRegister = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/),
  displayName: Text(200),
  email: z.email().max(254),
  password: z.string().min(10).max(200),
  locale: Locale,
  identifier: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,20}$/)
    .optional(),
});
export const CitizenRegistered = z.object({ ok: z.literal(true), verifyLink: z.string().nullable() });
export const PortalLogin = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export const CitizenProfile = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  identifier: z.string().nullable(),
});

export const ConsentInput = z.object({ agencyId: Id, purpose: Text(300) });
export const Consent = z.object({
  id: Id,
  agencyName: z.string(),
  purpose: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const AccessLogEntry = z.object({
  agencyName: z.string(),
  userName: z.string(),
  purpose: z.string(),
  allowed: z.boolean(),
  resultCount: z.number(),
  at: z.string(),
});

export const RegistryLookup = z.object({
  agencyId: Id,
  identifier: z.string().trim().min(6).max(20),
  purpose: Text(300),
});
export const RegistryEntry = z.object({
  id: Id,
  kind: z.string(),
  number: z.string(),
  agencyName: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  verifyCode: z.string().nullable(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const PortalAgency = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  country: z.enum(['vn', 'kr']),
  procedures: z.number(),
});
export type PortalAgency = z.infer<typeof PortalAgency>;
export type Consent = z.infer<typeof Consent>;
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
