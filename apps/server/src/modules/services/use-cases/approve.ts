import { randomBytes } from 'node:crypto';
import { labelIn } from '@civicdesk/contracts/services';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { takeOutgoingNumber } from '../../dispatch/use-cases/numbering.ts';
import { fileSignedRecord } from '../../documents/documents.service.ts';
import { storeFile } from '../../files/files.service.ts';
import { assertFreshStepUp } from '../../identity/use-cases/step-up.ts';
import { signDocument } from '../../signatures/signatures.service.ts';
import { registryEntries, serviceSubmissions } from '../services.tables.ts';
import { localDate } from '../working-days.ts';
import { mailApplicant, notifyApplicantInApp } from './notify-applicant.ts';
import { assertHandler, getForStaff, staffSubmission } from './processing.ts';
import { renderResultPdf } from './result-pdf.ts';
import { addEvent, findProcedure, type SubmissionRow } from './view.ts';

// Approval issues the result as an official document: numbered in the outgoing register, rendered, signed by
// the approving official (after a fresh step-up) as a filed document with a verification code, and — for registry kinds —
// entered in the once-only registry. All in one transaction: a failed signature leaves nothing behind.

const typeCodes = {
  vn: { licence: 'GP', certificate: 'GCN', decision: 'QĐ' },
  kr: { licence: 'GIAN', certificate: 'GIAN', decision: 'GIAN' },
} as const;

function addMonths(iso: string, months: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

async function printable(row: SubmissionRow, procedure: Awaited<ReturnType<typeof findProcedure>>, ctx: Ctx) {
  const lines: { label: string; value: string }[] = [];
  for (const field of procedure.form.fields) {
    const value = row.values[field.key];
    if (value === undefined || field.type === 'file' || field.key === procedure.holderField) continue;
    const label = labelIn(field.label, ctx.locale);
    if (typeof value === 'object' && 'street' in value)
      lines.push({ label, value: `${value.street}, ${value.district}, ${value.city}` });
    else if (field.type === 'choice') {
      const option = field.options?.find((o) => o.value === value);
      lines.push({ label, value: option ? labelIn(option.label, ctx.locale) : String(value) });
    } else if (typeof value !== 'object') lines.push({ label, value: String(value) });
  }
  return lines;
}

export async function approve(
  ctx: Ctx,
  config: Config,
  mailer: Mailer | null,
  actor: Actor,
  id: string,
  reason: string,
) {
  assertFreshStepUp(actor, config, ctx.now);
  const done = await inTransaction(ctx, async (tx) => {
    const { row, access } = await staffSubmission(tx, actor, id, true);
    assertHandler(access, row, actor);
    if (row.state !== 'submitted') throw new AppError('conflict', 'services.not_in_progress');
    const procedure = await findProcedure(tx, row.procedureId);
    const [info] = await selectRows<{ country: 'vn' | 'kr'; agency_name: string; position: string | null }>(
      tx.db,
      sql`select a.country, a.name as agency_name,
                 (select p.name from posts s join positions p on p.id = s.position_id
                   where s.user_id = ${actor.userId} and s.agency_id = a.id and s.active limit 1) as position
            from agencies a where a.id = ${row.agencyId}`,
    );
    const country = info!.country;
    const number = await takeOutgoingNumber(tx, row.agencyId, typeCodes[country][procedure.resultKind]);
    const verifyCode = randomBytes(12).toString('base64url');
    const validFrom = localDate(tx.now, country);
    const validUntil = procedure.validityMonths ? addMonths(validFrom, procedure.validityMonths) : null;
    const pdf = await renderResultPdf({
      country,
      agencyName: info!.agency_name,
      kind: procedure.resultKind,
      procedureName: procedure.name,
      numberText: number.numberText,
      applicantName: row.applicantName,
      holderIdentifier: row.holderIdentifier,
      legalBasis: procedure.legalBasis,
      lines: await printable(row, procedure, tx),
      issuedAt: tx.now,
      validUntil,
      signerTitle: info!.position ?? '',
      signerName: actor.displayName,
      verifyUrl: `${config.publicUrl.replace(/\/$/, '')}/verify/${verifyCode}`,
    });
    const file = await storeFile(tx, config, {
      name: `${number.numberText.replace(/[/\\]/g, '_')}.pdf`,
      bytes: pdf,
      maxBytes: 50 * 1024 * 1024,
      text: `${procedure.name}\n${row.applicantName}`,
    });
    const doc = await fileSignedRecord(tx, {
      agencyId: row.agencyId,
      drafterId: actor.userId,
      typeCode: typeCodes[country][procedure.resultKind],
      subject: `${procedure.name} — ${row.applicantName}`,
      bodyHtml: `<p>${reason.replace(/[<>&]/g, '')}</p>`,
      bodyText: reason,
      // A personal licence names its holder: the register shows it exists, not its content.
      disclosure: 'partial',
      disclosureReason: 'personal data of the applicant',
      register: number.register,
      number: number.number,
      numberYear: number.year,
      numberText: number.numberText,
      signerId: actor.userId,
      pdfSha256: file.sha256,
      verifyCode,
    });
    // Signed as an issued document's PDF, so the signature is recorded with it (registers, archive export).
    const signedSha = await signDocument(tx, config, actor, {
      doc,
      field: 'signer',
      holder: { kind: 'person', agencyId: row.agencyId, userId: actor.userId },
      reason: 'approval',
    });
    await tx.db
      .update(serviceSubmissions)
      .set({
        state: 'approved',
        decidedAt: tx.now,
        decidedBy: actor.userId,
        decisionReason: reason,
        resultDocumentId: doc.id,
        updatedAt: tx.now,
      })
      .where(eq(serviceSubmissions.id, id));
    if (procedure.isRegistry && row.holderIdentifier)
      await tx.db.insert(registryEntries).values({
        holderIdentifier: row.holderIdentifier,
        citizenId: row.citizenId,
        submissionId: row.id,
        agencyId: row.agencyId,
        kind: procedure.name,
        number: number.numberText,
        documentId: doc.id,
        validFrom,
        validUntil,
        createdAt: tx.now,
      });
    await addEvent(tx, id, 'approved', reason);
    await recordAudit(tx, {
      action: 'services.submission.approved',
      entityType: 'service_submission',
      entityId: id,
      agencyId: row.agencyId,
      detail: { documentId: doc.id, numberText: number.numberText, pdf: signedSha },
    });
    await notifyApplicantInApp(tx, row, { kind: 'approved', procedure: procedure.name });
    return { row, procedureName: procedure.name };
  });
  await mailApplicant(ctx, mailer, done.row, { kind: 'approved', procedure: done.procedureName });
  return getForStaff(ctx, actor, id);
}

/** The signed result, byte for byte as filed: the public verification page recognises exactly these bytes. */
export async function resultPdfSha(ctx: Ctx, row: SubmissionRow) {
  if (row.state !== 'approved' || !row.resultDocumentId)
    throw new AppError('not_found', 'services.no_result');
  const [doc] = await selectRows<{ pdf_sha256: string; number_text: string }>(
    ctx.db,
    sql`select pdf_sha256, number_text from documents where id = ${row.resultDocumentId}`,
  );
  return { sha256: doc!.pdf_sha256, name: `${doc!.number_text.replace(/[/\\]/g, '_')}.pdf` };
}
