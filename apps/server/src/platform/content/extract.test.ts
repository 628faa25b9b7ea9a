import { describe, expect, test } from 'vitest';
import { docxWithText, pdfWithText, utf8, zip } from '../../../test/samples.ts';
import { extractText } from './extract.ts';

const pdfMime = 'application/pdf';
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('extractText', () => {
  test('reads the text of a PDF', async () => {
    const text = await extractText(
      await pdfWithText(['Official letter No. 12', 'Subject: budget 2026']),
      pdfMime,
    );
    expect(text).toContain('Official letter No. 12');
    expect(text).toContain('Subject: budget 2026');
  });

  test('reads the text of a DOCX, Korean and Vietnamese included', async () => {
    const text = await extractText(docxWithText(['Kính gửi Ủy ban nhân dân', '주민등록 신청']), docxMime);
    expect(text).toBe('Kính gửi Ủy ban nhân dân\n\n주민등록 신청');
  });

  test('reads plain text as UTF-8 and removes NUL characters PostgreSQL cannot store', async () => {
    expect(await extractText(utf8('\uFEFFXin chào\u0000 세계\n'), 'text/plain')).toBe('Xin chào 세계');
  });

  test('caps the text at the byte limit without splitting a character', async () => {
    const text = await extractText(utf8('가'.repeat(1000)), 'text/plain', { maxBytes: 100 });
    expect(text).toBe('가'.repeat(33));
    const pdf = await extractText(await pdfWithText(['0123456789'.repeat(5)]), pdfMime, { maxBytes: 20 });
    expect(pdf).toBe('01234567890123456789');
  });

  test('returns null, never throws, for malformed files, other types and files that take too long', async () => {
    expect(await extractText(utf8('%PDF-1.7 not really'), pdfMime)).toBeNull();
    expect(await extractText(zip([['word/document.xml', '<w:document']]), docxMime)).toBeNull();
    expect(await extractText(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toBeNull();
    expect(await extractText(await pdfWithText(['slow']), pdfMime, { timeoutMs: 1 })).toBeNull();
  });
});
