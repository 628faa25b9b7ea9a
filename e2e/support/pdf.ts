import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { has, MISSING, pagePixels, pdfsig, qpdfCheck } from '@civicdesk/server/test/pdf-tools.ts';
import jsQR from 'jsqr';

// What a person does with a signed PDF outside the browser: read its text, scan its QR code, and check it
// with tools that share no code with CivicDesk (poppler's pdfsig, qpdf), as the server's tests do.

export { has, MISSING, pdfsig, qpdfCheck };

let dir: string | null = null;

/** The bytes as a file the command-line tools can read (removed when the test process exits). */
export function pdfFile(bytes: Buffer, name: string): string {
  if (!dir) {
    const made = mkdtempSync(path.join(tmpdir(), 'civicdesk-e2e-pdf-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export const hasPdftotext = () => spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

/** The text of the PDF as poppler's pdftotext extracts it (the URL printed under the QR code is in it). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
}

/** The QR code on a page, read from a 150-dpi rendering (pdftoppm) like a phone camera would; null if none. */
export function scanQr(file: string, page = 1): string | null | typeof MISSING {
  const pixels = pagePixels(file, page, 150);
  if (pixels === MISSING) return MISSING;
  const rgba = new Uint8ClampedArray(pixels.width * pixels.height * 4);
  for (let y = 0; y < pixels.height; y++)
    for (let x = 0; x < pixels.width; x++) {
      const i = (y * pixels.width + x) * 4;
      [rgba[i], rgba[i + 1], rgba[i + 2]] = pixels.rgb(x, y);
      rgba[i + 3] = 255;
    }
  return jsQR(rgba, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** A copy with one byte changed inside the signed content (a page dictionary's /Type), as a forger might. */
export function alterOneByte(pdf: Buffer): Buffer {
  const altered = Buffer.from(pdf);
  const at = altered.indexOf('/Type /Page') + 2;
  if (at < 2) throw new Error('no page dictionary found');
  altered[at] = altered[at] === 0x79 ? 0x78 : 0x79;
  return altered;
}
