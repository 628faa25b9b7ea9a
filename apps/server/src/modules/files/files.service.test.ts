import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { docxWithText, elfHeader, pdfWithText, png, utf8 } from '../../../test/samples.ts';
import { systemCtx } from '../../bootstrap.ts';
import { selectRows } from '../../platform/db/db.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fileText, findFile, readFile, storeFile } from './files.service.ts';

const maxBytes = 1024 * 1024;

describe('content-addressed file storage', () => {
  let t: TestDatabase;
  let ctx: Ctx;
  let dataDir: string;
  const config = () => ({ dataDir });

  beforeAll(async () => {
    t = await openTestDatabase();
    ctx = systemCtx(t.database);
  });
  afterAll(async () => t.drop());
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'civicdesk-files-'));
    await t.database.db.execute(sql`delete from files`);
    return () => rmSync(dataDir, { recursive: true, force: true });
  });

  const filesOnDisk = () =>
    readdirSync(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  const rowCount = async () =>
    Number((await selectRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from files`))[0]?.n);

  test('stores identical content once: one row, one file, no temporary file left', async () => {
    const bytes = await pdfWithText(['Cong van so 12']);
    const first = await storeFile(ctx, config(), { name: 'cong-van.pdf', bytes, maxBytes });
    const second = await storeFile(ctx, config(), { name: 'copy.pdf', bytes, maxBytes });
    expect(second.sha256).toBe(first.sha256);
    expect(first).toMatchObject({ size: bytes.length, mime: 'application/pdf', extension: 'pdf' });
    expect(second.name).toBe('copy.pdf');
    expect(await rowCount()).toBe(1);
    expect(filesOnDisk()).toEqual([first.sha256]);
    const [a, b, sha] = [first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256];
    expect(readdirSync(path.join(dataDir, 'files', a, b))).toEqual([sha]);
  });

  test('reads back exactly the bytes stored, and finds the row', async () => {
    const stored = await storeFile(ctx, config(), { name: 'scan.png', bytes: png, maxBytes });
    expect(new Uint8Array(await readFile(config(), stored.sha256))).toEqual(png);
    expect(await findFile(ctx, stored.sha256)).toMatchObject({
      sha256: stored.sha256,
      size: png.length,
      mime: 'image/png',
    });
  });

  test('stores the extracted text of PDFs, DOCX and text files for search', async () => {
    const pdf = await storeFile(ctx, config(), {
      name: 'a.pdf',
      bytes: await pdfWithText(['Budget report 2026']),
      maxBytes,
    });
    const docx = await storeFile(ctx, config(), {
      name: 'b.docx',
      bytes: docxWithText(['Kính gửi Sở Tài chính']),
      maxBytes,
    });
    const txt = await storeFile(ctx, config(), { name: 'c.txt', bytes: utf8('회의록 요약'), maxBytes });
    const image = await storeFile(ctx, config(), { name: 'd.png', bytes: png, maxBytes });
    const texts = await fileText(ctx, [pdf.sha256, docx.sha256, txt.sha256, image.sha256, 'f'.repeat(64)]);
    expect(texts.get(pdf.sha256)).toContain('Budget report 2026');
    expect(texts.get(docx.sha256)).toBe('Kính gửi Sở Tài chính');
    expect(texts.get(txt.sha256)).toBe('회의록 요약');
    expect(texts.get(image.sha256)).toBeNull();
    expect(texts.has('f'.repeat(64))).toBe(false);
    expect(await fileText(ctx, [])).toEqual(new Map());
  });

  test.each([
    ['oversize', 'big.txt', utf8('x'.repeat(2048)), 'payload_too_large', 'files.too_large'],
    ['empty', 'empty.pdf', new Uint8Array(), 'bad_request', 'files.empty'],
    ['a program renamed .pdf', 'report.pdf', elfHeader, 'unsupported_media_type', 'files.type_refused'],
    [
      'HTML renamed .pdf',
      'report.pdf',
      utf8('<html><script>alert(1)</script>'),
      'unsupported_media_type',
      'files.type_refused',
    ],
    ['a PNG named .docx', 'letter.docx', png, 'unsupported_media_type', 'files.type_refused'],
  ])('refuses %s and writes nothing', async (_label, name, bytes, code, key) => {
    const error = await storeFile(ctx, config(), { name, bytes, maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, key });
    expect(await rowCount()).toBe(0);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('states the size limit in readable units', async () => {
    const error = await storeFile(ctx, config(), {
      name: 'big.txt',
      bytes: utf8('x'.repeat(3 * 1024 * 1024)),
      maxBytes: 2.5 * 1024 * 1024,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ params: { max: '2.5 MB' }, extra: { maxBytes: 2.5 * 1024 * 1024 } });
  });

  test('keeps only the last segment of a sent path, composed (NFC), without control characters', async () => {
    const decomposed = 'C:\\fakepath\\Quyết định.txt'.normalize('NFD');
    const stored = await storeFile(ctx, config(), { name: decomposed, bytes: utf8('x'), maxBytes });
    expect(stored.name).toBe('Quyết định.txt');
    const spoofed = await storeFile(ctx, config(), {
      name: '../report\u202Etxt.md',
      bytes: utf8('y'),
      maxBytes,
    });
    expect(spoofed.name).toBe('reporttxt.md');
  });

  test('never builds a path from a malformed hash', async () => {
    for (const bad of ['../../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '']) {
      await expect(readFile(config(), bad)).rejects.toMatchObject({ code: 'not_found' });
      expect(await findFile(ctx, bad)).toBeNull();
    }
    await expect(readFile(config(), 'a'.repeat(64))).rejects.toMatchObject({ code: 'not_found' });
  });
});
