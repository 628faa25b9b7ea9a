import { PDFDocument, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { addSignatureFields } from '../../../platform/pades/fields.ts';
import { embedFaces, type Face, type Faces, type Family, textWidth } from './fonts.ts';
import { A4, black, drawLine, type Margins, mm, wrapSpans } from './layout.ts';
import type { Box, OfficialDocumentView, RenderedPdf } from './view.ts';

// What both formats share: the document with its metadata and fonts, page numbers, the QR code, saving.

export type Canvas = { doc: PDFDocument; faces: Faces };

export async function createCanvas(view: OfficialDocumentView, family: Family): Promise<Canvas> {
  const doc = await PDFDocument.create();
  const dated = view.issuedAt ?? new Date();
  doc.setTitle(view.subject);
  doc.setSubject(view.numberText ?? view.subject);
  doc.setAuthor(view.agency.name);
  doc.setCreator('CivicDesk');
  doc.setProducer('CivicDesk (pdf-lib)');
  doc.setLanguage(view.country === 'vn' ? 'vi-VN' : 'ko-KR');
  // Fixed dates keep the bytes of a re-render identical.
  doc.setCreationDate(dated);
  doc.setModificationDate(dated);
  return { doc, faces: await embedFaces(doc, family) };
}

/** Page numbers from page 2: Vietnam centred in the top margin (Decree 30 Appendix I), Korea at the foot. */
export function numberPages(
  doc: PDFDocument,
  face: Face,
  size: number,
  margins: Margins,
  at: 'top' | 'bottom',
) {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    if (i === 0) return;
    const text = at === 'top' ? String(i + 1) : `- ${i + 1} -`;
    const y = at === 'top' ? A4.height - margins.top / 2 - size * 0.3 : margins.bottom / 2 - size * 0.3;
    const x = (A4.width - textWidth(face, text, size)) / 2;
    page.drawText(text, { x, y, size, font: face.pdf, color: black });
  });
}

const QR_SIZE = mm(18);
const QR_URL_SIZE = 7;
const QR_URL_LINE = QR_URL_SIZE * 1.25;

function urlLines(canvas: Canvas, margins: Margins, url: string) {
  const width = Math.min(mm(90), A4.width - margins.left - margins.right);
  return { width, lines: wrapSpans([{ text: url }], canvas.faces, QR_URL_SIZE, width) };
}

/** Height the QR code and its URL take at the foot of page 1 (the flow keeps it free). */
export function qrReserve(canvas: Canvas, margins: Margins, url: string | null | undefined): number {
  return url ? QR_SIZE + urlLines(canvas, margins, url).lines.length * QR_URL_LINE + 12 : 0;
}

/** The verification QR code bottom-left of page 1, the URL in 7 pt under it. */
export async function drawVerifyQr(
  canvas: Canvas,
  page: PDFPage,
  margins: Margins,
  url: string,
): Promise<void> {
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 4 });
  const image = await canvas.doc.embedPng(png);
  const { width, lines } = urlLines(canvas, margins, url);
  lines.forEach((line, i) => {
    const y = margins.bottom + (lines.length - 1 - i) * QR_URL_LINE + 2;
    drawLine(page, line, margins.left, y, width, 'left');
  });
  const y = margins.bottom + lines.length * QR_URL_LINE + 3;
  page.drawImage(image, { x: margins.left, y, width: QR_SIZE, height: QR_SIZE });
}

export async function finish(canvas: Canvas, boxes: RenderedPdf['boxes']): Promise<RenderedPdf> {
  // Empty signature fields over the boxes, named after them: signing later only fills a field in an
  // incremental update, never touches a page.
  const fields = (['signer', 'seal'] as const).flatMap((name) => {
    const rect = boxes[name];
    return rect ? [{ name, rect }] : [];
  });
  addSignatureFields(canvas.doc, fields);
  const bytes = await canvas.doc.save({
    // objectsPerTick: pdf-lib otherwise yields to the event loop every 50 objects (a timer each time).
    objectsPerTick: Number.POSITIVE_INFINITY,
    updateFieldAppearances: false,
    // A classic cross-reference table: each signature appends a small classic section (no xref streams).
    useObjectStreams: false,
  });
  return { bytes, boxes, fields: fields.map((f) => f.name), pages: canvas.doc.getPageCount() };
}

export const box = (page: number, x: number, y: number, width: number, height: number): Box => ({
  page,
  x,
  y,
  width,
  height,
});
