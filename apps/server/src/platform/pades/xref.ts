import { inflateSync } from 'node:zlib';
import {
  PdfDict as Dict,
  isName,
  numberOf,
  type PdfDict,
  PdfLexer,
  PdfNum,
  type PdfObject,
  PdfRef,
  PdfSyntaxError,
  type PdfValue,
  parseObjectAt,
} from './pdf-syntax.ts';

// Cross-reference data (ISO 32000 §7.5.4–7.5.8): the chain of sections from the last `startxref` back through
// /Prev, classic tables and cross-reference streams alike, and object lookup at any revision (objects inside
// object streams included). Each section is one revision: the verifier compares them, the signer appends one.

export type XrefEntry =
  | { kind: 'n'; offset: number; gen: number }
  | { kind: 'c'; stream: number; index: number }
  | { kind: 'f' };

export type XrefSection = {
  /** Where the section starts (the `xref` keyword or the cross-reference stream object). */
  offset: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
};

/** The offset the last `startxref` points at. */
export function lastStartxref(pdf: Buffer): number {
  const at = pdf.lastIndexOf('startxref', pdf.length, 'latin1');
  if (at < 0) throw new PdfSyntaxError('no startxref');
  const offset = Number(new PdfLexer(pdf, at + 9).word());
  if (!Number.isInteger(offset) || offset < 0 || offset >= pdf.length)
    throw new PdfSyntaxError('bad startxref');
  return offset;
}

/** Every cross-reference section, oldest first, following /Prev (and /XRefStm of hybrid files). */
export function readXrefChain(pdf: Buffer): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let offset: number | null = lastStartxref(pdf);
  while (offset !== null) {
    if (seen.has(offset) || seen.size > 10_000) throw new PdfSyntaxError('cross-reference loop');
    seen.add(offset);
    const section = readSection(pdf, offset);
    const hybrid = numberOf(section.trailer.get('XRefStm'));
    if (hybrid !== null && section.kind === 'table') {
      // Table entries win; the stream fills in the objects that only a PDF 1.5 reader sees.
      for (const [n, e] of readSection(pdf, hybrid).entries)
        if (!section.entries.has(n)) section.entries.set(n, e);
    }
    sections.unshift(section);
    offset = numberOf(section.trailer.get('Prev'));
  }
  return sections;
}

function readSection(pdf: Buffer, offset: number): XrefSection {
  const lx = new PdfLexer(pdf, offset);
  if (lx.word() === 'xref') return readTable(lx, offset);
  return readStream(pdf, offset);
}

function readTable(lx: PdfLexer, offset: number): XrefSection {
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const save = lx.pos;
    const first = lx.word();
    if (first === 'trailer') break;
    const count = Number(lx.word());
    if (!/^\d+$/.test(first) || !Number.isInteger(count) || count < 0) {
      lx.pos = save;
      throw new PdfSyntaxError(`bad cross-reference table at ${offset}`);
    }
    for (let i = 0; i < count; i++) {
      const off = Number(lx.word());
      const gen = Number(lx.word());
      const type = lx.word();
      if (type !== 'n' && type !== 'f') throw new PdfSyntaxError(`bad cross-reference entry at ${lx.pos}`);
      // A later subsection entry of the same section wins, as readers do.
      entries.set(Number(first) + i, type === 'n' ? { kind: 'n', offset: off, gen } : { kind: 'f' });
    }
  }
  const trailer = lx.value();
  if (!(trailer instanceof Dict)) throw new PdfSyntaxError('bad trailer');
  return { offset, kind: 'table', entries, trailer };
}

function readStream(pdf: Buffer, offset: number): XrefSection {
  const obj = parseObjectAt(pdf, offset);
  const dict = obj.value;
  if (!(dict instanceof Dict) || !obj.stream || !isName(dict.get('Type'), 'XRef'))
    throw new PdfSyntaxError(`no cross-reference at ${offset}`);
  const data = decodeStream(pdf, dict, obj.stream);
  const w = arrayOfNumbers(dict.get('W'));
  const size = numberOf(dict.get('Size')) ?? 0;
  const index = dict.get('Index') ? arrayOfNumbers(dict.get('Index')) : [0, size];
  if (w.length !== 3) throw new PdfSyntaxError('bad /W');
  const rowLength = w[0]! + w[1]! + w[2]!;
  const entries = new Map<number, XrefEntry>();
  let row = 0;
  for (let s = 0; s + 1 < index.length; s += 2) {
    for (let i = 0; i < index[s + 1]!; i++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw new PdfSyntaxError('short cross-reference stream');
      const field = (k: number, start: number) => readInt(data, at + start, w[k]!);
      const type = w[0] === 0 ? 1 : field(0, 0);
      const a = field(1, w[0]!);
      const b = field(2, w[0]! + w[1]!);
      const n = index[s]! + i;
      if (type === 1) entries.set(n, { kind: 'n', offset: a, gen: b });
      else if (type === 2) entries.set(n, { kind: 'c', stream: a, index: b });
      else if (type === 0) entries.set(n, { kind: 'f' });
    }
  }
  return { offset, kind: 'stream', entries, trailer: dict };
}

