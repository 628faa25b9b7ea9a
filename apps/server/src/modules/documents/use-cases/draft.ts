import {
  type DocumentCreate,
  type DocumentUpdate,
  documentTypes,
  type RecipientInput,
} from '@civicdesk/contracts/documents';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { htmlToText, sanitizeRichText } from '../../../platform/content/sanitize.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { lineDiff } from '../../../platform/line-diff.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { canDraftIn, canReadDocument } from '../documents.policy.ts';
import * as q from '../documents.queries.ts';

// Drafting: create and edit a document, with a version kept at every edit and a readable diff between them.

const editableByDrafter = ['draft', 'returned'];

async function resolveRecipients(ctx: Ctx, agencyId: string, documentId: string, inputs: RecipientInput[]) {
  const agencyIds = inputs.flatMap((r) => (r.kind === 'agency' ? [r.agencyId] : []));
  const unitIds = inputs.flatMap((r) => (r.kind === 'unit' ? [r.unitId] : []));
  const agencies = new Map((await q.agenciesByIds(ctx.db, agencyIds)).map((a) => [a.id, a]));
  const units = new Map((await q.unitsByIds(ctx.db, unitIds)).map((u) => [u.id, u]));
  return inputs.map((r) => {
    if (r.kind === 'agency') {
      const a = agencies.get(r.agencyId);
      if (!a?.active || a.id === agencyId)
        throw new AppError('bad_request', 'documents.bad_recipient_agency');
      const taskDeadline = r.taskDeadline ? new Date(r.taskDeadline) : null;
      return {
        documentId,
        kind: r.kind,
        agencyId: a.id,
        name: a.name,
        main: r.main,
        task: r.task ?? null,
        taskDeadline,
      };
    }
    if (r.kind === 'unit') {
      const u = units.get(r.unitId);
      if (!u?.active || u.agencyId !== agencyId)
        throw new AppError('bad_request', 'documents.bad_recipient_unit');
      return { documentId, kind: r.kind, unitId: u.id, name: u.name, main: r.main };
    }
    return { documentId, kind: r.kind, name: r.name, email: r.email ?? null, main: r.main };
  });
}

function checkType(country: 'vn' | 'kr', typeCode: string) {
  if (!documentTypes.some((t) => t.code === typeCode && t.country === country)) {
    throw new AppError('bad_request', 'documents.type_not_in_profile', { type: typeCode });
  }
}

/** A reply answers a received copy that the drafter handles, in the agency that received it. */
async function checkReplyTarget(ctx: Ctx, actor: Actor, agencyId: string, deliveryId: string) {
  const rows = await selectRows(
    ctx.db,
    sql`select 1 from delivery_people dp join deliveries dv on dv.id = dp.delivery_id
        where dp.delivery_id = ${deliveryId} and dp.user_id = ${actor.userId} and dp.role in ('lead','co')
        and dv.to_agency_id = ${agencyId} and dv.state = 'received'`,
  );
  if (rows.length === 0) throw new AppError('bad_request', 'documents.bad_reply_target');
}

/** The drafter's unit in the agency (their first post with a unit), printed as the drafting unit. */
async function drafterUnit(ctx: Ctx, actor: Actor, agencyId: string): Promise<string | null> {
  const rows = await selectRows<{ unit_id: string | null }>(
    ctx.db,
    sql`select unit_id from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and active order by unit_id nulls last limit 1`,
  );
  return rows[0]?.unit_id ?? null;
}

