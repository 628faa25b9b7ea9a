import type { FormDefinition, SubmissionValues } from '@civicdesk/contracts/services';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { documents } from '../documents/documents.tables.ts';
import { users } from '../identity/identity.tables.ts';
import { agencies, units } from '../org/org.tables.ts';

export type ResultKind = 'licence' | 'certificate' | 'decision';

// An administrative procedure (thủ tục hành chính / 민원사무) in an agency's public catalogue.
export const serviceProcedures = pgTable(
  'service_procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull(),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    processingDays: integer('processing_days').notNull(),
    fee: integer('fee').notNull().default(0),
    resultKind: text('result_kind').$type<ResultKind>().notNull(),
    /** Approved results become once-only registry entries (licences, qualifications). */
    isRegistry: boolean('is_registry').notNull().default(false),
    /** The form field holding the holder's identifier (citizen ID number) for registry entries. */
    holderField: text('holder_field'),
    validityMonths: integer('validity_months'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('service_procedures_code').on(t.agencyId, t.code)],
);

// Non-working days of an agency besides weekends (public holidays, Tết, 설날 …), as ISO dates.
export const serviceHolidays = pgTable(
  'service_holidays',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    date: text('date').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.date] })],
);

// A citizen's profile: e-mail verification and the identifier that ties registry entries to them.
export const citizenProfiles = pgTable('citizen_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  /** Citizen ID number (CCCD / 주민등록번호-like), the key of their registry entries. */
  identifier: text('identifier'),
  /** SHA-256 of the one-time e-mail verification token. */
  verifyTokenHash: text('verify_token_hash').unique(),
  verifyTokenExpiresAt: timestamp('verify_token_expires_at', { withTimezone: true }),
});

export type SubmissionState = 'draft' | 'submitted' | 'info_requested' | 'approved' | 'refused';

export const serviceSubmissions = pgTable(
  'service_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => serviceProcedures.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Null for a guest submission, which is reached only through its tracking code. */
    citizenId: uuid('citizen_id').references(() => users.id),
    applicantName: text('applicant_name').notNull(),
    applicantEmail: text('applicant_email'),
    /** SHA-256 of a guest's tracking code; the code itself is shown once. */
    trackingHash: text('tracking_hash').unique(),
    state: text('state').$type<SubmissionState>().notNull(),
    values: jsonb('values').$type<SubmissionValues>().notNull(),
    holderIdentifier: text('holder_identifier'),
    /** Purpose of the consent given with the form to other agencies looking up this applicant's records. */
    consentPurpose: text('consent_purpose'),
    channel: text('channel').$type<'online' | 'counter'>().notNull().default('online'),
    incomingNumber: integer('incoming_number'),
    incomingYear: integer('incoming_year'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    deadline: timestamp('deadline', { withTimezone: true }),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pausedDays: integer('paused_days').notNull().default(0),
    assigneeId: uuid('assignee_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    resultDocumentId: uuid('result_document_id').references(() => documents.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_submissions_queue').on(t.unitId, t.state, t.deadline),
    index('service_submissions_agency').on(t.agencyId, t.submittedAt),
    index('service_submissions_citizen').on(t.citizenId, t.createdAt),
    unique('service_submissions_incoming').on(t.agencyId, t.incomingYear, t.incomingNumber),
  ],
);

export type SubmissionEventKind =
  | 'submitted'
  | 'assigned'
  | 'info_requested'
  | 'info_provided'
  | 'approved'
  | 'refused';

// The history of a submission, shown to both sides: requests for information and the answers to them.
export const submissionEvents = pgTable(
  'service_submission_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => serviceSubmissions.id),
    kind: text('kind').$type<SubmissionEventKind>().notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    message: text('message'),
    values: jsonb('values').$type<SubmissionValues>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('service_submission_events_submission').on(t.submissionId, t.createdAt)],
);

// Once-only registry: licences and qualifications issued from approved submissions.
export const registryEntries = pgTable(
  'registry_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderIdentifier: text('holder_identifier').notNull(),
    citizenId: uuid('citizen_id').references(() => users.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => serviceSubmissions.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('registry_entries_holder').on(t.holderIdentifier)],
);

// A holder's consent for one agency to look up their registry entries, for one stated purpose / case.
export const registryConsents = pgTable(
  'registry_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderIdentifier: text('holder_identifier').notNull(),
    citizenId: uuid('citizen_id').references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    purpose: text('purpose').notNull(),
    submissionId: uuid('submission_id').references(() => serviceSubmissions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('registry_consents_holder').on(t.holderIdentifier, t.agencyId)],
);

// Every lookup, allowed or refused: the holder sees who looked at their records and when.
export const registryLookups = pgTable(
  'registry_lookups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderIdentifier: text('holder_identifier').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    consentId: uuid('consent_id').references(() => registryConsents.id),
    purpose: text('purpose').notNull(),
    allowed: boolean('allowed').notNull(),
    resultCount: integer('result_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('registry_lookups_holder').on(t.holderIdentifier, t.createdAt)],
);
