import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.ts';
import { agencies, units } from '../org/org.tables.ts';

// An official document from its first draft to its issuance. Numbers are assigned once, at issuance, from the
// gap-free sequences of the dispatch module; the issued text is frozen (later changes need a new document).
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: uuid('unit_id').references(() => units.id),
    drafterId: uuid('drafter_id')
      .notNull()
      .references(() => users.id),
    typeCode: text('type_code').notNull(),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    urgency: text('urgency')
      .$type<'normal' | 'khan' | 'thuong_khan' | 'hoa_toc'>()
      .notNull()
      .default('normal'),
    confidentiality: text('confidentiality')
      .$type<'normal' | 'mat' | 'toi_mat' | 'tuyet_mat'>()
      .notNull()
      .default('normal'),
    disclosure: text('disclosure').$type<'public' | 'partial' | 'closed'>().notNull().default('public'),
    disclosureReason: text('disclosure_reason'),
    retention: text('retention').notNull().default('10y'),
    status: text('status')
      .$type<'draft' | 'in_approval' | 'on_hold' | 'returned' | 'approved' | 'issued' | 'recalled'>()
      .notNull()
      .default('draft'),
    version: integer('version').notNull().default(1),
    // Set at issuance.
    register: text('register').$type<'outgoing' | 'outgoing_secret'>(),
    number: integer('number'),
    numberYear: integer('number_year'),
    numberText: text('number_text'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    signerId: uuid('signer_id').references(() => users.id),
    signerMark: text('signer_mark'),
    pdfSha256: text('pdf_sha256'),
    digitallySigned: boolean('digitally_signed').notNull().default(false),
    /** Random code of the QR link printed on the issued PDF (/verify/CODE), set when the number is taken. */
    verifyCode: text('verify_code').unique(),
    /** The received copy this document answers (a reply to an incoming document). */
    replyToDeliveryId: uuid('reply_to_delivery_id'),
    isDirective: boolean('is_directive').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    /**
     * Every 1- and 2-character substring of each whitespace-separated word of lower(search_text), computed by
     * the database (text_grams, created by migration 0010_search_bigrams): trigrams cannot index a query shorter
     * than three characters (a two-syllable Korean word such as 예산), this GIN-indexed array can, exactly.
     */
    searchGrams: text('search_grams').array().notNull().generatedAlwaysAs(sql`text_grams(search_text)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('documents_agency_status').on(t.agencyId, t.status, t.updatedAt),
    index('documents_drafter').on(t.drafterId, t.status),
    // The dashboard counts an agency's issued, signed and filed documents in a period from the index alone.
    index('documents_agency_issued').on(t.agencyId, t.issuedAt, t.digitallySigned, t.pdfSha256),
    // Lists and search pages walk newest first (keyset pagination on updated_at, id).
    index('documents_updated').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('documents_search').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('documents_grams').using('gin', t.searchGrams),
    // Decree 30: number + code unique per agency and year, per register (secret documents have their own).
    unique('documents_number').on(t.agencyId, t.register, t.numberYear, t.number),
    check('documents_urgency', sql`${t.urgency} in ('normal','khan','thuong_khan','hoa_toc')`),
  ],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => users.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [unique('document_versions_unique').on(t.documentId, t.version)],
);

export const documentAttachments = pgTable(
  'document_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('document_attachments_doc').on(t.documentId)],
);

// Addressees. An agency on this platform gets its own delivery (dispatch module); units of the same agency
// and external bodies are printed on the document and recorded here.
export const documentRecipients = pgTable(
  'document_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    kind: text('kind').$type<'agency' | 'unit' | 'external'>().notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    email: text('email'),
    /** Main addressee (Kính gửi / 수신) or copy (Nơi nhận / 참조). */
    main: boolean('main').notNull().default(true),
    /** Directive: the task assigned to this recipient and its deadline. */
    task: text('task'),
    taskDeadline: timestamp('task_deadline', { withTimezone: true }),
  },
  (t) => [index('document_recipients_doc').on(t.documentId)],
);

export const documentTemplates = pgTable('document_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  typeCode: text('type_code').notNull(),
  name: text('name').notNull(),
  bodyHtml: text('body_html').notNull(),
  meta: jsonb('meta').$type<Record<string, string>>().notNull().default({}),
});
