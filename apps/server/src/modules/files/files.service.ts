import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, readFile as readBytes, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { extractText } from '../../platform/content/extract.ts';
import {
  extensionOf,
  RefusedUploadError,
  type SniffedType,
  sniffUpload,
} from '../../platform/content/sniff.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import * as q from './files.queries.ts';

// Content-addressed file storage, the only code that touches uploaded bytes on disk. Identical content is stored
// once under its SHA-256; the documents that attach a file record (and audit) the name it was given.

export type FilesConfig = { dataDir: string };
export type StoredFile = { sha256: string; size: number; mime: string; extension: string; name: string };

const sha256Pattern = /^[0-9a-f]{64}$/;

/** Checks, stores and indexes an upload; nothing is written unless size and type are accepted. */
export async function storeFile(
  ctx: Ctx,
  config: FilesConfig,
  /** `text`: the known text of a file the server generated itself (skips extraction). */
  input: { name: string; bytes: Uint8Array; maxBytes: number; text?: string | null },
): Promise<StoredFile> {
  const name = cleanFileName(input.name);
  const { bytes } = input;
  if (bytes.length === 0) throw new AppError('bad_request', 'files.empty', { name });
  if (bytes.length > input.maxBytes)
    throw new AppError(
      'payload_too_large',
      'files.too_large',
      { max: formatSize(input.maxBytes) },
      { maxBytes: input.maxBytes },
    );
  const type = await sniffOrRefuse(ctx, bytes, name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeOnce(blobPath(config, sha256), bytes);
  if (!(await q.findFileBySha(ctx.db, sha256))) {
    const text = input.text !== undefined ? input.text : await extractText(bytes, type.mime);
    if (text === null && canExtract(type.mime))
      ctx.log.warn({ sha256, mime: type.mime }, 'files: text could not be extracted');
    await q.insertFileIfNew(ctx.db, {
      sha256,
      size: bytes.length,
      mime: type.mime,
      text,
      createdAt: ctx.now,
    });
  }
  return { sha256, size: bytes.length, mime: type.mime, extension: type.extension, name };
}

/** The stored bytes; 404 for a malformed hash or missing content (the hash never reaches the path unchecked). */
export async function readFile(config: FilesConfig, sha256: string): Promise<Buffer> {
  if (!sha256Pattern.test(sha256)) throw notFound();
  try {
    return await readBytes(blobPath(config, sha256));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
    throw err;
  }
}

export async function findFile(ctx: Ctx, sha256: string) {
  if (!sha256Pattern.test(sha256)) return null;
  return (await q.findFileBySha(ctx.db, sha256)) ?? null;
}

/** Extracted text by hash, for search indexing; hashes without a row are absent, unreadable files map to null. */
export async function fileText(ctx: Ctx, sha256s: string[]): Promise<Map<string, string | null>> {
  const wanted = [...new Set(sha256s)].filter((s) => sha256Pattern.test(s));
  if (wanted.length === 0) return new Map();
  const rows = await q.listTextBySha(ctx.db, wanted);
  return new Map(rows.map((r) => [r.sha256, r.text]));
}

async function sniffOrRefuse(ctx: Ctx, bytes: Uint8Array, name: string): Promise<SniffedType> {
  try {
    return await sniffUpload(bytes, name);
  } catch (err) {
    if (!(err instanceof RefusedUploadError)) throw err;
    ctx.log.info({ name, detected: err.detected }, 'files: upload refused');
    throw new AppError('unsupported_media_type', 'files.type_refused', { name });
  }
}

const canExtract = (mime: string) =>
  mime === 'application/pdf' ||
  mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function blobPath(config: FilesConfig, sha256: string): string {
  return path.join(config.dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

// Written under a temporary name, flushed, then renamed: the final name only ever holds complete content, and
// a crash leaves at most a stray `.tmp` file beside it.
async function writeOnce(target: string, bytes: Uint8Array): Promise<void> {
  if (await exists(target)) return;
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

// Browsers may send a full path (C:\fakepath\…), macOS sends Vietnamese in decomposed form (NFD), and bidi
// controls can make "report‮fdp.exe" read as "reportexe.pdf": keep the last segment, composed, without controls.
function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim();
  const chars = [...clean];
  if (chars.length <= 255) return clean;
  const extension = extensionOf(clean).slice(0, 16);
  return `${chars.slice(0, 254 - extension.length).join('')}.${extension}`;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}
