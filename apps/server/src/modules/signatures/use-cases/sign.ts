import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { keySigner } from '../../../platform/pades/key-signer.ts';
import { signField } from '../../../platform/pades/sign.ts';
import { httpTimestampAuthority } from '../../../platform/pades/tsa.ts';
import type { Signer } from '../../../platform/pades/types.ts';
import { unsealPrivateKey } from '../../../platform/pki/keys.ts';
import { openPkcs11Signer } from '../../../platform/pki/pkcs11.ts';
import { unseal } from '../../../platform/seal.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { type DocumentRow, setWorkflowFields } from '../../documents/documents.service.ts';
import { readFile, storeFile } from '../../files/files.service.ts';
import { documentSignatures } from '../signatures.tables.ts';
import { type CertificateRow, certificateForSigning, type Holder } from './certificates.ts';
import { imageOf } from './images.ts';

// Applying one signature to an issued document's PDF: the holder's certificate (issued on first need), the
// key unsealed or the token opened only now, the signature and its appearance as one incremental update (the
// PAdES code re-verifies every earlier signature before accepting it), the new revision stored and recorded.

/** One signer interface whatever holds the key; `close` releases a token session. */
export async function signerFor(config: Config, cert: CertificateRow): Promise<Signer & { close(): void }> {
  const certificates = [Buffer.from(cert.certificate), ...cert.chain.map((c) => Buffer.from(c, 'base64'))];
  if (cert.pkcs11) {
    if (!config.pkcs11Modules.includes(cert.pkcs11.module))
      throw new AppError('conflict', 'signatures.module_not_allowed');
    return openPkcs11Signer({
      modulePath: cert.pkcs11.module,
      tokenLabel: cert.pkcs11.tokenLabel,
      keyLabel: cert.pkcs11.keyLabel,
      pin: unseal(config.secret, cert.pkcs11.sealedPin),
      certificates,
    });
  }
  if (!cert.sealedKey) throw new AppError('conflict', 'signatures.no_certificate');
  return { ...keySigner(unsealPrivateKey(config.secret, cert.sealedKey), certificates), close() {} };
}

const imageOrNone = (ctx: Ctx, ownerId: string) => imageOf(ctx, ownerId).catch(() => null);

export type SignRequest = { doc: DocumentRow; field: 'signer' | 'seal'; holder: Holder; reason: string };

/** Signs the document's current PDF in place of the named field; the caller holds the document's row lock. */
export async function signDocument(ctx: Ctx, config: Config, actor: Actor, req: SignRequest) {
  const { doc, field, holder } = req;
  if (!doc.pdfSha256) throw new AppError('conflict', 'signatures.no_pdf');
  const cert = await certificateForSigning(ctx, config, holder);
  const [agency] = await selectRows<{ name: string }>(
    ctx.db,
    sql`select name from agencies where id = ${doc.agencyId}`,
  );
  const before = await readFile(config, doc.pdfSha256);
  const signer = await signerFor(config, cert);
  let signed: Buffer;
  try {
    signed = await signField(before, {
      field,
      signer,
      signingTime: ctx.now,
      appearance: {
        image: await imageOrNone(ctx, holder.kind === 'person' ? holder.userId : holder.agencyId),
        caption: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      name: cert.subject,
      reason: req.reason,
      location: agency?.name,
      tsa: config.tsaUrl ? httpTimestampAuthority(config.tsaUrl) : undefined,
    });
  } finally {
    signer.close();
  }
  const file = await storeFile(ctx, config, {
    name: `${(doc.numberText ?? doc.id).replace(/[/\\]/g, '_')}.pdf`,
    bytes: signed,
    maxBytes: 50 * 1024 * 1024,
    text: `${doc.subject}\n${doc.bodyText}`,
  });
  await setWorkflowFields(ctx, doc.id, { pdfSha256: file.sha256, digitallySigned: true });
  await ctx.db.insert(documentSignatures).values({
    documentId: doc.id,
    agencyId: doc.agencyId,
    field,
    certificateId: cert.id,
    signedBy: actor.userId,
    signedAt: ctx.now,
    pdfSha256: file.sha256,
    timestamped: !!config.tsaUrl,
  });
  await recordAudit(ctx, {
    action: field === 'seal' ? 'signatures.sealed' : 'signatures.signed',
    entityType: 'document',
    entityId: doc.id,
    agencyId: doc.agencyId,
    detail: { field, certificate: cert.serialHex, before: doc.pdfSha256, after: file.sha256 },
  });
  return file.sha256;
}

/**
 * Signs one empty field of a PDF that is not (yet) a document — a committee's minutes, signed by the chair and,
 * for written resolutions, by each member who voted — with the holder's certificate (issued on first need),
 * and records it in the audit log. Returns the new bytes; the caller stores them.
 */
export async function signPdfAs(
  ctx: Ctx,
  config: Config,
  pdf: Buffer,
  req: { field: string; holder: Holder; reason: string; entityType: string; entityId: string },
): Promise<Buffer> {
  const { holder } = req;
  const cert = await certificateForSigning(ctx, config, holder);
  const [agency] = await selectRows<{ name: string }>(
    ctx.db,
    sql`select name from agencies where id = ${holder.agencyId}`,
  );
  const signer = await signerFor(config, cert);
  let signed: Buffer;
  try {
    signed = await signField(pdf, {
      field: req.field,
      signer,
      signingTime: ctx.now,
      appearance: {
        image: await imageOrNone(ctx, holder.kind === 'person' ? holder.userId : holder.agencyId),
        caption: ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      name: cert.subject,
      reason: req.reason,
      location: agency?.name,
      tsa: config.tsaUrl ? httpTimestampAuthority(config.tsaUrl) : undefined,
    });
  } finally {
    signer.close();
  }
  await recordAudit(ctx, {
    action: 'signatures.signed',
    entityType: req.entityType,
    entityId: req.entityId,
    agencyId: holder.agencyId,
    detail: { field: req.field, certificate: cert.serialHex },
  });
  return signed;
}
