// A small PDF object parser and writer (ISO 32000 §7.2–7.3), enough to read the trailer, cross-reference data,
// catalog, form fields and signature dictionaries of any PDF, and to write the few objects an incremental
// signature update adds. It works on the bytes directly and keeps the source positions of strings, so the
// verifier can check that a /ByteRange gap is exactly the /Contents string of its own signature dictionary.

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfNum {
  constructor(
    readonly value: number,
    /** The source text, so a re-written dictionary keeps its numbers exactly. */
    readonly raw: string,
  ) {}
}
export class PdfStr {
  constructor(
    readonly bytes: Buffer,
    readonly hex: boolean,
    /** Source offsets of the opening '<' or '(' and just past the closing delimiter; -1 when built in code. */
    readonly start = -1,
    readonly end = -1,
  ) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class PdfDict {
  constructor(readonly map = new Map<string, PdfValue>()) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
}
export type PdfValue = null | boolean | PdfNum | PdfName | PdfStr | PdfRef | PdfDict | PdfValue[];

/** An indirect object: its value and, for a stream, where the raw (still encoded) data lies in the file. */
export type PdfObject = {
  num: number;
  gen: number;
  value: PdfValue;
  stream?: { start: number; end: number };
};

export class PdfSyntaxError extends Error {}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number | undefined) => c !== undefined && !WHITE.has(c) && !DELIM.has(c);
const ESCAPES: Record<number, number> = { 110: 0x0a, 114: 0x0d, 116: 0x09, 98: 0x08, 102: 0x0c };

/** Reads PDF values from a buffer, starting at a position. Depth is bounded against hostile nesting. */
export class PdfLexer {
  constructor(
    readonly buf: Buffer,
    public pos = 0,
  ) {}

  skipSpace(): void {
    const b = this.buf;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25)
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      else break;
    }
  }

  /** A bare keyword or number token (regular characters up to the next delimiter or white space). */
  word(): string {
    this.skipSpace();
    const start = this.pos;
    while (isRegular(this.buf[this.pos])) this.pos++;
    return this.buf.toString('latin1', start, this.pos);
  }

  /** Parses one value; `a b R` becomes a PdfRef. */
  value(depth = 0): PdfValue {
    if (depth > 64) throw new PdfSyntaxError('nesting too deep');
    this.skipSpace();
    const c = this.buf[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end of data');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literal();
    if (c === 0x3c) return this.buf[this.pos + 1] === 0x3c ? this.dict(depth) : this.hexString();
    if (c === 0x5b) return this.array(depth);
    const start = this.pos;
    const w = this.word();
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'null') return null;
    const n = Number(w);
    if (w === '' || !Number.isFinite(n)) throw new PdfSyntaxError(`unexpected token at ${start}`);
    if (/^\d+$/.test(w)) {
      const save = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen) && this.word() === 'R') return new PdfRef(n, Number(gen));
      this.pos = save;
    }
    return new PdfNum(n, w);
  }

  private name(): PdfName {
    const start = ++this.pos;
    while (isRegular(this.buf[this.pos])) this.pos++;
    const raw = this.buf.toString('latin1', start, this.pos);
    return new PdfName(
      raw.replace(/#([0-9a-fA-F]{2})/g, (_: string, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
  }

  private literal(): PdfStr {
    const b = this.buf;
    const start = this.pos++;
    const out: number[] = [];
    for (let depth = 1; ; ) {
      const c = b[this.pos++];
      if (c === undefined) throw new PdfSyntaxError('unterminated string');
      if (c === 0x5c) {
        const e = b[this.pos++]!;
        if (e >= 0x30 && e <= 0x37) {
          let oct = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; i++)
            oct = oct * 8 + b[this.pos++]! - 0x30;
          out.push(oct & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(ESCAPES[e] ?? e);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && --depth === 0) break;
      out.push(c);
    }
    return new PdfStr(Buffer.from(out), false, start, this.pos);
  }

  private hexString(): PdfStr {
    const start = this.pos++;
    const close = this.buf.indexOf(0x3e, this.pos);
    if (close < 0) throw new PdfSyntaxError('unterminated hex string');
    let hex = this.buf.toString('latin1', this.pos, close).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError('bad hex string');
    if (hex.length % 2) hex += '0';
    this.pos = close + 1;
    return new PdfStr(Buffer.from(hex, 'hex'), true, start, this.pos);
  }

  private array(depth: number): PdfValue[] {
    this.pos++;
    const out: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.buf[this.pos] === 0x5d) break;
      out.push(this.value(depth + 1));
    }
    this.pos++;
    return out;
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const map = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.buf[this.pos] === 0x3e && this.buf[this.pos + 1] === 0x3e) break;
      const key = this.value(depth + 1);
      if (!(key instanceof PdfName)) throw new PdfSyntaxError(`dictionary key expected at ${this.pos}`);
      map.set(key.name, this.value(depth + 1));
    }
    this.pos += 2;
    return new PdfDict(map);
  }
}

