import { box, createCanvas, drawVerifyQr, finish, numberPages, qrReserve } from './common.ts';
import type { Faces } from './fonts.ts';
import { textWidth } from './fonts.ts';
import { secrecyMark, upperVi, urgencyMark, vnDateLine } from './format.ts';
import { type FlowStyle, renderHtml, renderText } from './html-flow.ts';
import {
  A4,
  balancedLines,
  type Cursor,
  contentWidth,
  drawBlock,
  ensureRoom,
  frame,
  type Line,
  type Margins,
  measureBlock,
  mm,
  rule,
  type Span,
  startCursor,
} from './layout.ts';
import type { OfficialDocumentView, RenderedPdf } from './view.ts';

// Decree 30/2020/NĐ-CP Appendix I: A4 portrait, Times New Roman-like type, margins top and bottom 20 mm,
// left 30 mm, right 15 mm. The header is two columns (agency and number left; national name, motto and
// date right); the closing puts "Nơi nhận" left and the signer right, level with each other.

const MARGINS: Margins = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const WIDTH = A4.width - MARGINS.left - MARGINS.right;
const LEFT = { x: MARGINS.left, width: WIDTH * 0.38 };
const RIGHT = { x: MARGINS.left + WIDTH * 0.4, width: WIDTH * 0.6 };
const BODY = 14;
const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Signature image area between the title and the name, and the seal at its real size (Ø 36 mm). */
const SIGN_HEIGHT = mm(30);
const SIGN_WIDTH = mm(60);
const SEAL = mm(36);

type Column = { x: number; width: number };
const centre = (col: Column): number => col.x + col.width / 2;
const widest = (lines: Line[]): number => Math.max(0, ...lines.map((l) => l.width));

export async function renderVn(view: OfficialDocumentView): Promise<RenderedPdf> {
  const canvas = await createCanvas(view, 'serif');
  const { faces } = canvas;
  const c = startCursor(canvas.doc, MARGINS, qrReserve(canvas, MARGINS, view.verifyUrl));
  drawHeader(c, faces, view);
  if (view.typeCode === 'CV') drawAddressees(c, faces, view.mainRecipients);
  else drawTitle(c, faces, view);
  const style = bodyStyle(faces);
  renderHtml(c, view.bodyHtml, style);
  drawAttachments(c, style, view.attachments);
  const boxes = drawClosing(c, faces, view);
  numberPages(canvas.doc, faces.regular, BODY, MARGINS, 'top');
  if (view.verifyUrl) await drawVerifyQr(canvas, canvas.doc.getPage(0), MARGINS, view.verifyUrl);
  return finish(canvas, boxes);
}

function bodyStyle(faces: Faces): FlowStyle {
  // Body 13–14 pt, justified, first-line indent 1–1.27 cm, ≥ 6 pt between paragraphs (Appendix I).
  const base = { faces, size: BODY, leading: 1.2, paraGap: 6, firstIndent: mm(12.7) };
  return { ...base, align: 'justify', bullet: '-', lists: 'inline' };
}

function drawHeader(c: Cursor, faces: Faces, view: OfficialDocumentView): void {
  const page = c.page;
  const top = c.y;
  let left = top;
  if (view.agency.parentName) {
    left = drawBlock(page, upperVi(view.agency.parentName), {
      faces,
      face: 'regular',
      size: 12.5,
      ...LEFT,
      top,
    });
  }
  const agency = upperVi(view.agency.name);
  const agencyAt = { faces, face: 'bold' as const, size: 12.5, ...LEFT, top: left };
  const agencyRule = widest(balancedLines(agency, agencyAt)) * 0.4;
  left = drawBlock(page, agency, agencyAt);
  rule(page, centre(LEFT) - agencyRule / 2, centre(LEFT) + agencyRule / 2, left - 3);

  let right = drawBlock(page, NATIONAL_NAME, { faces, face: 'bold', size: 12.5, ...RIGHT, top });
  right = drawBlock(page, MOTTO, { faces, face: 'bold', size: 13.5, ...RIGHT, top: right });
  const motto = textWidth(faces.bold, MOTTO, 13.5);
  rule(page, centre(RIGHT) - motto / 2, centre(RIGHT) + motto / 2, right - 3);
  c.y = Math.min(left, right) - 12;
  drawNumberRow(c, faces, view);
}

