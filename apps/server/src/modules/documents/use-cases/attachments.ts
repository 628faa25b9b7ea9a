import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { type FilesConfig, fileText, readFile, storeFile } from '../../files/files.service.ts';
import * as q from '../documents.queries.ts';
import { assertReadable } from './read.ts';

// Attachments (stored once by content hash, type sniffed, size limited, text extracted into the search text),
// the official PDF, and the document's history as recorded in the audit log.

async function lockEditable(ctx: Ctx, actor: Actor, id: string) {
  const doc = await q.lockDocument(ctx.db, id);
  if (!doc) throw notFound();
  await assertReadable(ctx, actor, id);
  if (doc.drafterId !== actor.userId || !['draft', 'returned'].includes(doc.status)) {
    throw new AppError('conflict', 'documents.not_editable', { status: doc.status });
  }
  return doc;
}

/** Subject, body and every attachment's text: what the trigram index searches. */
async function refreshSearchText(ctx: Ctx, id: string) {
  const doc = (await q.findDocument(ctx.db, id))!;
  const atts = await q.listAttachments(ctx.db, id);
  const texts = await fileText(
    ctx,
    atts.map((a) => a.sha256),
  );
  const parts = [doc.subject, doc.bodyText, ...atts.map((a) => `${a.name}\n${texts.get(a.sha256) ?? ''}`)];
  await q.updateDocument(ctx.db, id, { searchText: parts.join('\n').slice(0, 2_000_000) });
}

export async function addAttachment(
  ctx: Ctx,
  config: FilesConfig & { maxUploadBytes: number },
  actor: Actor,
  id: string,
  input: { name: string; bytes: Uint8Array },
) {
  // Check first, store outside the transaction (text extraction can take seconds; content addressing makes an
  // unattached file harmless), then attach under the document lock.
  await inTransaction(ctx, (tx) => lockEditable(tx, actor, id));
  const file = await storeFile(ctx, config, {
    name: input.name,
    bytes: input.bytes,
    maxBytes: config.maxUploadBytes,
  });
  return inTransaction(ctx, async (tx) => {
    const doc = await lockEditable(tx, actor, id);
    const name = file.name;
    const row = await q.insertAttachment(tx.db, {
      documentId: id,
      sha256: file.sha256,
      name,
      size: file.size,
      mime: file.mime,
      addedBy: actor.userId,
      addedAt: tx.now,
    });
    await refreshSearchText(tx, id);
    await recordAudit(tx, {
      action: 'documents.attachment_added',
      entityType: 'document',
      entityId: id,
      agencyId: doc.agencyId,
      detail: { name, sha256: file.sha256, size: file.size },
    });
    return {
      id: row.id,
      name: row.name,
      size: row.size,
      mime: row.mime,
      sha256: row.sha256,
      addedAt: row.addedAt.toISOString(),
    };
  });
}

export async function removeAttachment(ctx: Ctx, actor: Actor, id: string, attachmentId: string) {
  return inTransaction(ctx, async (tx) => {
    const doc = await lockEditable(tx, actor, id);
    const removed = await q.deleteAttachment(tx.db, id, attachmentId);
    if (!removed) throw notFound();
    await refreshSearchText(tx, id);
    await recordAudit(tx, {
      action: 'documents.attachment_removed',
      entityType: 'document',
      entityId: id,
      agencyId: doc.agencyId,
      detail: { name: removed.name, sha256: removed.sha256 },
    });
  });
}

export async function attachmentFile(
  ctx: Ctx,
  config: FilesConfig,
  actor: Actor,
  id: string,
  attachmentId: string,
) {
  await assertReadable(ctx, actor, id);
  const att = (await q.listAttachments(ctx.db, id)).find((a) => a.id === attachmentId);
  if (!att) throw notFound();
  return { name: att.name, mime: att.mime, bytes: await readFile(config, att.sha256) };
}

export async function officialPdf(ctx: Ctx, config: FilesConfig, actor: Actor, id: string) {
  await assertReadable(ctx, actor, id);
  const doc = (await q.findDocument(ctx.db, id))!;
  if (!doc.pdfSha256) throw notFound();
  return {
    name: `${(doc.numberText ?? doc.id).replace(/[/\\]/g, '_')}.pdf`,
    bytes: await readFile(config, doc.pdfSha256),
  };
}

/** Everything that happened to the document, from the audit log (who, what, when), for those who may read it. */
export async function documentHistory(ctx: Ctx, actor: Actor, id: string) {
  await assertReadable(ctx, actor, id);
  const rows = await selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select id, chain, seq, at, actor_id, actor_name, agency_id, action, entity_type, entity_id, ip, detail, hash
        from audit_log where entity_type = 'document' and entity_id = ${id} order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    chain: String(r.chain),
    seq: Number(r.seq),
    at: new Date(r.at as string).toISOString(),
    actorId: (r.actor_id as string | null) ?? null,
    actorName: (r.actor_name as string | null) ?? null,
    agencyId: (r.agency_id as string | null) ?? null,
    action: String(r.action),
    entityType: String(r.entity_type),
    entityId: (r.entity_id as string | null) ?? null,
    ip: null,
    detail: r.detail as Record<string, unknown>,
    hash: String(r.hash),
  }));
}
