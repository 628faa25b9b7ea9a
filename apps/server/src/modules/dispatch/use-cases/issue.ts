import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden } from '../../../platform/http/errors.ts';
import { signatureFieldNames } from '../../../platform/pades/fields.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import {
  assertReadable,
  documentRecipients,
  lockDocument,
  setWorkflowFields,
} from '../../documents/documents.service.ts';
import { readFile } from '../../files/files.service.ts';
import { assertFreshStepUp } from '../../identity/use-cases/step-up.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { signDocument } from '../../signatures/signatures.service.ts';
import { deliveries } from '../dispatch.tables.ts';
import { deliveryAudience, inboxChanged } from './live.ts';

// Issuance by the records clerk (văn thư / 문서과) after final approval, which numbered the document and had the
// approver sign its PDF (finalize.ts): the clerk applies the agency seal, then one delivery per recipient agency
// on the platform is created and announced to its clerks at once.

async function clerkCheck(ctx: Ctx, actor: Actor, agencyId: string) {
  const rows = await selectRows(
    ctx.db,
    sql`select 1 from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and role = 'clerk' and active`,
  );
  if (rows.length === 0) throw forbidden();
}

export async function issueDocument(ctx: Ctx, config: Config, actor: Actor, documentId: string) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockDocument(tx, documentId);
    await assertReadable(tx, actor, documentId);
    await clerkCheck(tx, actor, doc.agencyId);
    if (doc.status !== 'approved')
      throw new AppError('conflict', 'dispatch.not_approved', { status: doc.status });
    assertFreshStepUp(actor, config, tx.now);
    if (await hasSealField(config, doc))
      await signDocument(tx, config, actor, {
        doc,
        field: 'seal',
        holder: { kind: 'seal', agencyId: doc.agencyId },
        reason: 'seal',
      });
    const issued = await setWorkflowFields(tx, documentId, {
      status: 'issued',
      issuedAt: tx.now,
      issuedBy: actor.userId,
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
    await announceArrival(
      tx,
      targets.map((r) => r.agencyId!),
      doc.subject,
      doc.numberText ?? '',
    );
    if (doc.replyToDeliveryId) await markReplied(tx, doc.replyToDeliveryId, documentId);
    await recordAudit(tx, {
      action: 'dispatch.issued',
      entityType: 'document',
      entityId: documentId,
      agencyId: doc.agencyId,
      after: { numberText: doc.numberText, pdf: issued.pdfSha256, recipients: targets.length },
    });
    await notify(tx, {
      userId: doc.drafterId,
      kind: 'dispatch.issued',
      params: { subject: doc.subject, number: doc.numberText ?? '' },
      link: `/documents/${documentId}`,
    });
    return issued;
  });
}

/** Documents that leave the agency carry its seal (발신명의 / con dấu); internal ones are signed, not sealed. */
async function hasSealField(config: Config, doc: { pdfSha256: string | null }) {
  if (!doc.pdfSha256) throw new AppError('conflict', 'signatures.no_pdf');
  return signatureFieldNames(await readFile(config, doc.pdfSha256)).includes('seal');
}

/** Tells the records clerks of each receiving agency that a document arrived (Decree 30 Art. 20: same day). */
export async function announceArrival(ctx: Ctx, agencyIds: string[], subject: string, number: string) {
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
  await inboxChanged(
    ctx,
    clerks.map((c) => c.user_id),
  );
}

/** Issuing a reply settles the received copy it answers; the original sender is told. */
async function markReplied(ctx: Ctx, deliveryId: string, replyId: string) {
  const rows = await selectRows<{ drafter_id: string; subject: string; document_id: string }>(
    ctx.db,
    sql`update deliveries dv set handling = 'replied', reply_document_id = ${replyId}, handled_at = ${ctx.now.toISOString()}::timestamptz
        from documents d where dv.id = ${deliveryId} and d.id = dv.document_id and dv.state = 'received'
        returning d.drafter_id, d.subject, d.id as document_id`,
  );
  await inboxChanged(ctx, await deliveryAudience(ctx, [deliveryId]));
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
    const recalled = await selectRows<{ id: string; to_agency_id: string }>(
      tx.db,
      sql`update deliveries set state = 'recalled', recalled_at = ${tx.now.toISOString()}::timestamptz where document_id = ${documentId} and state in ('sent','received') returning id, to_agency_id`,
    );
    await inboxChanged(
      tx,
      await deliveryAudience(
        tx,
        recalled.map((r) => r.id),
      ),
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
