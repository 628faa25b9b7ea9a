import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden } from '../../../platform/http/errors.ts';
import { approvalRecordForPdf } from '../../approvals/use-cases/view.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  assertReadable,
  documentRecipients,
  lockDocument,
  renderDocumentPdf,
  setWorkflowFields,
} from '../../documents/documents.service.ts';
import { storeFile } from '../../files/files.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { agencyNotation, formatNumber, localYear } from '../dispatch.policy.ts';
import { deliveries } from '../dispatch.tables.ts';
import { nextNumber } from './numbering.ts';

// Issuance by the records clerk (văn thư / 문서과) after final approval: the gap-free number and date, the
// official PDF, then one delivery per recipient agency on the platform, announced to its clerks at once.
// Signatures (the signatures work) slot in here: the approver's signature is applied at final approval, and the
// agency seal is applied to this PDF before the deliveries are created.

async function clerkCheck(ctx: Ctx, actor: Actor, agencyId: string) {
  const rows = await selectRows(
    ctx.db,
    sql`select 1 from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and role = 'clerk' and active`,
  );
  if (rows.length === 0) throw forbidden();
}

async function people(ctx: Ctx, docId: string) {
  const [row] = await selectRows<{
    drafter_name: string;
    drafter_pos: string | null;
    agency_code: string;
    country: 'vn' | 'kr';
    unit_code: string | null;
    unit_name: string | null;
  }>(
    ctx.db,
    sql`select u.display_name as drafter_name, a.code as agency_code, a.country, un.code as unit_code, un.name as unit_name,
          (select pos.name from posts p join positions pos on pos.id = p.position_id where p.user_id = d.drafter_id and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as drafter_pos
        from documents d join users u on u.id = d.drafter_id join agencies a on a.id = d.agency_id left join units un on un.id = d.unit_id
        where d.id = ${docId}`,
  );
  return row!;
}

export async function issueDocument(ctx: Ctx, config: Config, actor: Actor, documentId: string) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    await assertReadable(tx, actor, documentId);
    await clerkCheck(tx, actor, doc.agencyId);
    if (doc.status !== 'approved')
      throw new AppError('conflict', 'dispatch.not_approved', { status: doc.status });
    const info = await people(tx, documentId);
    const register = doc.confidentiality === 'normal' ? 'outgoing' : 'outgoing_secret';
    const year = localYear(info.country, tx.now);
    const number = await nextNumber(tx, doc.agencyId, register, year);
    const numberText = formatNumber({
      country: info.country,
      number,
      typeCode: doc.typeCode,
      agencyNotation: agencyNotation(info.agency_code),
      unitCode: info.unit_code,
      unitName: info.unit_name,
    });
    const record = await approvalRecordForPdf(tx, documentId);
    const pdf = await renderDocumentPdf(tx, doc, {
      numberText,
      issuedAt: tx.now,
      ...record,
      drafterName: info.drafter_name,
      drafterPosition: info.drafter_pos,
    });
    const file = await storeFile(tx, config, {
      name: `${numberText.replace(/[/\\]/g, '_')}.pdf`,
      bytes: pdf.bytes,
      maxBytes: 50 * 1024 * 1024,
      text: `${doc.subject}\n${doc.bodyText}`,
    });
    const issued = await setWorkflowFields(tx, documentId, {
      status: 'issued',
      register,
      number,
      numberYear: year,
      numberText,
      issuedAt: tx.now,
      issuedBy: actor.userId,
      pdfSha256: file.sha256,
    });
    const targets = (await documentRecipients(tx, documentId)).filter(
      (r) => r.kind === 'agency' && r.agencyId,
    );
    if (targets.length) {
      await tx.db.insert(deliveries).values(
        targets.map((r) => ({
          documentId,
          fromAgencyId: doc.agencyId,
          toAgencyId: r.agencyId!,
          state: 'sent' as const,
          sentAt: tx.now,
          deadline: r.taskDeadline,
        })),
      );
    }
    await announce(
      tx,
      targets.map((r) => r.agencyId!),
      doc.subject,
      numberText,
    );
    if (doc.replyToDeliveryId) await markReplied(tx, doc.replyToDeliveryId, documentId);
    await recordAudit(tx, {
      action: 'dispatch.issued',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      after: { numberText, register, year, pdf: file.sha256, recipients: targets.length },
    });
    await notify(tx, {
      userId: doc.drafterId,
      kind: 'dispatch.issued',
      params: { subject: doc.subject, number: numberText },
      link: `/documents/${documentId}`,
    });
    return issued;
  });
}

/** Tells the records clerks of each receiving agency that a document arrived (Decree 30 Art. 20: same day). */
async function announce(ctx: Ctx, agencyIds: string[], subject: string, number: string) {
  if (agencyIds.length === 0) return;
  const clerks = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`select distinct user_id from posts where role = 'clerk' and active and agency_id in ${agencyIds}`,
  );
  for (const c of clerks)
    await notify(ctx, {
      userId: c.user_id,
      kind: 'dispatch.arrived',
      params: { subject, number },
      link: '/inbox/incoming',
    });
}

/** Issuing a reply settles the received copy it answers; the original sender is told. */
async function markReplied(ctx: Ctx, deliveryId: string, replyId: string) {
  const rows = await selectRows<{ drafter_id: string; subject: string; document_id: string }>(
    ctx.db,
    sql`update deliveries dv set handling = 'replied', reply_document_id = ${replyId}, handled_at = ${ctx.now.toISOString()}::timestamptz
        from documents d where dv.id = ${deliveryId} and d.id = dv.document_id and dv.state = 'received'
        returning d.drafter_id, d.subject, d.id as document_id`,
  );
  for (const r of rows)
    await notify(ctx, {
      userId: r.drafter_id,
      kind: 'dispatch.replied_by_recipient',
      params: { subject: r.subject },
      link: `/documents/${r.document_id}`,
    });
}

/** The issuing clerk recalls an issued document: every copy is frozen as recalled (Decree 30 Appendix VI). */
export async function recallIssued(ctx: Ctx, actor: Actor, documentId: string, reason: string) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    await assertReadable(tx, actor, documentId);
    await clerkCheck(tx, actor, doc.agencyId);
    if (doc.status !== 'issued') throw new AppError('conflict', 'dispatch.not_issued');
    const recalled = await selectRows<{ to_agency_id: string }>(
      tx.db,
      sql`update deliveries set state = 'recalled', recalled_at = ${tx.now.toISOString()}::timestamptz where document_id = ${documentId} and state in ('sent','received') returning to_agency_id`,
    );
    await setWorkflowFields(tx, documentId, { status: 'recalled' });
    await announceRecall(
      tx,
      recalled.map((r) => r.to_agency_id),
      doc.subject,
      reason,
    );
    await recordAudit(tx, {
      action: 'dispatch.recalled',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      detail: { reason, copies: recalled.length },
    });
  });
}

async function announceRecall(ctx: Ctx, agencyIds: string[], subject: string, reason: string) {
  if (agencyIds.length === 0) return;
  const people = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`select distinct user_id from posts where role in ('clerk','head') and active and agency_id in ${agencyIds}`,
  );
  for (const p of people)
    await notify(ctx, { userId: p.user_id, kind: 'dispatch.recalled', params: { subject, reason } });
}
