import type { Faces } from './fonts.ts';
import {
  appendEndMark,
  type Block,
  type Cell,
  type ListBlock,
  parseHtml,
  type TableBlock,
} from './html-parse.ts';
import {
  type Align,
  type Cursor,
  contentWidth,
  drawLine,
  ensureRoom,
  frame,
  type Span,
  takeLine,
  wrapSpans,
} from './layout.ts';

// Lays the body HTML out on the cursor, breaking pages between lines and between table rows.

export type FlowStyle = {
  faces: Faces;
  size: number;
  /** Line height as a multiple of the size. */
  leading: number;
  paraGap: number;
  /** First-line indent of top-level paragraphs (Decree 30: 1–1.27 cm). */
  firstIndent: number;
  align: Align;
  bullet: string;
  /** 'inline': "- text" indented like a paragraph (Vietnamese); 'hanging': text aligned after the marker. */
  lists: 'inline' | 'hanging';
  /** Marker of item n of an ordered list at a nesting depth; "n." when absent. */
  ordered?: (n: number, depth: number) => string;
};

type Area = { x: number; width: number; depth: number; firstIndent: number };
/** A list marker waiting for the first line of its item: drawn at x, or put in front of the text. */
type Marker = { text: string; x: number | null };

export function renderHtml(c: Cursor, html: string, style: FlowStyle, endMark?: string | null): void {
  const blocks = parseHtml(html);
  if (endMark) appendEndMark(blocks, endMark);
  const area = { x: c.margins.left, width: contentWidth(c), depth: 0, firstIndent: style.firstIndent };
  renderBlocks(c, blocks, style, area, null);
}

function renderBlocks(c: Cursor, blocks: Block[], style: FlowStyle, area: Area, marker: Marker | null): void {
  let pending = marker;
  for (const block of blocks) {
    if (block.kind === 'para')
      renderText(c, block.spans, style, area, { marker: pending, ...aligned(block.align) });
    else if (block.kind === 'heading') renderHeading(c, block.spans, block.level, style, area, block.align);
    else if (block.kind === 'list') renderList(c, block, style, area);
    else if (block.kind === 'table') renderTable(c, block, style, area);
    else {
      const indent = style.size * 2;
      const inner = {
        x: area.x + indent,
        width: area.width - indent * 2,
        depth: area.depth + 1,
        firstIndent: 0,
      };
      renderBlocks(c, block.blocks, style, inner, pending);
    }
    pending = null;
  }
}

type TextOptions = {
  marker?: Marker | null;
  size?: number;
  align?: Align;
  firstIndent?: number;
  gap?: number;
};

/** Wraps and draws one paragraph; returns nothing, the cursor moves under it. */
export function renderText(
  c: Cursor,
  spans: Span[],
  style: FlowStyle,
  area: Area,
  opts: TextOptions = {},
): void {
  const size = opts.size ?? style.size;
  const marker = opts.marker ?? null;
  const text = marker && marker.x === null ? [{ text: `${marker.text}\u00a0` }, ...spans] : spans;
  const firstIndent = opts.firstIndent ?? area.firstIndent;
  const height = size * style.leading;
  const lines = wrapSpans(text, style.faces, size, area.width, firstIndent);
  lines.forEach((line, i) => {
    const y = takeLine(c, height, size);
    const indent = i === 0 ? firstIndent : 0;
    drawLine(c.page, line, area.x + indent, y, area.width - indent, opts.align ?? style.align);
    if (i === 0 && marker && marker.x !== null) {
      c.page.drawText(marker.text, { x: marker.x, y, size, font: style.faces.regular.pdf });
    }
  });
  c.y -= opts.gap ?? style.paraGap;
}

// An explicit alignment (Tiptap's text-align) wins; centred and right-aligned lines take no indent.
const aligned = (align: Align | undefined): TextOptions =>
  align ? { align, firstIndent: align === 'center' || align === 'right' ? 0 : undefined } : {};

const boldSpans = (spans: Span[]): Span[] =>
  spans.map((s) => ({ ...s, face: s.face === 'italic' || s.face === 'boldItalic' ? 'boldItalic' : 'bold' }));

function renderHeading(
  c: Cursor,
  spans: Span[],
  level: 1 | 2 | 3,
  style: FlowStyle,
  area: Area,
  align?: Align,
) {
  const size = level === 1 ? style.size + 1 : style.size;
  // Keep a heading with the first line that follows it.
  ensureRoom(c, (size + style.size) * style.leading + style.paraGap);
  const options = aligned(align ?? (level === 1 ? 'center' : 'left'));
  renderText(c, boldSpans(spans), style, area, { size, ...options });
}

function renderList(c: Cursor, list: ListBlock, style: FlowStyle, area: Area): void {
  const hang = style.size * 1.8;
  list.items.forEach((item, i) => {
    const n = list.start + i;
    const text = list.ordered ? (style.ordered?.(n, area.depth) ?? `${n}.`) : style.bullet;
    const blocks: Block[] = item.length > 0 ? item : [{ kind: 'para', spans: [] }];
    if (style.lists === 'inline') {
      const nested = area.depth > 0 ? style.size : 0;
      const inner = { ...area, depth: area.depth + 1, firstIndent: area.firstIndent + nested };
      renderBlocks(c, blocks, style, inner, { text, x: null });
    } else {
      const inner = { x: area.x + hang, width: area.width - hang, depth: area.depth + 1, firstIndent: 0 };
      renderBlocks(c, blocks, style, inner, { text, x: area.x + style.size * 0.2 });
    }
  });
}

function renderTable(c: Cursor, table: TableBlock, style: FlowStyle, area: Area): void {
  const size = style.size - 1;
  const pad = 4;
  const height = size * 1.25;
  const widths = columnWidths(table, style.faces, size, area.width, pad);
  for (const row of table.rows) {
    const cells = widths.map((w, i) => cellLines(row[i], style.faces, size, w - pad * 2));
    const rowHeight = Math.max(1, ...cells.map((lines) => lines.length)) * height + pad * 2;
    ensureRoom(c, rowHeight);
    let x = area.x;
    cells.forEach((lines, i) => {
      const w = widths[i] ?? 0;
      frame(c.page, x, c.y - rowHeight, w, rowHeight, 0.5);
      const align = row[i]?.header ? 'center' : 'left';
      lines.forEach((line, k) => {
        const y = c.y - pad - k * height - height / 2 - size * 0.3;
        drawLine(c.page, line, x + pad, y, w - pad * 2, align);
      });
      x += w;
    });
    c.y -= rowHeight;
  }
  c.y -= style.paraGap;
}

function cellLines(cell: Cell | undefined, faces: Faces, size: number, width: number) {
  if (!cell) return [];
  return wrapSpans(cell.header ? boldSpans(cell.spans) : cell.spans, faces, size, width);
}

// Columns get their natural (unwrapped) width, at least a minimum, scaled to fill the text width.
function columnWidths(table: TableBlock, faces: Faces, size: number, total: number, pad: number): number[] {
  const count = Math.max(0, ...table.rows.map((r) => r.length));
  const natural = Array.from({ length: count }, () => size * 3);
  for (const row of table.rows) {
    row.forEach((cell, i) => {
      const longest = Math.max(...cellLines(cell, faces, size, Number.POSITIVE_INFINITY).map((l) => l.width));
      natural[i] = Math.max(natural[i] ?? 0, Math.min(longest + pad * 2, total * 0.6));
    });
  }
  const sum = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w / sum) * total);
}