/**
 * Parses the indirect object `num gen obj … endobj` at `offset`. A stream's /Length may be indirect: `length`
 * resolves it; when it cannot, or when it is wrong, the data ends at the next `endstream`.
 */
export function parseObjectAt(
  buf: Buffer,
  offset: number,
  length?: (ref: PdfRef) => number | null,
): PdfObject {
  const lx = new PdfLexer(buf, offset);
  const num = Number(lx.word());
  const gen = Number(lx.word());
  if (!Number.isInteger(num) || !Number.isInteger(gen) || lx.word() !== 'obj')
    throw new PdfSyntaxError(`no object at ${offset}`);
  const value = lx.value();
  const save = lx.pos;
  if (!(value instanceof PdfDict) || lx.word() !== 'stream') {
    lx.pos = save;
    return { num, gen, value };
  }
  let start = lx.pos;
  if (buf[start] === 0x0d) start++;
  if (buf[start] === 0x0a) start++;
  const len = value.get('Length');
  const declared = len instanceof PdfNum ? len.value : len instanceof PdfRef ? length?.(len) : null;
  let end = declared != null && declared >= 0 ? start + declared : -1;
  if (end < 0 || end > buf.length || !/^\s*endstream/.test(buf.toString('latin1', end, end + 12))) {
    end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) throw new PdfSyntaxError('unterminated stream');
    if (buf[end - 1] === 0x0a) end--;
    if (buf[end - 1] === 0x0d) end--;
  }
  return { num, gen, value, stream: { start, end } };
}

// Writing

const nameChars = /^[!-~]+$/;
function writeName(name: string): string {
  let out = '/';
  for (const ch of name) {
    const c = ch.charCodeAt(0);
    out += nameChars.test(ch) && !DELIM.has(c) && ch !== '#' ? ch : `#${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Serialises a value; `canonical` writes every string as hex, for comparing values across writers. */
export function writeValue(v: PdfValue, canonical = false): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (v instanceof PdfNum) return canonical ? String(v.value) : v.raw;
  if (v instanceof PdfName) return writeName(v.name);
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfStr) {
    if (v.hex || canonical) return `<${v.bytes.toString('hex')}>`;
    return `(${v.bytes
      .toString('latin1')
      .replace(/[\\()]/g, '\\$&')
      .replace(/\r/g, '\\r')})`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => writeValue(x, canonical)).join(' ')}]`;
  const parts: string[] = [];
  for (const [k, x] of v.map) parts.push(`${writeName(k)} ${writeValue(x, canonical)}`);
  return `<< ${parts.join(' ')} >>`;
}

/** A PDF text string: plain ASCII as a literal, anything else as UTF-16BE with a byte order mark. */
export function textString(s: string): PdfStr {
  if (/^[\x20-\x7e]*$/.test(s)) return new PdfStr(Buffer.from(s, 'latin1'), false);
  const utf16 = Buffer.from(s, 'utf16le').swap16();
  return new PdfStr(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16]), true);
}

/** Decodes a text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding approximated by Latin-1). */
export function decodeText(s: PdfStr): string {
  const b = s.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1');
}

export const name = (n: string) => new PdfName(n);
export const num = (n: number) =>
  new PdfNum(n, Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/\.?0+$/, ''));
export const isName = (v: PdfValue | undefined, n: string) => v instanceof PdfName && v.name === n;
export const numberOf = (v: PdfValue | undefined): number | null => (v instanceof PdfNum ? v.value : null);
