import type { ItemInput } from '@civicdesk/contracts/committees';
import { and, eq, sql } from 'drizzle-orm';
import { degrees, PDFDocument, rgb } from 'pdf-lib';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { embedFaces, textWidth } from '../../documents/documents.service.ts';
import { type FilesConfig, readFile, storeFile } from '../../files/files.service.ts';
import { meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import { agendaItems, conflicts, itemMaterials } from '../committees.tables.ts';
import { assertPledged } from './pledge.ts';

// The agenda: deliberation, resolution and report items (closed items flagged for the public version of the
// minutes), built while the meeting is a draft or noticed; materials per item, stored by content hash. External
// members read materials only as PDFs stamped with their name, so a leaked copy names its source.

type ItemPatch = Partial<z.infer<typeof ItemInput>>;

async function editableMeeting(tx: Ctx, actor: Actor, meetingId: string) {
  const access = await meetingAccess(tx, actor, meetingId);
  if (!access.manage) throw forbidden();
  const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
  if (meeting.status !== 'draft' && meeting.status !== 'noticed')
    throw new AppError('conflict', 'committees.agenda_locked', { status: meeting.status });
  return { access, meeting };
}

export async function addItem(ctx: Ctx, actor: Actor, meetingId: string, input: z.infer<typeof ItemInput>) {
  return inTransaction(ctx, async (tx) => {
    const { access } = await editableMeeting(tx, actor, meetingId);
    const [next] = await selectRows<{ seq: number }>(
      tx.db,
      sql`select coalesce(max(seq), 0)::int + 1 as seq from agenda_items where meeting_id = ${meetingId}`,
    );
    const [row] = await tx.db
      .insert(agendaItems)
      .values({ ...input, meetingId, seq: next!.seq })
      .returning();
    await recordAudit(tx, {
      action: 'committees.item_added',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      after: row,
    });
    return row!.id;
  });
}

export async function updateItem(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
  itemId: string,
  input: ItemPatch,
) {
  await inTransaction(ctx, async (tx) => {
    const { access } = await editableMeeting(tx, actor, meetingId);
    const before = await q.findItem(tx.db, meetingId, itemId);
    if (!before) throw notFound();
    if (Object.keys(input).length === 0) return;
    const [after] = await tx.db.update(agendaItems).set(input).where(eq(agendaItems.id, itemId)).returning();
    await recordAudit(tx, {
      action: 'committees.item_updated',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      before,
      after,
    });
  });
}

export async function deleteItem(ctx: Ctx, actor: Actor, meetingId: string, itemId: string) {
  await inTransaction(ctx, async (tx) => {
    const { access } = await editableMeeting(tx, actor, meetingId);
    const before = await q.findItem(tx.db, meetingId, itemId);
    if (!before) throw notFound();
    await tx.db.delete(itemMaterials).where(eq(itemMaterials.itemId, itemId));
    await tx.db.delete(conflicts).where(eq(conflicts.itemId, itemId));
    await tx.db
      .delete(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
    // Keep the numbering without gaps: the items after it move up.
    await tx.db.execute(
      sql`update agenda_items set seq = seq - 1 where meeting_id = ${meetingId} and seq > ${before.seq}`,
    );
    await recordAudit(tx, {
      action: 'committees.item_removed',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      before,
    });
  });
}

export async function addMaterial(
  ctx: Ctx,
  config: FilesConfig & { maxUploadBytes: number },
  actor: Actor,
  meetingId: string,
  itemId: string,
  input: { name: string; bytes: Uint8Array },
) {
  const check = async (tx: Ctx) => {
    const access = await meetingAccess(tx, actor, meetingId);
    if (!access.manage) throw forbidden();
    const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
    if (meeting.status === 'closed') throw new AppError('conflict', 'committees.meeting_closed');
    if (!(await q.findItem(tx.db, meetingId, itemId))) throw notFound();
    return access;
  };
  // Checked first, stored outside the transaction (text extraction takes time), attached after a re-check.
  await inTransaction(ctx, check);
  const file = await storeFile(ctx, config, {
    name: input.name,
    bytes: input.bytes,
    maxBytes: config.maxUploadBytes,
  });
  return inTransaction(ctx, async (tx) => {
    const access = await check(tx);
    const [row] = await tx.db
      .insert(itemMaterials)
      .values({
        itemId,
        name: file.name,
        sha256: file.sha256,
        size: file.size,
        mime: file.mime,
        createdAt: tx.now,
      })
      .returning();
    await recordAudit(tx, {
      action: 'committees.material_added',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      detail: { itemId, name: file.name, sha256: file.sha256, size: file.size },
    });
    return { id: row!.id, name: row!.name, size: row!.size };
  });
}

/** A material as its reader may have it: staff get the file, external members a PDF stamped with their name. */
export async function materialFile(ctx: Ctx, config: FilesConfig, actor: Actor, materialId: string) {
  const [row] = await selectRows<{ meeting_id: string; name: string; sha256: string; mime: string }>(
    ctx.db,
    sql`select i.meeting_id, m.name, m.sha256, m.mime from item_materials m join agenda_items i on i.id = m.item_id
        where m.id = ${materialId}`,
  );
  if (!row) throw notFound();
  const access = await meetingAccess(ctx, actor, row.meeting_id);
  await assertPledged(ctx, actor);
  const bytes = await readFile(config, row.sha256);
  if (actor.kind !== 'external') return { name: row.name, mime: row.mime, bytes, watermarked: false };
  if (row.mime !== 'application/pdf') throw new AppError('forbidden', 'committees.material_pdf_only');
  const stamped = await watermarkPdf(
    bytes,
    `${actor.displayName} · ${ctx.now.toISOString().slice(0, 10)} · CivicDesk`,
  );
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'committees.material_viewed',
      entityType: 'meeting',
      entityId: row.meeting_id,
      agencyId: access.agencyId,
      detail: { materialId, sha256: row.sha256 },
    }),
  );
  return { name: row.name, mime: row.mime, bytes: stamped, watermarked: true };
}

/** Stamps the text diagonally across every page (Pretendard covers Hangul and Vietnamese names). */
export async function watermarkPdf(bytes: Uint8Array, text: string): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new AppError('unprocessable', 'committees.material_unreadable');
  }
  const face = (await embedFaces(doc, 'sans')).regular;
  const line = text.normalize('NFC');
  const color = rgb(0.55, 0.1, 0.1);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const diagonal = Math.hypot(width, height);
    const size = Math.max(10, Math.min(28, (diagonal * 0.7) / Math.max(1, textWidth(face, line, 1))));
    const w = textWidth(face, line, size);
    const angle = Math.atan2(height, width);
    // Across the page, corner to corner, and once more along the foot: cropping one away leaves the other.
    page.drawText(line, {
      x: width / 2 - (Math.cos(angle) * w) / 2,
      y: height / 2 - (Math.sin(angle) * w) / 2,
      size,
      font: face.pdf,
      color,
      opacity: 0.2,
      rotate: degrees((angle * 180) / Math.PI),
    });
    const foot = Math.min(9, size);
    page.drawText(line, {
      x: Math.max(4, (width - textWidth(face, line, foot)) / 2),
      y: 12,
      size: foot,
      font: face.pdf,
      color,
      opacity: 0.6,
    });
  }
  return doc.save();
}
