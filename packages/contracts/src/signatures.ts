import { z } from 'zod';
import { Code, Id, Text } from './common.ts';

// Digital signatures: certificates (platform CA, PKCS#12 imports, PKCS#11 tokens), step-up before signing,
// and the public verification report.

export const StepUp = z.union([
  z.object({ password: z.string().min(1).max(256) }),
  z.object({ code: z.string().regex(/^\d{6}$/, { message: 'six digits' }) }),
]);
export const StepUpResult = z.object({ until: z.string() });
export const StepUpPasskey = z.object({ response: z.record(z.string(), z.unknown()) });

export const CertificateKind = z.enum(['person', 'seal']);
export const CertificateSource = z.enum(['platform', 'pkcs12', 'pkcs11']);
export const CertificateStatus = z.enum(['active', 'revoked', 'expired']);

export const Certificate = z.object({
  id: Id,
  kind: CertificateKind,
  agencyId: Id,
  agencyName: z.string(),
  userId: Id.nullable(),
  holderName: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialHex: z.string(),
  fingerprintSha256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  source: CertificateSource,
  status: CertificateStatus,
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Certificate = z.infer<typeof Certificate>;

export const CertificateQuery = z.object({ agencyId: Id });

/** Issue a certificate from the deployment's own CA: to an official, or the agency's seal. */
export const CertificateIssue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), agencyId: Id, userId: Id }),
  z.object({ kind: z.literal('seal'), agencyId: Id }),
]);

/** Bind a key on a PKCS#11 token or HSM instead of a key the server holds. */
export const Pkcs11Binding = z.object({
  kind: CertificateKind,
  agencyId: Id,
  userId: Id.optional(),
  module: Text(200),
  tokenLabel: Text(64),
  keyLabel: Text(64),
  pin: z.string().min(1).max(64),
});

export const Revoke = z.object({ reason: Text(500) });

export const SignatureReport = z.object({
  field: z.string().nullable(),
  subFilter: z.string().nullable(),
  signer: z.object({
    commonName: z.string().nullable(),
    organisation: z.string().nullable(),
    organisationalUnit: z.string().nullable(),
    title: z.string().nullable(),
    country: z.string().nullable(),
    serialHex: z.string(),
    fingerprintSha256: z.string(),
  }),
  chain: z.array(
    z.object({
      subject: z.string(),
      issuer: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
      serialHex: z.string(),
    }),
  ),
  claimedTime: z.string().nullable(),
  timestamp: z.object({ time: z.string(), authority: z.string(), valid: z.boolean() }).nullable(),
  intact: z.boolean(),
  coversWholeFile: z.boolean(),
  trusted: z.boolean(),
  revoked: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
  pades: z.boolean(),
  modifiedAfter: z.boolean(),
  problems: z.array(z.string()),
});
export type SignatureReport = z.infer<typeof SignatureReport>;

export const VerifyReport = z.object({
  isPdf: z.boolean(),
  revisions: z.number().int(),
  signatures: z.array(SignatureReport),
  altered: z.boolean(),
  problems: z.array(z.string()),
  sha256: z.string(),
  /** The issued document on this platform whose signed PDF has exactly these bytes, if any. */
  document: z
    .object({
      code: z.string(),
      numberText: z.string().nullable(),
      subject: z.string().nullable(),
      agencyName: z.string(),
      issuedAt: z.string().nullable(),
    })
    .nullable(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

/** What the QR link on an issued document shows: the document, its stored signed PDF's report. */
export const VerifyByCode = z.object({
  code: z.string(),
  numberText: z.string().nullable(),
  subject: z.string().nullable(),
  agencyName: z.string(),
  typeCode: z.string(),
  issuedAt: z.string().nullable(),
  status: z.string(),
  /** Whether the signed PDF may be downloaded by anyone (disclosure class "public"). */
  downloadable: z.boolean(),
  report: VerifyReport,
});
export type VerifyByCode = z.infer<typeof VerifyByCode>;
export const VerifyCode = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

export const SignedShare = z.object({
  agencyId: Id,
  agencyCode: Code,
  agencyName: z.string(),
  issued: z.number().int(),
  signed: z.number().int(),
  share: z.number(),
});
export const SignedShareQuery = z.object({
  agencyId: Id,
  from: z.iso.date(),
  to: z.iso.date(),
  /** Include every agency below (rolled up per child) rather than the agency alone. */
  subtree: z.coerce.boolean().default(false),
});
