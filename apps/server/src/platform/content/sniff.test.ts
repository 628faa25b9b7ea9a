import { describe, expect, test } from 'vitest';
import {
  docmWithText,
  docxWithText,
  elfHeader,
  exeHeader,
  jpegHeader,
  odt,
  pdfWithText,
  png,
  utf8,
  xlsx,
  zip,
} from '../../../test/samples.ts';
import { RefusedUploadError, sniffUpload } from './sniff.ts';

const refused = (bytes: Uint8Array, name: string) =>
  expect(sniffUpload(bytes, name)).rejects.toBeInstanceOf(RefusedUploadError);

describe('sniffUpload accepts the allow-listed types when the name agrees', () => {
  test('PDF', async () => {
    expect(await sniffUpload(await pdfWithText(['Hello']), 'Công văn 12.PDF')).toEqual({
      mime: 'application/pdf',
      extension: 'pdf',
    });
  });

  test('DOCX, XLSX and ODT by their package content, not their ZIP signature', async () => {
    expect(await sniffUpload(docxWithText(['x']), '보고서.docx')).toEqual({
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    });
    expect((await sniffUpload(await xlsx(), 'bang.xlsx')).mime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await sniffUpload(odt(), 'van-ban.odt')).mime).toBe('application/vnd.oasis.opendocument.text');
  });

  test('PNG and JPEG (either JPEG extension)', async () => {
    expect(await sniffUpload(png, 'scan.png')).toEqual({ mime: 'image/png', extension: 'png' });
    expect(await sniffUpload(jpegHeader, 'photo.jpeg')).toEqual({ mime: 'image/jpeg', extension: 'jpeg' });
    expect(await sniffUpload(jpegHeader, 'photo.JPG')).toEqual({ mime: 'image/jpeg', extension: 'jpg' });
  });

  test('UTF-8 text named .txt, .csv or .md, with or without a byte-order mark', async () => {
    expect(await sniffUpload(utf8('Mã,Tên\n1,Nguyễn Văn A\n2,김철수\n'), 'danh-sach.csv')).toEqual({
      mime: 'text/plain',
      extension: 'csv',
    });
    expect((await sniffUpload(utf8('\uFEFF# 회의록\n'), 'notes.md')).mime).toBe('text/plain');
    expect((await sniffUpload(utf8('a < b and <b> is bold'), 'a.txt')).mime).toBe('text/plain');
  });
});

describe('sniffUpload refuses', () => {
  test('a file whose bytes are another allowed type than its name says', async () => {
    await refused(png, 'report.pdf');
    await refused(await pdfWithText(['x']), 'report.docx');
    await refused(docxWithText(['x']), 'sheet.xlsx');
  });

  test('programs renamed as documents', async () => {
    await refused(exeHeader, 'report.pdf');
    await refused(elfHeader, 'report.pdf');
    await refused(elfHeader, 'notes.txt');
  });

  test('HTML, SVG and XML under any name', async () => {
    for (const name of ['report.pdf', 'notes.txt', 'page.html', 'x.md']) {
      await refused(utf8('<!DOCTYPE html><html><script>alert(1)</script></html>'), name);
      await refused(utf8('  <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), name);
      await refused(utf8('<?xml version="1.0"?><x/>'), name);
      await refused(utf8('\uFEFF<p>hi</p>'), name);
      await refused(utf8('<!-- c --><b>x</b>'), name);
    }
  });

  test('a ZIP that is neither OOXML nor ODF, and macro-enabled Office files', async () => {
    await refused(zip([['readme.txt', 'hello']]), 'archive.docx');
    await refused(zip([['readme.txt', 'hello']]), 'archive.zip');
    await refused(docmWithText(['x']), 'macro.docx');
  });

  test('text that is not UTF-8, contains NUL bytes or has another extension', async () => {
    await refused(new Uint8Array([0xc7, 0xd1, 0xb1, 0xdb]), 'euc-kr.txt');
    await refused(utf8('a\u0000b'), 'a.txt');
    await refused(utf8('plain words'), 'a.pdf');
    await refused(utf8('plain words'), 'a.html');
    await refused(utf8('plain words'), 'noextension');
  });
});