export async function createDocument(ctx: Ctx, actor: Actor, input: z.infer<typeof DocumentCreate>) {
  return inTransaction(ctx, async (tx) => {
    const agency = await q.findAgency(tx.db, input.agencyId);
    if (!agency) throw notFound();
    if ((await selectRows(tx.db, sql`select 1 where ${canDraftIn(actor, agency.id)}`)).length === 0)
      throw forbidden();
    checkType(agency.country, input.typeCode);
    if (input.replyToDeliveryId) await checkReplyTarget(tx, actor, agency.id, input.replyToDeliveryId);
    const bodyHtml = sanitizeRichText(input.bodyHtml);
    const bodyText = htmlToText(bodyHtml);
    const { recipients, agencyId, ...fields } = input;
    const doc = await q.insertDocument(tx.db, {
      ...fields,
      agencyId,
      unitId: await drafterUnit(tx, actor, agencyId),
      drafterId: actor.userId,
      bodyHtml,
      bodyText,
      disclosureReason: input.disclosureReason ?? null,
      replyToDeliveryId: input.replyToDeliveryId ?? null,
      searchText: `${input.subject}\n${bodyText}`,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    await q.replaceRecipients(tx.db, doc.id, await resolveRecipients(tx, agencyId, doc.id, recipients));
    await q.insertVersion(tx.db, {
      documentId: doc.id,
      version: 1,
      subject: doc.subject,
      bodyHtml,
      editedBy: actor.userId,
      editedAt: tx.now,
    });
    await recordAudit(tx, {
      action: 'documents.created',
      entityType: 'document',
      entityId: doc.id,
      agencyId,
      after: { subject: doc.subject, typeCode: doc.typeCode },
    });
    return doc;
  });
}

/** The drafter edits a draft or a returned document; the approver whose turn it is may also edit the text. */
export async function updateDocument(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: z.infer<typeof DocumentUpdate>,
) {
  return inTransaction(ctx, async (tx) => {
    const doc = await q.lockDocument(tx.db, id);
    if (!doc) throw notFound();
    const isDrafter = doc.drafterId === actor.userId && editableByDrafter.includes(doc.status);
    const approverTurn =
      doc.status === 'in_approval' &&
      (
        await selectRows(
          tx.db,
          sql`select 1 from approval_steps where document_id = ${id} and state = 'pending' and assignee_id = ${actor.userId}`,
        )
      ).length > 0;
    if (!isDrafter && !approverTurn) {
      const readable = await selectRows(
        tx.db,
        sql`select 1 from documents d where d.id = ${id} and ${canReadDocument(actor)}`,
      );
      throw readable.length
        ? new AppError('conflict', 'documents.not_editable', { status: doc.status })
        : notFound();
    }
    if (input.version !== doc.version) throw new AppError('conflict', 'documents.stale_version');
    if (approverTurn && (input.recipients || input.typeCode))
      throw new AppError('forbidden', 'documents.approver_edits_text_only');
    const agency = (await q.findAgency(tx.db, doc.agencyId))!;
    if (input.typeCode) checkType(agency.country, input.typeCode);
    const { recipients, version: _v, note, ...fields } = input;
    const bodyHtml = input.bodyHtml !== undefined ? sanitizeRichText(input.bodyHtml) : doc.bodyHtml;
    const bodyText = htmlToText(bodyHtml);
    const subject = input.subject ?? doc.subject;
    const after = await q.updateDocument(tx.db, id, {
      ...fields,
      bodyHtml,
      bodyText,
      searchText: `${subject}\n${bodyText}`,
      version: doc.version + 1,
      updatedAt: tx.now,
    });
    if (recipients)
      await q.replaceRecipients(tx.db, id, await resolveRecipients(tx, doc.agencyId, id, recipients));
    await q.insertVersion(tx.db, {
      documentId: id,
      version: after.version,
      subject,
      bodyHtml,
      editedBy: actor.userId,
      editedAt: tx.now,
      note: note ?? null,
    });
    await recordAudit(tx, {
      action: 'documents.edited',
      entityType: 'document',
      entityId: id,
      agencyId: doc.agencyId,
      before: { subject: doc.subject, bodyHtml: doc.bodyHtml, version: doc.version },
      after: { subject, bodyHtml, version: after.version },
    });
    return after;
  });
}

export async function versionDiff(ctx: Ctx, from: number, to: number, documentId: string) {
  const [a, b] = await Promise.all([
    q.findVersion(ctx.db, documentId, from),
    q.findVersion(ctx.db, documentId, to),
  ]);
  if (!a || !b) throw notFound();
  return {
    from,
    to,
    subject: { before: a.subject, after: b.subject },
    lines: lineDiff(htmlToText(a.bodyHtml), htmlToText(b.bodyHtml)),
  };
}
