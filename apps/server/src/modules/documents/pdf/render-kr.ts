import { box, createCanvas, drawVerifyQr, finish, numberPages, qrReserve } from './common.ts';
import type { Faces } from './fonts.ts';
import { disclosureLabel, krDate } from './format.ts';
import { type FlowStyle, renderHtml, renderText } from './html-flow.ts';
import {
  type Approval,
  cooperators,
  krBodyStyle,
  KR_MARGINS as M,
  markAndDate,
  senderName,
  signingLine,
  KR_WIDTH as W,
  widthOf,
} from './kr-common.ts';
import {
  bottomLimit,
  type Cursor,
  drawBlock,
  ensureRoom,
  measureBlock,
  mm,
  newPage,
  rule,
  type Span,
  startCursor,
} from './layout.ts';
import type { Box, OfficialDocumentView, RenderedPdf } from './view.ts';

// 행정업무의 운영 및 혁신에 관한 규정 시행규칙 별지 제1호서식 (기안문/시행문). 두문: agency name, 수신,
// (경유); 본문: 제목, content, 붙임 and the "끝." mark; 결문: 발신명의 with the seal, the approval line,
// 시행/접수, address and contacts with the disclosure class. The form's guide words are not printed.

const LABEL = 46;
const SEAL = mm(30);
const SMALL = 10;
const LINE = SMALL * 1.55;
const ROW = 30;
const SIGN_BOX = 24;
/** Printed gaps are no-break spaces: ordinary white space collapses like HTML. */
const GAP = '\u00a0\u00a0';

export async function renderKr(view: OfficialDocumentView): Promise<RenderedPdf> {
  const canvas = await createCanvas(view, 'sans');
  const { faces } = canvas;
  const c = startCursor(canvas.doc, M, qrReserve(canvas, M, view.verifyUrl));
  const style = krBodyStyle(faces);
  drawHead(c, style, view);
  renderHtml(c, view.bodyHtml, style, view.attachments.length > 0 ? null : '끝.');
  drawAttachments(c, style, view.attachments);
  // An internal approval (내부결재) carries no 발신명의 and so no seal.
  const seal = view.mainRecipients.length > 0 ? drawSender(c, faces, view) : null;
  if (view.mainRecipients.length > 1)
    labelled(c, style, '수신자', [{ text: view.mainRecipients.join(', ') }], 6);
  const signer = drawClosing(c, faces, view);
  numberPages(canvas.doc, faces.regular, SMALL, M, 'bottom');
  if (view.verifyUrl) await drawVerifyQr(canvas, canvas.doc.getPage(0), M, view.verifyUrl);
  return finish(canvas, { signer, seal });
}

/** A line with its guide word at the margin and the value, wrapped, in a column after it. */
function labelled(c: Cursor, style: FlowStyle, label: string, spans: Span[], gap: number): void {
  const area = { x: M.left + LABEL, width: W - LABEL, depth: 1, firstIndent: 0 };
  renderText(c, spans, style, area, { marker: { text: label, x: M.left }, gap, align: 'left' });
}

// One addressee prints in the 수신 line (with its 참조 in parentheses); several print "수신자 참조" and
// are listed after the 발신명의.
function recipientText(view: OfficialDocumentView): string {
  const [first, ...others] = view.mainRecipients;
  if (!first) return '내부결재';
  if (others.length > 0) return '수신자 참조';
  return view.copyRecipients.length > 0 ? `${first}(${view.copyRecipients.join(', ')})` : first;
}

function drawHead(c: Cursor, style: FlowStyle, view: OfficialDocumentView): void {
  const at = { faces: style.faces, face: 'bold' as const, size: 20, x: M.left, width: W, top: c.y };
  c.y = drawBlock(c.page, view.agency.name, at) - 18;
  labelled(c, style, '수신', [{ text: recipientText(view) }], 2);
  labelled(c, style, '(경유)', [{ text: view.via ?? '' }], 4);
  rule(c.page, M.left, M.left + W, c.y - 2, 1.2);
  c.y -= 12;
  labelled(c, style, '제목', [{ text: view.subject, face: 'bold' }], 12);
}

function drawAttachments(c: Cursor, style: FlowStyle, attachments: string[]): void {
  const area = { x: M.left + LABEL, width: W - LABEL, depth: 1, firstIndent: 0 };
  c.y -= 6;
  attachments.forEach((name, i) => {
    const numbered = attachments.length > 1 ? `${i + 1}. ${name}` : name;
    const copies = /\d+\s*부\.?$/.test(name) ? numbered : `${numbered} 1부.`;
    const end = i === attachments.length - 1 ? '\u00a0\u00a0끝.' : '';
    const marker = i === 0 ? { text: '붙임', x: M.left } : null;
    renderText(c, [{ text: copies + end }], style, area, { marker, gap: 0, align: 'left' });
  });
}

// The seal goes on the 발신명의 so that its last character sits in the middle of the seal impression.
function drawSender(c: Cursor, faces: Faces, view: OfficialDocumentView): Box {
  const name = senderName(view.agency);
  const size = 20;
  c.y -= 24;
  ensureRoom(c, SEAL);
  const top = c.y - (SEAL - size * 1.2) / 2;
  drawBlock(c.page, name, { faces, face: 'bold', size, x: M.left, width: W, top });
  const last = [...name].at(-1) ?? '';
  const cx = M.left + W / 2 + widthOf(faces, name, size, true) / 2 - widthOf(faces, last, size, true) / 2;
  const cy = top - size * 0.55;
  c.y -= SEAL;
  return box(c.pageIndex, cx - SEAL / 2, cy - SEAL / 2, SEAL, SEAL);
}

