import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

// PNG → PDF image XObject data (ISO 32000 §8.9.5). Opaque 8-bit grey/RGB PNGs pass their IDAT through as
// /FlateDecode with the PNG predictor (no decoding); PNGs with alpha or a palette are decoded once, split into
// colour and an /SMask, and re-compressed. The result is cached by content hash: the same person's signature
// or the agency's seal is drawn on every document, and re-encoding it each time would dominate signing.

export type PdfImage = {
  width: number;
  height: number;
  /** The image stream: its dictionary entries (without /Length, /SMask) and its encoded data. */
  color: { entries: string; data: Buffer };
  /** The soft mask (DeviceGray), when the PNG has transparency. */
  alpha: { entries: string; data: Buffer } | null;
};

type Header = { width: number; height: number; depth: number; colorType: number; interlace: number };
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const cache = new Map<string, PdfImage>();
const CACHE_SIZE = 64;

/** The image XObject data of a PNG (cached); throws a clear Error on what it cannot read. */
export function pngImage(png: Buffer): PdfImage {
  const key = createHash('sha256').update(png).digest('base64');
  const hit = cache.get(key);
  if (hit) return hit;
  const image = convert(png);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, image);
  return image;
}

function convert(png: Buffer): PdfImage {
  const { header, palette, trns, idat } = readChunks(png);
  const { width, height, depth, colorType } = header;
  if (header.interlace !== 0) throw new Error('interlaced PNG images are not supported');
  const channels = CHANNELS[colorType];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) throw new Error('unsupported PNG colour type or depth');
  const space =
    colorType === 3 ? indexed(palette) : colorType === 0 || colorType === 4 ? '/DeviceGray' : '/DeviceRGB';
  const colors = colorType === 2 || colorType === 6 ? 3 : 1;
  const simple = (colorType === 0 || colorType === 2) && depth === 8 && !trns;
  if (simple) {
    const parms = `/DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent 8 /Columns ${width} >>`;
    const entries = `/ColorSpace ${space} /BitsPerComponent 8 /Filter /FlateDecode ${parms}`;
    return { width, height, color: { entries, data: idat }, alpha: null };
  }
  if (depth < 8 && colorType !== 3 && colorType !== 0) throw new Error('unsupported PNG bit depth');
  const bpp = Math.max(1, (channels * depth) >> 3);
  const stride = Math.ceil((width * channels * depth) / 8);
  const raw = unfilter(inflateSync(idat), stride, height, bpp);
  const { color, alpha } = split(raw, header, channels, stride, trns);
  const colorDepth = colorType === 3 || (colorType === 0 && depth < 8) ? depth : 8;
  return {
    width,
    height,
    color: {
      entries: `/ColorSpace ${space} /BitsPerComponent ${colorDepth} /Filter /FlateDecode`,
      data: deflateSync(color),
    },
    alpha: alpha
      ? {
          entries: '/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
          data: deflateSync(alpha),
        }
      : null,
  };
}

function readChunks(png: Buffer) {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG image');
  let header: Header | null = null;
  let palette: Buffer | null = null;
  let trns: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (data.length !== length) throw new Error('truncated PNG image');
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        depth: data[8]!,
        colorType: data[9]!,
        interlace: data[12]!,
      };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header || idat.length === 0 || header.width === 0 || header.height === 0)
    throw new Error('empty PNG image');
  if (header.width * header.height > 16_000_000) throw new Error('PNG image too large');
  return { header, palette, trns, idat: Buffer.concat(idat) };
}

function indexed(palette: Buffer | null): string {
  if (!palette || palette.length % 3) throw new Error('PNG palette missing');
  return `[/Indexed /DeviceRGB ${palette.length / 3 - 1} <${palette.toString('hex')}>]`;
}

/** Reverses the PNG row filters (None, Sub, Up, Average, Paeth) into packed rows without filter bytes. */
function unfilter(data: Buffer, stride: number, height: number, bpp: number): Buffer {
  if (data.length < (stride + 1) * height) throw new Error('truncated PNG image data');
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const type = data[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[row - stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[row - stride + x - bpp]! : 0;
      let p = 0;
      if (type === 1) p = a;
      else if (type === 2) p = b;
      else if (type === 3) p = (a + b) >> 1;
      else if (type === 4) {
        const e = a + b - c;
        const pa = Math.abs(e - a);
        const pb = Math.abs(e - b);
        const pc = Math.abs(e - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[row + x] = (data[src + x]! + p) & 0xff;
    }
  }
  return out;
}

/** Splits decoded rows into colour samples and an 8-bit alpha plane (from an alpha channel or tRNS). */
function split(raw: Buffer, h: Header, channels: number, stride: number, trns: Buffer | null) {
  const { width, height, depth, colorType } = h;
  if (colorType === 3 || (colorType === 0 && depth < 8)) {
    // Palette (or low-depth grey) samples stay packed; tRNS gives per-index alpha for palettes.
    if (!trns || colorType === 0) return { color: raw, alpha: null };
    const alpha = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const bit = x * depth;
        const index = (raw[y * stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
        alpha[y * width + x] = index < trns.length ? trns[index]! : 255;
      }
    return { color: raw, alpha };
  }
  const colors = channels - (colorType === 4 || colorType === 6 ? 1 : 0);
  const bytes = depth / 8; // 16-bit samples keep their high byte
  const color = Buffer.alloc(width * height * colors);
  const alpha = colors < channels || trns ? Buffer.alloc(width * height, 255) : null;
  const key = trns && colors === channels ? trnsKey(trns, colors, depth) : null;
  for (let i = 0, p = 0; i < width * height; i++) {
    const base = Math.floor(i / width) * stride + (i % width) * channels * bytes;
    let match = key !== null;
    for (let c = 0; c < colors; c++, p++) {
      const v = raw[base + c * bytes]!;
      color[p] = v;
      if (key && v !== key[c]) match = false;
    }
    if (alpha && colors < channels) alpha[i] = raw[base + colors * bytes]!;
    else if (alpha && match) alpha[i] = 0;
  }
  return { color, alpha };
}

/** The tRNS colour key of a grey or RGB image, as high bytes. */
const trnsKey = (trns: Buffer, colors: number, depth: number) =>
  Array.from({ length: colors }, (_, c) => (depth === 16 ? trns[c * 2]! : trns[c * 2 + 1]!));
