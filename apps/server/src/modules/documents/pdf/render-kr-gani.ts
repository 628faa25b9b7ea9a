import { box, createCanvas, drawVerifyQr, finish, numberPages, qrReserve } from './common.ts';
import type { Faces } from './fonts.ts';
import { disclosureLabel, krDate } from './format.ts';
import { renderHtml } from './html-flow.ts';
import {
  type Approval,
  cooperators,
  krBodyStyle,
  KR_MARGINS as M,
  markAndDate,
  signingLine,
  KR_WIDTH as W,
  widthOf,
} from './kr-common.ts';
import { type Cursor, drawBlock, frame, rule, startCursor } from './layout.ts';
import type { Box, OfficialDocumentView, RenderedPdf } from './view.ts';

// 별지 제2호서식 간이기안문: for internal reports and plans that are not sent out. Registration details at
// the top left, the approval grid at the top right, then the title and the content. No 발신명의, no seal:
// documents that stay inside the agency are signed, not sealed.

const SMALL = 9.5;
const HEAD_ROW = 18;
const SIGN_ROW = 42;
const COOP_ROW = 22;

export async function renderKrSimple(view: OfficialDocumentView): Promise<RenderedPdf> {
  const canvas = await createCanvas(view, 'sans');
  const { faces } = canvas;
  const c = startCursor(canvas.doc, M, qrReserve(canvas, M, view.verifyUrl));
  const top = c.y;
  const { signer, bottom: gridBottom } = drawGrid(c, faces, view, top);
  const infoBottom = drawRegistration(c, faces, view, top);
  c.y = Math.min(gridBottom, infoBottom) - 10;
  rule(c.page, M.left, M.left + W, c.y, 1.5);
  c.y = drawBlock(c.page, view.subject, {
    faces,
    face: 'bold',
    size: 17,
    x: M.left,
    width: W,
    top: c.y - 22,
  });
  c.y -= 20;
  renderHtml(c, view.bodyHtml, krBodyStyle(faces), '끝.');
  numberPages(canvas.doc, faces.regular, 10, M, 'bottom');
  if (view.verifyUrl) await drawVerifyQr(canvas, canvas.doc.getPage(0), M, view.verifyUrl);
  return finish(canvas, { signer, seal: null });
}

function drawRegistration(c: Cursor, faces: Faces, view: OfficialDocumentView, top: number): number {
  const { steps, finalIndex } = signingLine(view);
  const approvedAt = steps[finalIndex]?.date ?? view.issuedAt;
  const rows: [string, string][] = [
    ['등록번호', view.numberText ?? ''],
    ['등록일자', view.issuedAt ? krDate(view.issuedAt) : ''],
    ['결재일자', approvedAt ? krDate(approvedAt) : ''],
    ['공개구분', disclosureLabel[view.disclosure]],
  ];
  const at = { faces, face: 'regular' as const, size: 10.5, leading: 1.7 };
  let y = top - 2;
  for (const [label, value] of rows) {
    drawBlock(c.page, label, { ...at, face: 'bold', x: M.left, width: 60, top: y }, 'left');
    y = drawBlock(c.page, value, { ...at, x: M.left + 62, width: W * 0.45 - 62, top: y }, 'left');
  }
  return y;
}

function columnWidth(faces: Faces, steps: Approval[]): number {
  const widest = Math.max(56, ...steps.map((s) => widthOf(faces, s.position, SMALL) + 12));
  return Math.min(widest, (W * 0.55) / Math.max(1, steps.length));
}

// The approval grid: one column per step, the position above, the signature (name, mark and date) below.
function drawGrid(c: Cursor, faces: Faces, view: OfficialDocumentView, top: number) {
  const { steps, finalIndex } = signingLine(view);
  const col = columnWidth(faces, steps);
  const left = M.left + W - col * steps.length;
  let signer: Box | null = null;
  steps.forEach((step, i) => {
    const x = left + col * i;
    frame(c.page, x, top - HEAD_ROW, col, HEAD_ROW, 0.6);
    frame(c.page, x, top - HEAD_ROW - SIGN_ROW, col, SIGN_ROW, 0.6);
    const at = { faces, face: 'regular' as const, size: SMALL, x, width: col };
    drawBlock(c.page, step.position, { ...at, top: top - 2, leading: 1.6 });
    drawBlock(c.page, step.name, { ...at, face: 'bold', size: SMALL + 1.5, top: top - HEAD_ROW - 6 });
    const mark = markAndDate(step);
    if (mark) drawBlock(c.page, mark, { ...at, size: SMALL - 1, top: top - HEAD_ROW - SIGN_ROW + 16 });
    if (i === finalIndex) signer = box(c.pageIndex, x, top - HEAD_ROW - SIGN_ROW, col, SIGN_ROW);
  });
  let bottom = top - HEAD_ROW - SIGN_ROW;
  const helpers = cooperators(view);
  if (helpers.length > 0 && steps.length > 0) {
    const names = helpers.map((h) => `${h.position} ${h.name}`).join(', ');
    const label = Math.min(col, 48);
    const rest = col * steps.length - label;
    frame(c.page, left, bottom - COOP_ROW, label, COOP_ROW, 0.6);
    frame(c.page, left + label, bottom - COOP_ROW, rest, COOP_ROW, 0.6);
    const at = { faces, face: 'regular' as const, size: SMALL, top: bottom - 2, leading: 1.9 };
    drawBlock(c.page, '협조자', { ...at, x: left, width: label });
    drawBlock(c.page, names, { ...at, x: left + label + 6, width: rest - 12 }, 'left');
    bottom -= COOP_ROW;
  }
  return { signer: signer as Box | null, bottom };
}
