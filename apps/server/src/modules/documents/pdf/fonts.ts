import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

// Fonts come from npm packages, so a fresh `npm install` has them:
// - Tinos (OFL-1.1, @expo-google-fonts/tinos): metric-compatible with Times New Roman, which
//   Decree 30/2020 Appendix I asks for; full Vietnamese coverage (precomposed Latin Extended Additional).
// - Pretendard (OFL-1.1): Hangul, Latin and Vietnamese. Its OTF (CFF) build does not parse in fontkit's
//   subsetter, so the TrueType "alternative" build is used. It has no italic: emphasis is slanted.

export type Family = 'serif' | 'sans';
export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';
/** What pdf-lib reads of a glyph: its id, advance and the text it stands for (for the ToUnicode map). */
type GlyphRef = { id: number; advanceWidth: number; codePoints: number[] };
type ParsedFont = { font: Font; unitsPerEm: number; glyph: (codePoint: number) => GlyphRef };
/** An embedded face, plus the parsed font that measuring uses without going through pdf-lib. */
export type Face = { pdf: PDFFont; metrics: ParsedFont; skew: boolean };
export type Faces = Record<FaceName, Face>;

type FaceFile = { module: string; skew: boolean };

const TINOS = '@expo-google-fonts/tinos';
const PRETENDARD = 'pretendard/dist/public/static/alternative';
const FILES: Record<Family, Record<FaceName, FaceFile>> = {
  serif: {
    regular: { module: `${TINOS}/400Regular/Tinos_400Regular.ttf`, skew: false },
    bold: { module: `${TINOS}/700Bold/Tinos_700Bold.ttf`, skew: false },
    italic: { module: `${TINOS}/400Regular_Italic/Tinos_400Regular_Italic.ttf`, skew: false },
    boldItalic: { module: `${TINOS}/700Bold_Italic/Tinos_700Bold_Italic.ttf`, skew: false },
  },
  sans: {
    regular: { module: `${PRETENDARD}/Pretendard-Regular.ttf`, skew: false },
    bold: { module: `${PRETENDARD}/Pretendard-Bold.ttf`, skew: false },
    italic: { module: `${PRETENDARD}/Pretendard-Regular.ttf`, skew: true },
    boldItalic: { module: `${PRETENDARD}/Pretendard-Bold.ttf`, skew: true },
  },
};

const resolveModule = createRequire(import.meta.url).resolve;
const bytesByModule = new Map<string, Uint8Array>();
const parsedByBytes = new WeakMap<Uint8Array, ParsedFont>();

function fontBytes(module: string): Uint8Array {
  let bytes = bytesByModule.get(module);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(resolveModule(module)));
    bytesByModule.set(module, bytes);
  }
  return bytes;
}

// pdf-lib parses the font again for every document and shapes every string through fontkit's OpenType
// engine; Pretendard's contextual lookups made that cost tens of milliseconds a page. Text is NFC-normalised
// before it gets here, so each Vietnamese letter and Hangul syllable is one precomposed glyph and a plain
// cmap lookup is exact (pdf-lib ignores glyph positioning anyway). One parse per process, then shared.
// Glyphs are handed out as small records of their own, with the code point they were asked for: fontkit's
// cached glyph objects keep the code points of whoever created them first (none, for a component of a
// composite glyph), and pdf-lib builds the ToUnicode map from them.
function parseOnce(bytes: Uint8Array): ParsedFont {
  let parsed = parsedByBytes.get(bytes);
  if (!parsed) {
    const font = fontkit.create(bytes);
    const glyphs = new Map<number, GlyphRef>();
    const glyph = (codePoint: number): GlyphRef => {
      let ref = glyphs.get(codePoint);
      if (!ref) {
        const { id, advanceWidth } = font.glyphForCodePoint(codePoint);
        ref = { id, advanceWidth, codePoints: [codePoint] };
        glyphs.set(codePoint, ref);
      }
      return ref;
    };
    const layout = (text: string) => ({
      glyphs: Array.from(text, (char) => glyph(char.codePointAt(0) ?? 0x20)),
    });
    const createSubset = font.createSubset.bind(font);
    Object.assign(font, { layout, createSubset: () => patchSubset(createSubset()) });
    parsed = { font, unitsPerEm: font.unitsPerEm, glyph };
    parsedByBytes.set(bytes, parsed);
  }
  return parsed;
}

