import { eq } from 'drizzle-orm';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { assertAdmin } from '../../org/org.service.ts';
import { signatureImages } from '../signatures.tables.ts';

// The pictures a signature shows: an official's handwritten signature, an agency's seal. Only real PNGs of a
// sensible size are kept (checked from the bytes, not the file name), so the widget can always draw them.

export const maxImageBytes = 512 * 1024;
const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk; refuses anything that is not a PNG between 32 and 2400 px a side. */
export function checkPng(bytes: Buffer) {
  if (
    bytes.length < 33 ||
    !bytes.subarray(0, 8).equals(pngMagic) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  )
    throw new AppError('bad_request', 'signatures.image_not_png');
  if (bytes.length > maxImageBytes)
    throw new AppError('payload_too_large', 'signatures.image_too_large', { max: '512 KB' });
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 32 || height < 32 || width > 2400 || height > 2400)
    throw new AppError('bad_request', 'signatures.image_size', { width, height });
  return { width, height };
}

async function put(ctx: Ctx, ownerId: string, kind: 'person' | 'seal', png: Buffer, agencyId?: string) {
  checkPng(png);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(signatureImages)
      .values({ ownerId, kind, png, updatedAt: tx.now })
      .onConflictDoUpdate({ target: signatureImages.ownerId, set: { png, kind, updatedAt: tx.now } });
    await recordAudit(tx, {
      action: kind === 'seal' ? 'signatures.seal_image.set' : 'signatures.signature_image.set',
      entityType: kind === 'seal' ? 'agency' : 'user',
      entityId: ownerId,
      agencyId,
      detail: { bytes: png.length },
    });
  });
}

export const setMySignatureImage = (ctx: Ctx, actor: Actor, png: Buffer) =>
  put(ctx, actor.userId, 'person', png);

export async function setSealImage(ctx: Ctx, actor: Actor, agencyId: string, png: Buffer) {
  await assertAdmin(ctx, actor, agencyId);
  await put(ctx, agencyId, 'seal', png, agencyId);
}

export async function imageOf(ctx: Ctx, ownerId: string): Promise<Buffer> {
  const [row] = await ctx.db
    .select({ png: signatureImages.png })
    .from(signatureImages)
    .where(eq(signatureImages.ownerId, ownerId));
  if (!row) throw notFound();
  return Buffer.from(row.png);
}