// The number and the place/date stand on one line (Appendix I); "V/v" and the marks go under it.
function drawNumberRow(c: Cursor, faces: Faces, view: OfficialDocumentView): void {
  const page = c.page;
  const blank = '\u00a0'.repeat(9);
  const code = view.codeText ?? (view.typeCode === 'CV' ? '' : view.typeCode);
  const number = view.numberText ? `Số: ${view.numberText}` : `Số:${blank}/${code}`;
  let left = drawBlock(page, number, { faces, face: 'regular', size: 13, ...LEFT, top: c.y });
  const date = vnDateLine(view.place, view.issuedAt);
  const right = drawBlock(page, date, { faces, face: 'italic', size: 13.5, ...RIGHT, top: c.y });
  if (view.typeCode === 'CV') {
    const subject = `V/v ${view.subject}`;
    left = drawBlock(page, subject, {
      faces,
      face: 'regular',
      size: 12,
      ...LEFT,
      top: left - 3,
      leading: 1.15,
    });
  }
  for (const mark of [secrecyMark[view.confidentiality], urgencyMark[view.urgency]]) {
    if (!mark) continue;
    const width = textWidth(faces.bold, mark, 13) + 14;
    const x = centre(LEFT) - width / 2;
    frame(page, x, left - 8 - 13 * 1.6, width, 13 * 1.6, 1);
    left = drawBlock(page, mark, { faces, face: 'bold', size: 13, x, width, top: left - 8, leading: 1.6 });
  }
  c.y = Math.min(left, right) - 16;
}

function drawTitle(c: Cursor, faces: Faces, view: OfficialDocumentView): void {
  const page = c.page;
  const x = MARGINS.left + WIDTH * 0.1;
  const width = WIDTH * 0.8;
  let y = c.y - 4;
  if (view.typeName)
    y = drawBlock(page, upperVi(view.typeName), { faces, face: 'bold', size: BODY, x, width, top: y });
  const subjectAt = { faces, face: 'bold' as const, size: BODY, x, width, top: y };
  const ruleLength = widest(balancedLines(view.subject, subjectAt)) * 0.4;
  y = drawBlock(page, view.subject, subjectAt);
  rule(page, x + width / 2 - ruleLength / 2, x + width / 2 + ruleLength / 2, y - 3);
  c.y = y - 18;
}

// "Kính gửi: X." on one line for one addressee; several go one a line after the label, "- X;" … "- Z.".
function drawAddressees(c: Cursor, faces: Faces, recipients: string[]): void {
  const at = { faces, face: 'regular' as const, size: BODY };
  const names = recipients.map((r) => r.trim().replace(/[;.,]+$/, ''));
  if (names.length === 1) {
    c.y =
      drawBlock(c.page, `Kính gửi: ${names[0]}.`, { ...at, x: MARGINS.left, width: WIDTH, top: c.y }) - 10;
    return;
  }
  if (names.length === 0) return;
  const labelX = MARGINS.left + WIDTH * 0.15;
  const itemX = labelX + textWidth(faces.regular, 'Kính gửi: ', BODY);
  const width = MARGINS.left + WIDTH - itemX;
  drawBlock(c.page, 'Kính gửi:', { ...at, x: labelX, width: itemX - labelX, top: c.y }, 'left');
  names.forEach((name, i) => {
    const text = `- ${name}${i === names.length - 1 ? '.' : ';'}`;
    c.y = drawBlock(c.page, text, { ...at, x: itemX, width, top: c.y }, 'left');
  });
  c.y -= 10;
}