type Placed = { step: Approval; x: number; row: number; position: number; mark: string; markWidth: number };

// Approval steps flow left to right, "직위 [전결 03/05] 성명", wrapping onto a second row if needed.
function placeSteps(faces: Faces, steps: Approval[]): { placed: Placed[]; rows: number } {
  const placed: Placed[] = [];
  let x = 0;
  let row = 0;
  for (const step of steps) {
    const position = widthOf(faces, step.position, SMALL);
    const mark = markAndDate(step);
    const markWidth = mark ? widthOf(faces, mark, SMALL - 1) + 6 : 0;
    const width = position + 6 + markWidth + signWidth(faces, step);
    if (x > 0 && x + width > W) {
      row += 1;
      x = 0;
    }
    placed.push({ step, x, row, position, mark, markWidth });
    x += width + 20;
  }
  return { placed, rows: steps.length > 0 ? row + 1 : 0 };
}

const signWidth = (faces: Faces, step: Approval): number =>
  Math.max(widthOf(faces, step.name, SMALL + 1, true) + 14, 60);

function drawSteps(
  c: Cursor,
  faces: Faces,
  layout: ReturnType<typeof placeSteps>,
  top: number,
  final: number,
) {
  let signer: Box | null = null;
  layout.placed.forEach((p, i) => {
    const rowTop = top - p.row * ROW;
    const baseline = rowTop - ROW / 2 - SMALL * 0.35;
    const x = M.left + p.x;
    c.page.drawText(p.step.position, { x, y: baseline, size: SMALL, font: faces.regular.pdf });
    if (p.mark) {
      const markX = x + p.position + 6;
      c.page.drawText(p.mark, { x: markX, y: baseline, size: SMALL - 1, font: faces.regular.pdf });
    }
    const signX = x + p.position + 6 + p.markWidth;
    const width = signWidth(faces, p.step);
    const nameX = signX + (width - widthOf(faces, p.step.name, SMALL + 1, true)) / 2;
    c.page.drawText(p.step.name, { x: nameX, y: baseline, size: SMALL + 1, font: faces.bold.pdf });
    if (i === final) signer = box(c.pageIndex, signX, rowTop - (ROW + SIGN_BOX) / 2, width, SIGN_BOX);
  });
  return signer as Box | null;
}

function footerLines(view: OfficialDocumentView): string[] {
  const a = view.agency;
  const post = a.postcode || a.address ? `우 ${[a.postcode, a.address].filter(Boolean).join(' ')}` : null;
  const contact = [a.phone ? `전화 ${a.phone}` : null, a.fax ? `전송 ${a.fax}` : null]
    .filter(Boolean)
    .join(GAP);
  const first = [post, a.website].filter(Boolean).join(` ${GAP}/ `);
  const second = [contact || null, a.email, disclosureLabel[view.disclosure]]
    .filter(Boolean)
    .join(` ${GAP}/ `);
  return [first, second].filter(Boolean);
}

// The 결문 (approval line, 시행/접수, address) stands at the foot of the last page, as on the form.
function drawClosing(c: Cursor, faces: Faces, view: OfficialDocumentView): Box | null {
  const { steps, finalIndex } = signingLine(view);
  const layout = placeSteps(faces, steps);
  const helpers = cooperators(view);
  const lines = footerLines(view);
  const at = { faces, face: 'regular' as const, size: SMALL, x: M.left, width: W, leading: 1.55 };
  const footHeight = lines.reduce((sum, text) => sum + measureBlock(text, at).height, LINE);
  const height = 8 + layout.rows * ROW + (helpers.length > 0 ? LINE : 0) + 8 + footHeight + 4;
  c.y -= 10;
  if (c.y - height < bottomLimit(c)) newPage(c);
  let top = bottomLimit(c) + height;
  rule(c.page, M.left, M.left + W, top, 1.5);
  top -= 8;
  const signer = drawSteps(c, faces, layout, top, finalIndex);
  top -= layout.rows * ROW;
  if (helpers.length > 0) {
    const names = helpers.map((h) => `${h.position} ${h.name}`).join('   ');
    drawBlock(c.page, names, { ...at, x: M.left + LABEL, width: W - LABEL, top }, 'left');
    top = drawBlock(c.page, '협조자', { ...at, width: LABEL, top }, 'left');
  }
  rule(c.page, M.left, M.left + W, top - 4, 0.6);
  top -= 8;
  const issued = view.numberText
    ? `${view.numberText}${view.issuedAt ? ` (${krDate(view.issuedAt)})` : ''}`
    : '';
  drawBlock(
    c.page,
    `접수${GAP}${view.receiptNumberText ?? ''}`,
    { ...at, x: M.left + W / 2, width: W / 2, top },
    'left',
  );
  top = drawBlock(c.page, `시행${GAP}${issued}`, { ...at, width: W / 2, top }, 'left');
  for (const text of lines) top = drawBlock(c.page, text, { ...at, top }, 'left');
  c.y = top;
  return signer;
}