// Two fixes to fontkit 1.1.1's subsetter, applied to each subset pdf-lib creates:
// - It writes a short `loca` (offsets / 2) whenever the subset is under 128 KiB but copies glyph records
//   unpadded: fonts whose glyphs have odd lengths (Tinos, Pretendard) come out with shifted offsets and most
//   glyphs missing. Long offsets are always exact.
// - `encodeStream()` defers through a browserify nextTick shim built on setTimeout(0): each font then costs
//   several timer turns (≥ 1 ms each), most of a one-page render. Encoding synchronously gives the same bytes.
type Chunk = Uint8Array | null;
type EncodeStream = { push(chunk: Chunk): boolean; end(): void };
type FontkitSubset = {
  loca?: { version?: number };
  _addGlyph?: (gid: number) => number;
  encode(stream: EncodeStream): void;
  encodeStream(this: unknown): EncodeStream;
};
let EncodeStreamClass: (new () => EncodeStream) | null = null;

function patchSubset<T extends object>(subset: T): T {
  const target = subset as T & FontkitSubset;
  const addGlyph = target._addGlyph?.bind(subset);
  if (addGlyph) {
    target._addGlyph = (gid: number) => {
      if (target.loca) target.loca.version = 1;
      return addGlyph(gid);
    };
  }
  // The stream class is private to fontkit's bundle: take it from one throwaway stream (one timer, once).
  EncodeStreamClass ??= target.encodeStream.call({ encode: () => {} }).constructor as new () => EncodeStream;
  const StreamClass = EncodeStreamClass;
  target.encodeStream = () => {
    const parts: Uint8Array[] = [];
    const stream = new StreamClass();
    stream.push = (chunk: Chunk) => {
      if (chunk) parts.push(chunk);
      return true;
    };
    target.encode(stream);
    stream.end();
    return syncEmitter(Buffer.concat(parts));
  };
  return subset;
}

/** The two events pdf-lib listens to on an encode stream, delivered at once. */
function syncEmitter(bytes: Uint8Array) {
  const emitter = {
    on(event: string, listener: (data?: Uint8Array) => void) {
      if (event === 'data') listener(bytes);
      else if (event === 'end') listener();
      return emitter;
    },
  };
  return emitter as unknown as EncodeStream;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const sharedFontkit: Fontkit = { create: (bytes: Uint8Array) => parseOnce(bytes).font };

/** Embeds (as subsets) the four faces of a family; a file shared by two faces is embedded once. */
export async function embedFaces(doc: PDFDocument, family: Family): Promise<Faces> {
  doc.registerFontkit(sharedFontkit);
  const embedded = new Map<string, PDFFont>();
  const faceOf = async (file: FaceFile): Promise<Face> => {
    const bytes = fontBytes(file.module);
    let pdf = embedded.get(file.module);
    if (!pdf) {
      pdf = await doc.embedFont(bytes, { subset: true });
      embedded.set(file.module, pdf);
    }
    return { pdf, metrics: parseOnce(bytes), skew: file.skew };
  };
  const files = FILES[family];
  return {
    regular: await faceOf(files.regular),
    bold: await faceOf(files.bold),
    italic: await faceOf(files.italic),
    boldItalic: await faceOf(files.boldItalic),
  };
}

/** Width of a string in points, from the glyph advances (what pdf-lib draws: no kerning). */
export function textWidth(face: Face, text: string, size: number): number {
  let units = 0;
  for (const char of text) units += face.metrics.glyph(char.codePointAt(0) ?? 0x20).advanceWidth;
  return (units * size) / face.metrics.unitsPerEm;
}
