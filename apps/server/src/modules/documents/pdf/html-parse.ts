import type { Align, Span } from './layout.ts';

// Turns the sanitised body HTML (p, br, strong/b, em/i, u, h1–h3, ul/ol/li, blockquote, table/tr/td/th)
// into blocks the flow renderer lays out. The input was sanitised upstream, so a small tolerant tokenizer
// is enough: unknown tags are dropped and their text kept.

export type Cell = { spans: Span[]; header: boolean };
export type TextBlock =
  | { kind: 'para'; spans: Span[]; align?: Align }
  | { kind: 'heading'; level: 1 | 2 | 3; spans: Span[]; align?: Align };
export type ListBlock = { kind: 'list'; ordered: boolean; start: number; items: Block[][] };
export type TableBlock = { kind: 'table'; rows: Cell[][] };
export type Block = TextBlock | ListBlock | TableBlock | { kind: 'quote'; blocks: Block[] };

type Token = { type: 'open' | 'close'; name: string; attrs: string } | { type: 'text'; text: string };
type Frame =
  | { tag: 'root' | 'li' | 'blockquote'; blocks: Block[] }
  | { tag: 'list'; list: ListBlock }
  | { tag: 'table'; table: TableBlock }
  | { tag: 'tr'; row: Cell[] }
  | { tag: 'cell'; cell: Cell };
type State = { stack: Frame[]; text: TextBlock | null; bold: number; italic: number; underline: number };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+|<)/g;
  for (const m of html.matchAll(pattern)) {
    if (m[2]) tokens.push({ type: m[1] ? 'close' : 'open', name: m[2].toLowerCase(), attrs: m[3] ?? '' });
    else if (m[4]) tokens.push({ type: 'text', text: decode(m[4]) });
  }
  return tokens;
}

const top = (s: State): Frame => s.stack.at(-1) as Frame;

function blocksOf(s: State): Block[] | null {
  const frame = top(s);
  return 'blocks' in frame ? frame.blocks : null;
}

/** The spans that text goes to now: the open paragraph, the table cell, or a new implicit paragraph. */
function target(s: State, create: boolean): Span[] | null {
  const frame = top(s);
  if (frame.tag === 'cell') return frame.cell.spans;
  if (s.text) return s.text.spans;
  const blocks = blocksOf(s);
  if (!blocks || !create) return null;
  s.text = { kind: 'para', spans: [] };
  blocks.push(s.text);
  return s.text.spans;
}

function addText(s: State, text: string): void {
  const spans = target(s, /\S/.test(text));
  if (!spans) return;
  const face = s.bold && s.italic ? 'boldItalic' : s.bold ? 'bold' : s.italic ? 'italic' : 'regular';
  spans.push({ text, face, underline: s.underline > 0 });
}

function push(s: State, frame: Frame, block?: Block): void {
  s.text = null;
  if (block) blocksOf(s)?.push(block);
  s.stack.push(frame);
}

function pop(s: State, tags: Frame['tag'][]): void {
  s.text = null;
  for (let at = s.stack.length - 1; at > 0; at--) {
    if (tags.includes((s.stack[at] as Frame).tag)) {
      s.stack.length = at;
      return;
    }
  }
}

function open(s: State, name: string, attrs: string): void {
  const frame = top(s);
  if (name === 'p' || name === 'div' || /^h[1-6]$/.test(name)) {
    if (frame.tag === 'cell') {
      if (frame.cell.spans.length > 0) frame.cell.spans.push({ text: '', br: true });
      return;
    }
    const level = Math.min(3, Number(name[1])) as 1 | 2 | 3;
    const align = /text-align\s*:\s*(left|center|right|justify)/i.exec(attrs)?.[1]?.toLowerCase() as
      | Align
      | undefined;
    s.text =
      name[0] === 'h' ? { kind: 'heading', level, spans: [], align } : { kind: 'para', spans: [], align };
    blocksOf(s)?.push(s.text);
  } else if (name === 'br') target(s, true)?.push({ text: '', br: true });
  else if (name === 'strong' || name === 'b') s.bold++;
  else if (name === 'em' || name === 'i') s.italic++;
  else if (name === 'u') s.underline++;
  else if (name === 'ul' || name === 'ol') {
    const start = Number(/start\s*=\s*["']?(\d+)/.exec(attrs)?.[1] ?? 1);
    const list: ListBlock = { kind: 'list', ordered: name === 'ol', start, items: [] };
    push(s, { tag: 'list', list }, list);
  } else if (name === 'li' && frame.tag === 'list') {
    const blocks: Block[] = [];
    frame.list.items.push(blocks);
    push(s, { tag: 'li', blocks });
  } else if (name === 'blockquote') {
    const quote: Block = { kind: 'quote', blocks: [] };
    push(s, { tag: 'blockquote', blocks: quote.blocks }, quote);
  } else if (name === 'table') {
    const table: TableBlock = { kind: 'table', rows: [] };
    push(s, { tag: 'table', table }, table);
  } else if (name === 'tr' && frame.tag === 'table') {
    const row: Cell[] = [];
    frame.table.rows.push(row);
    push(s, { tag: 'tr', row });
  } else if ((name === 'td' || name === 'th') && frame.tag === 'tr') {
    const cell: Cell = { spans: [], header: name === 'th' };
    frame.row.push(cell);
    push(s, { tag: 'cell', cell });
  }
}

function close(s: State, name: string): void {
  if (name === 'p' || name === 'div' || /^h[1-6]$/.test(name)) s.text = null;
  else if (name === 'strong' || name === 'b') s.bold = Math.max(0, s.bold - 1);
  else if (name === 'em' || name === 'i') s.italic = Math.max(0, s.italic - 1);
  else if (name === 'u') s.underline = Math.max(0, s.underline - 1);
  else if (name === 'ul' || name === 'ol') pop(s, ['list']);
  else if (name === 'li') pop(s, ['li']);
  else if (name === 'blockquote') pop(s, ['blockquote']);
  else if (name === 'table') pop(s, ['table']);
  else if (name === 'tr') pop(s, ['tr']);
  else if (name === 'td' || name === 'th') pop(s, ['cell']);
}

export function parseHtml(html: string): Block[] {
  const root: Block[] = [];
  const s: State = { stack: [{ tag: 'root', blocks: root }], text: null, bold: 0, italic: 0, underline: 0 };
  for (const token of tokenize(html)) {
    if (token.type === 'text') addText(s, token.text);
    else if (token.type === 'open') open(s, token.name, token.attrs);
    else close(s, token.name);
  }
  return root;
}

/** Appends a closing mark (Korean "끝.") to the last line of text, or after a final table. */
export function appendEndMark(blocks: Block[], mark: string): void {
  const last = blocks.at(-1);
  if (!last || last.kind === 'table') blocks.push({ kind: 'para', spans: [{ text: mark }] });
  else if (last.kind === 'quote') appendEndMark(last.blocks, mark);
  else if (last.kind === 'list') {
    const item = last.items.at(-1);
    if (item) appendEndMark(item, mark);
    else blocks.push({ kind: 'para', spans: [{ text: mark }] });
  } else last.spans.push({ text: `\u00a0\u00a0${mark}` });
}