const readInt = (data: Buffer, at: number, width: number) => {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + data[at + i]!;
  return v;
};

function arrayOfNumbers(v: PdfValue | undefined): number[] {
  if (!Array.isArray(v) || v.some((x) => !(x instanceof PdfNum)))
    throw new PdfSyntaxError('array of numbers expected');
  return v.map((x) => (x as PdfNum).value);
}

/** Decodes the FlateDecode streams that cross-reference and object streams use (with PNG predictors). */
export function decodeStream(pdf: Buffer, dict: PdfDict, at: { start: number; end: number }): Buffer {
  const raw = pdf.subarray(at.start, at.end);
  const filter = dict.get('Filter');
  const filters = Array.isArray(filter) ? filter : filter ? [filter] : [];
  if (filters.length === 0) return raw;
  if (filters.length > 1 || !isName(filters[0], 'FlateDecode'))
    throw new PdfSyntaxError('unsupported filter');
  // A bomb guard: cross-reference and object streams of real documents stay far below this.
  const data = inflateSync(raw, { maxOutputLength: 256 * 1024 * 1024 });
  const parms = Array.isArray(dict.get('DecodeParms')) ? null : dict.get('DecodeParms');
  const predictor = parms instanceof Dict ? (numberOf(parms.get('Predictor')) ?? 1) : 1;
  if (predictor < 10) return data;
  const columns = parms instanceof Dict ? (numberOf(parms.get('Columns')) ?? 1) : 1;
  return unpredictPng(data, columns);
}

/** Undoes PNG row filters for one byte per pixel rows (what /Predictor ≥ 10 with /Colors 1, /BPC 8 means). */
function unpredictPng(data: Buffer, columns: number): Buffer {
  const rows = Math.floor(data.length / (columns + 1));
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!;
    for (let i = 0; i < columns; i++) {
      const x = data[r * (columns + 1) + 1 + i]!;
      const left = i > 0 ? out[r * columns + i - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + i]! : 0;
      const ul = r > 0 && i > 0 ? out[(r - 1) * columns + i - 1]! : 0;
      out[r * columns + i] = (x + predict(type, left, up, ul)) & 0xff;
    }
  }
  return out;
}

function predict(type: number, a: number, b: number, c: number): number {
  if (type === 1) return a;
  if (type === 2) return b;
  if (type === 3) return (a + b) >> 1;
  if (type === 4) {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }
  return 0;
}

/**
 * The objects as of one revision: the merged entries of the sections up to it. Lookups are cached, and
 * objects inside object streams are read by decoding their stream once.
 */
export class ObjectTable {
  readonly entries = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfObject | null>();
  private readonly objStreams = new Map<number, { data: Buffer; offsets: Map<number, number> }>();

  constructor(
    readonly pdf: Buffer,
    sections: XrefSection[],
  ) {
    for (const s of sections) for (const [n, e] of s.entries) this.entries.set(n, e);
  }

  /** The object with this number, or null when it is free, missing or unreadable. */
  object(n: number): PdfObject | null {
    if (this.cache.has(n)) return this.cache.get(n)!;
    this.cache.set(n, null); // a reference loop (e.g. /Length pointing at itself) reads as missing
    let obj: PdfObject | null = null;
    try {
      obj = this.read(n);
    } catch {
      obj = null;
    }
    this.cache.set(n, obj);
    return obj;
  }

  /** Follows a reference (once); other values come back as they are. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v instanceof PdfRef ? (this.object(v.num)?.value ?? null) : v;
  }

  dict(v: PdfValue | undefined): PdfDict | null {
    const r = this.resolve(v);
    return r instanceof Dict ? r : null;
  }

  private read(n: number): PdfObject | null {
    const e = this.entries.get(n);
    if (!e || e.kind === 'f') return null;
    if (e.kind === 'n') {
      const obj = parseObjectAt(this.pdf, e.offset, (ref) => numberOf(this.resolve(ref)));
      return obj.num === n ? obj : null;
    }
    const stm = this.objectStream(e.stream);
    const at = stm?.offsets.get(n);
    if (!stm || at === undefined) return null;
    return { num: n, gen: 0, value: new PdfLexer(stm.data, at).value() };
  }

  private objectStream(n: number) {
    const known = this.objStreams.get(n);
    if (known) return known;
    const obj = this.object(n);
    if (!obj?.stream || !(obj.value instanceof Dict)) return null;
    const data = decodeStream(this.pdf, obj.value, obj.stream);
    const count = numberOf(obj.value.get('N')) ?? 0;
    const first = numberOf(obj.value.get('First')) ?? 0;
    const lx = new PdfLexer(data, 0);
    const offsets = new Map<number, number>();
    for (let i = 0; i < count; i++) offsets.set(Number(lx.word()), first + Number(lx.word()));
    const stm = { data, offsets };
    this.objStreams.set(n, stm);
    return stm;
  }
}
