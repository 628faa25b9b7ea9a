import { type PdfImage, pngImage } from './png.ts';
import type { Appearance } from './types.ts';

// The visible part of a signature: the widget's normal appearance (/AP /N), a Form XObject the size of the
// field, drawn in the same incremental update as the signature (an allowed change; page content is never
// touched). The image is fitted into the field above the caption keeping its aspect ratio; the caption is one
// line of ASCII in the standard Helvetica font (no font embedding, so it costs nothing per signature).

/** Helvetica advance widths (AFM, 1/1000 em) for the printable ASCII characters 32–126. */
// biome-ignore format: a table
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
  556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
  556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
  500, 500, 500, 334, 260, 334, 584,
];
const MAX_CAPTION = 7;
const MIN_CAPTION = 4;

export type AppearanceParts = {
  /** The Form XObject's content stream; it names the image /Img and the font /Helv. */
  content: string;
  image: PdfImage | null;
  /** Whether the content uses the font /Helv (the writer then adds it to the resources). */
  hasFont: boolean;
};

/** Draws the image and caption into a width × height box (PDF points, origin bottom-left). */
export function buildAppearance(
  width: number,
  height: number,
  appearance: Appearance | undefined,
): AppearanceParts {
  const caption = asciiCaption(appearance?.caption);
  const image = appearance?.image ? pngImage(appearance.image) : null;
  const ops: string[] = [];
  let captionBand = 0;
  if (caption) {
    const size = captionSize(caption, width, height);
    captionBand = size * 1.4;
    const x = (width - textWidth(caption, size)) / 2;
    ops.push(
      `BT /Helv ${fmt(size)} Tf 0.1 0.1 0.1 rg ${fmt(x)} ${fmt(size * 0.35)} Td (${escapeText(caption)}) Tj ET`,
    );
  }
  if (image) {
    const room = { w: width, h: Math.max(0, height - captionBand) };
    const scale = Math.min(room.w / image.width, room.h / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    const x = (room.w - w) / 2;
    const y = captionBand + (room.h - h) / 2;
    ops.unshift(`q ${fmt(w)} 0 0 ${fmt(h)} ${fmt(x)} ${fmt(y)} cm /Img Do Q`);
  }
  return { content: ops.join('\n'), image, hasFont: caption !== '' };
}

/** Non-ASCII or control characters become '?': the standard font has no Vietnamese or Korean glyphs. */
function asciiCaption(caption: string | null | undefined): string {
  return (caption ?? '').replace(/[^\x20-\x7e]/g, '?').trim();
}

/** At most 7 pt, at most a fifth of the field's height, and small enough for the line to fit the width. */
function captionSize(text: string, width: number, height: number): number {
  const byWidth = (width * 0.96 * 1000) / Math.max(1, rawWidth(text));
  return Math.max(MIN_CAPTION, Math.min(MAX_CAPTION, height / 5, byWidth));
}

const rawWidth = (text: string) =>
  [...text].reduce((sum, ch) => sum + (HELVETICA[ch.charCodeAt(0) - 32] ?? 556), 0);
const textWidth = (text: string, size: number) => (rawWidth(text) * size) / 1000;
const escapeText = (s: string) => s.replace(/[\\()]/g, '\\$&');
const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();
