import { degrees, type PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { type Face, type FaceName, type Faces, textWidth } from './fonts.ts';

// Page geometry, the flowing cursor with page breaks, and line wrapping of styled text.

export const mm = (value: number): number => (value * 72) / 25.4;
export const A4 = { width: mm(210), height: mm(297) };
export const black = rgb(0, 0, 0);

export type Margins = { top: number; bottom: number; left: number; right: number };
export type Align = 'left' | 'center' | 'right' | 'justify';

/** Where the flow writes next: the current page and the top of the next line (PDF points, y up). */
export type Cursor = {
  doc: PDFDocument;
  margins: Margins;
  page: PDFPage;
  pageIndex: number;
  y: number;
  /** Height kept free above the bottom margin of page 1 (the verification QR code). */
  firstPageReserve: number;
};

export function startCursor(doc: PDFDocument, margins: Margins, firstPageReserve = 0): Cursor {
  const page = doc.addPage([A4.width, A4.height]);
  return { doc, margins, page, pageIndex: 0, y: A4.height - margins.top, firstPageReserve };
}

export const contentWidth = (c: Cursor): number => A4.width - c.margins.left - c.margins.right;
export const bottomLimit = (c: Cursor): number =>
  c.margins.bottom + (c.pageIndex === 0 ? c.firstPageReserve : 0);

export function newPage(c: Cursor): void {
  c.page = c.doc.addPage([A4.width, A4.height]);
  c.pageIndex += 1;
  c.y = A4.height - c.margins.top;
}

/** Starts a new page unless `height` still fits above the bottom margin. */
export function ensureRoom(c: Cursor, height: number): void {
  if (c.y - height < bottomLimit(c) && c.y < A4.height - c.margins.top) newPage(c);
}

/** Reserves one line of `height` and returns its baseline. */
export function takeLine(c: Cursor, height: number, size: number): number {
  ensureRoom(c, height);
  const baseline = c.y - height / 2 - size * 0.3;
  c.y -= height;
  return baseline;
}

export type Span = { text: string; face?: FaceName; underline?: boolean; br?: boolean };
type Piece = { text: string; face: Face; width: number; underline: boolean; space: boolean };
type Word = { kind: 'word'; pieces: Piece[]; width: number };
type Item = Word | { kind: 'space'; piece: Piece } | { kind: 'br' };
export type Line = { pieces: Piece[]; width: number; size: number; end: boolean };

// HTML whitespace rules: runs of white space collapse to one space; words glue across style changes.
function itemize(spans: Span[], faces: Faces, size: number): Item[] {
  const items: Item[] = [];
  let word: Word | null = null;
  for (const span of spans) {
    if (span.br) {
      items.push({ kind: 'br' });
      word = null;
      continue;
    }
    const face = faces[span.face ?? 'regular'];
    const underline = span.underline ?? false;
    // HTML white space only: a no-break space stays inside its word.
    for (const token of span.text.normalize('NFC').match(/[ \t\n\r\f]+|[^ \t\n\r\f]+/g) ?? []) {
      if (/^[ \t\n\r\f]/.test(token)) {
        word = null;
        if (items.at(-1)?.kind !== 'space') {
          items.push({ kind: 'space', piece: piece(' ', face, size, underline, true) });
        }
      } else if (word) {
        word.pieces.push(piece(token, face, size, underline, false));
        word.width += word.pieces.at(-1)?.width ?? 0;
      } else {
        word = { kind: 'word', pieces: [piece(token, face, size, underline, false)], width: 0 };
        word.width = word.pieces[0]?.width ?? 0;
        items.push(word);
      }
    }
  }
  return items;
}

function piece(text: string, face: Face, size: number, underline: boolean, space: boolean): Piece {
  return { text, face, width: textWidth(face, text, size), underline, space };
}

/** Breaks styled text into lines of at most `width` (the first line `firstIndent` shorter). */
export function wrapSpans(spans: Span[], faces: Faces, size: number, width: number, firstIndent = 0): Line[] {
  const lines: Line[] = [];
  let line: Line = { pieces: [], width: 0, size, end: false };
  let gap: Piece | null = null;
  const room = () => width - (lines.length === 0 ? firstIndent : 0) - line.width;
  const finish = (end: boolean) => {
    lines.push({ ...line, end });
    line = { pieces: [], width: 0, size, end: false };
    gap = null;
  };
  const add = (p: Piece) => {
    line.pieces.push(p);
    line.width += p.width;
  };
  for (const item of itemize(spans, faces, size)) {
    if (item.kind === 'br') finish(true);
    else if (item.kind === 'space') gap = line.pieces.length > 0 ? item.piece : null;
    else {
      if (line.pieces.length > 0 && (gap?.width ?? 0) + item.width > room()) finish(false);
      if (gap) add(gap);
      gap = null;
      if (item.width <= room()) for (const p of item.pieces) add(p);
      else
        breakWord(item, size, { room, add, finish: () => finish(false), empty: () => !line.pieces.length });
    }
  }
  if (line.pieces.length > 0 || lines.length === 0) finish(true);
  return lines;
}

// A word wider than the line (a long Hangul run without spaces, a URL) is broken between characters.
type LineOps = { room: () => number; add: (p: Piece) => void; finish: () => void; empty: () => boolean };
function breakWord(word: Word, size: number, ops: LineOps): void {
  for (const p of word.pieces) {
    for (const char of p.text) {
      const part = { ...p, text: char, width: textWidth(p.face, char, size) };
      if (part.width > ops.room() && !ops.empty()) ops.finish();
      ops.add(part);
    }
  }
}

/** Draws one wrapped line; `justify` stretches the spaces of every line but a paragraph's last. */
export function drawLine(page: PDFPage, line: Line, x: number, y: number, width: number, align: Align): void {
  const pieces = [...line.pieces];
  while (pieces.at(-1)?.space) pieces.pop();
  const natural = pieces.reduce((sum, p) => sum + p.width, 0);
  const spaces = pieces.filter((p) => p.space).length;
  let stretch = align === 'justify' && !line.end && spaces > 0 ? (width - natural) / spaces : 0;
  if (stretch < 0 || stretch > line.size * 2) stretch = 0;
  let cx = x + (align === 'center' ? (width - natural) / 2 : align === 'right' ? width - natural : 0);
  // Spaces are drawn (text extraction and search see real spaces); a justified line adds its stretch after
  // each space, since word spacing (Tw) does not apply to two-byte CID fonts.
  const runs: { piece: Piece; x: number }[] = [];
  let joined = false;
  for (const p of pieces) {
    const last = runs.at(-1);
    if (last && joined && last.piece.face === p.face && last.piece.underline === p.underline) {
      last.piece = { ...last.piece, text: last.piece.text + p.text, width: last.piece.width + p.width };
    } else runs.push({ piece: p, x: cx });
    joined = !(p.space && stretch > 0);
    cx += p.width + (p.space ? stretch : 0);
  }
  runs.forEach((run, i) => {
    // An underline carries on across the stretched gap to the next underlined word.
    const next = runs[i + 1];
    const joinsNext = run.piece.underline && next?.piece.underline;
    const underline = joinsNext ? next.x - run.x : run.piece.width;
    drawRun(page, run.piece, run.x, y, line.size, underline);
  });
}

function drawRun(page: PDFPage, run: Piece, x: number, y: number, size: number, underline: number): void {
  // A slanted face leans its verticals (pdf-lib's ySkew is the shear that moves tops to the right).
  const skew = run.face.skew ? degrees(12) : undefined;
  page.drawText(run.text, { x, y, size, font: run.face.pdf, color: black, ySkew: skew });
  if (run.underline) {
    const uy = y - size * 0.12;
    page.drawLine({ start: { x, y: uy }, end: { x: x + underline, y: uy }, thickness: size * 0.05 });
  }
}

export type BlockAt = {
  faces: Faces;
  face: FaceName;
  size: number;
  x: number;
  width: number;
  top: number;
  leading?: number;
};

/** Lines, widest line and height of plain text wrapped in a column. */
export function measureBlock(text: string, at: Omit<BlockAt, 'x' | 'top'>) {
  const lines = wrapSpans([{ text, face: at.face }], at.faces, at.size, at.width);
  const widest = Math.max(0, ...lines.map((l) => l.width));
  return { lines, widest, height: lines.length * at.size * (at.leading ?? 1.2) };
}

/** Wraps plain text in a column and draws it from `top` down; returns the y under the last line. */
export function drawBlock(page: PDFPage, text: string, at: BlockAt, align: Align = 'center'): number {
  const height = at.size * (at.leading ?? 1.2);
  const lines = align === 'center' ? balancedLines(text, at) : measureBlock(text, at).lines;
  let top = at.top;
  for (const line of lines) {
    drawLine(page, line, at.x, top - height / 2 - at.size * 0.3, at.width, align);
    top -= height;
  }
  return top;
}

// Centred headings read better with lines of even length ("ỦY BAN NHÂN DÂN / TỈNH LÂM SƠN" rather than
// "ỦY BAN NHÂN DÂN TỈNH LÂM / SƠN"): the narrowest width that keeps the same number of lines.
export function balancedLines(text: string, at: Omit<BlockAt, 'x' | 'top'>): Line[] {
  const full = measureBlock(text, at);
  if (full.lines.length < 2) return full.lines;
  let low = full.widest / full.lines.length;
  let high = at.width;
  let best = full.lines;
  for (let i = 0; i < 12 && high - low > 1; i++) {
    const mid = (low + high) / 2;
    const trial = measureBlock(text, { ...at, width: mid }).lines;
    if (trial.length > full.lines.length) low = mid;
    else {
      high = mid;
      best = trial;
    }
  }
  return best;
}

export function rule(page: PDFPage, x1: number, x2: number, y: number, thickness = 0.6): void {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: black });
}

export function frame(page: PDFPage, x: number, y: number, width: number, height: number, thickness = 0.8) {
  page.drawRectangle({ x, y, width, height, borderColor: black, borderWidth: thickness });
}