function drawAttachments(c: Cursor, style: FlowStyle, attachments: string[]): void {
  if (attachments.length === 0) return;
  const area = { x: c.margins.left, width: contentWidth(c), depth: 0, firstIndent: style.firstIndent };
  const label: Span = { text: 'Tài liệu kèm theo: ', face: 'italic' };
  if (attachments.length === 1) {
    renderText(c, [label, { text: `${attachments[0]}.` }], style, area);
    return;
  }
  renderText(c, [label], style, area, { gap: 0 });
  attachments.forEach((name, i) => {
    const text = `- ${name}${i === attachments.length - 1 ? '.' : ';'}`;
    renderText(c, [{ text }], style, area, { gap: 0 });
  });
  c.y -= style.paraGap;
}

function recipientLines(view: OfficialDocumentView): string[] {
  const clean = (r: string) => r.trim().replace(/[;.,]+$/, '');
  const addressed = view.typeCode === 'CV' && view.mainRecipients.length > 0;
  const names = addressed
    ? ['Như trên', ...view.copyRecipients]
    : [...view.mainRecipients, ...view.copyRecipients];
  const archive = view.draftingUnitCode ? `Lưu: VT, ${view.draftingUnitCode}.` : 'Lưu: VT.';
  return [...names.map((r) => `- ${clean(r)};`), `- ${archive}`];
}

function drawClosing(c: Cursor, faces: Faces, view: OfficialDocumentView): RenderedPdf['boxes'] {
  const left = { x: MARGINS.left, width: WIDTH * 0.42 };
  const right = { x: MARGINS.left + WIDTH * 0.42, width: WIDTH * 0.58 };
  const lines = recipientLines(view);
  const listHeight = lines.reduce(
    (sum, text) => sum + measureBlock(text, { faces, face: 'regular', size: 11, width: left.width }).height,
    12 * 1.3,
  );
  const titles = view.signer ? signerTitles(view.signer) : [];
  const signerHeight = view.signer ? (titles.length + 1) * BODY * 1.2 + SIGN_HEIGHT : 0;
  c.y -= 6;
  ensureRoom(c, Math.max(listHeight, signerHeight));
  const top = c.y;
  let y = drawBlock(
    c.page,
    'Nơi nhận:',
    { faces, face: 'boldItalic', size: 12, ...left, top, leading: 1.3 },
    'left',
  );
  for (const text of lines)
    y = drawBlock(c.page, text, { faces, face: 'regular', size: 11, ...left, top: y }, 'left');
  if (!view.signer) {
    c.y = y;
    return { signer: null, seal: null };
  }
  const at = { faces, face: 'bold' as const, size: BODY, ...right };
  let sy = top;
  for (const title of titles) sy = drawBlock(c.page, title, { ...at, top: sy });
  const signer = box(c.pageIndex, centre(right) - SIGN_WIDTH / 2, sy - SIGN_HEIGHT, SIGN_WIDTH, SIGN_HEIGHT);
  // The seal overlaps about a third of the signature on its left (Appendix I, digital seal image).
  const seal = box(
    c.pageIndex,
    signer.x + SIGN_WIDTH / 3 - SEAL,
    signer.y + (SIGN_HEIGHT - SEAL) / 2,
    SEAL,
    SEAL,
  );
  sy = drawBlock(c.page, view.signer.name, { ...at, top: signer.y });
  c.y = Math.min(y, sy);
  return { signer, seal };
}

// "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"; a mark without a principal's title goes before the title itself.
function signerTitles(signer: NonNullable<OfficialDocumentView['signer']>): string[] {
  const title = upperVi(signer.title);
  if (signer.mark && signer.onBehalfTitle) return [`${signer.mark}. ${upperVi(signer.onBehalfTitle)}`, title];
  return [signer.mark ? `${signer.mark}. ${title}` : title];
}
