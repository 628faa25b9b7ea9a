import { boolean, customType, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { documents } from '../documents/documents.tables.ts';
import { users } from '../identity/identity.tables.ts';
import { agencies } from '../org/org.tables.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

// The deployment's own certificate authorities: one root (agency null) and one issuing CA per agency. Their
// private keys are sealed with the server key; nothing here is ever stored in clear.
export const signingAuthorities = pgTable('signing_authorities', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id')
    .references(() => agencies.id)
    .unique(),
  certificate: bytea('certificate').notNull(),
  sealedKey: text('sealed_key').notNull(),
  subject: text('subject').notNull(),
  notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export type Pkcs11Ref = { module: string; tokenLabel: string; keyLabel: string; sealedPin: string };

/**
 * Signing certificates: an official's (kind person) or an agency's seal. The key is either sealed here
 * (issued by the platform CA, or imported from a PKCS#12 file) or stays on a PKCS#11 token (pkcs11).
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id').references(() => users.id),
    kind: text('kind').$type<'person' | 'seal'>().notNull(),
    source: text('source').$type<'platform' | 'pkcs12' | 'pkcs11'>().notNull(),
    certificate: bytea('certificate').notNull(),
    /** The issuing chain, DER base64, nearest issuer first. */
    chain: jsonb('chain').$type<string[]>().notNull(),
    sealedKey: text('sealed_key'),
    pkcs11: jsonb('pkcs11').$type<Pkcs11Ref>(),
    subject: text('subject').notNull(),
    issuer: text('issuer').notNull(),
    serialHex: text('serial_hex').notNull(),
    fingerprint: text('fingerprint').notNull().unique(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('certificates_holder').on(t.agencyId, t.kind, t.userId),
    index('certificates_serial').on(t.serialHex),
  ],
);

/** An official's handwritten signature image or an agency's seal image (PNG), shown in the signature widget. */
export const signatureImages = pgTable('signature_images', {
  ownerId: uuid('owner_id').primaryKey(),
  kind: text('kind').$type<'person' | 'seal'>().notNull(),
  png: bytea('png').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Each signature applied to an issued document's PDF, in order (the PDF itself is the proof). */
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    field: text('field').$type<'signer' | 'seal'>().notNull(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    timestamped: boolean('timestamped').notNull(),
  },
  (t) => [index('document_signatures_document').on(t.documentId)],
);
