import { crc32, deflateSync } from 'node:zlib';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { setMySignatureImage, setSealImage } from '../signatures/use-cases/images.ts';

// Demo signature and seal images, drawn here rather than shipped as files: a blue pen stroke for each head who
// signs, and a red double ring with a star for each agency (the layout of a Vietnamese round seal, without
// its lettering). Real deployments upload scans of the real ones.

type Rgba = [number, number, number, number];

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }
  /** A soft round dot (anti-aliased at its edge), blended over what is there. */
  dot(cx: number, cy: number, r: number, [cr, cg, cb, ca]: Rgba) {
    for (let y = Math.floor(cy - r - 1); y <= cy + r + 1; y++)
      for (let x = Math.floor(cx - r - 1); x <= cx + r + 1; x++) {
        if (x < 0 || y < 0 || x >= this.width || y >= this.height) continue;
        const cover = Math.max(0, Math.min(1, r + 0.5 - Math.hypot(x - cx, y - cy)));
        if (cover === 0) continue;
        const i = (y * this.width + x) * 4;
        const a = (ca / 255) * cover;
        const old = this.pixels[i + 3]! / 255;
        const out = a + old * (1 - a);
        this.pixels[i] = cr;
        this.pixels[i + 1] = cg;
        this.pixels[i + 2] = cb;
        this.pixels[i + 3] = Math.round(out * 255);
      }
  }
  png(): Buffer {
    const rows = Buffer.alloc((this.width * 4 + 1) * this.height);
    for (let y = 0; y < this.height; y++)
      Buffer.from(this.pixels.buffer, y * this.width * 4, this.width * 4).copy(
        rows,
        y * (this.width * 4 + 1) + 1,
      );
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
      return Buffer.concat([head, data, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

/** A pen signature: loops along a baseline, different for every name, then an underline flourish. */
export function signaturePng(name: string): Buffer {
  const c = new Canvas(480, 180);
  const ink: Rgba = [20, 50, 170, 235];
  let seed = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const loops = 4 + Math.floor(rand() * 3);
  const amp = 35 + rand() * 20;
  for (let t = 0; t <= 1; t += 0.0004) {
    const x = 40 + t * 360 + 22 * Math.sin(t * loops * 2 * Math.PI);
    const y = 90 - amp * Math.sin(t * loops * Math.PI * 2 + 0.6) * (1 - t * 0.5) - 20 * t;
    c.dot(x, y, 2.6 - t, ink);
  }
  for (let t = 0; t <= 1; t += 0.0006)
    c.dot(60 + t * 380, 140 - 18 * Math.sin(t * Math.PI) + 8 * t, 2.2, ink);
  return c.png();
}

/** A round seal: outer and inner rings and a five-pointed star in the middle, in seal red. */
export function sealPng(): Buffer {
  const size = 420;
  const c = new Canvas(size, size);
  const red: Rgba = [215, 25, 32, 225];
  const mid = size / 2;
  for (let a = 0; a < 2 * Math.PI; a += 0.002) {
    c.dot(mid + 196 * Math.cos(a), mid + 196 * Math.sin(a), 6, red);
    c.dot(mid + 150 * Math.cos(a), mid + 150 * Math.sin(a), 3, red);
  }
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (inStar(x - mid, y - mid, 80)) c.dot(x, y, 0.7, red);
  // Short strokes between the rings stand in for the lettering of a real seal.
  for (let k = 0; k < 36; k++) {
    const a = (k / 36) * 2 * Math.PI;
    for (let r = 160; r <= 184; r += 1) c.dot(mid + r * Math.cos(a), mid + r * Math.sin(a), 2.2, red);
  }
  return c.png();
}

/** Inside a five-pointed star of outer radius r (even-odd test against its ten corners). */
function inStar(x: number, y: number, r: number): boolean {
  const corners = Array.from({ length: 10 }, (_, i) => {
    const a = (i * Math.PI) / 5;
    const d = i % 2 === 0 ? r : r * 0.4;
    return [d * Math.sin(a), -d * Math.cos(a)] as const;
  });
  let inside = false;
  for (let i = 0, j = 9; i < 10; j = i++) {
    const [xi, yi] = corners[i]!;
    const [xj, yj] = corners[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export async function seedSignatureImages(ctx: Ctx, admin: Actor, heads: Actor[], agencyIds: string[]) {
  const seal = sealPng();
  for (const agencyId of agencyIds) await setSealImage(ctx, admin, agencyId, seal);
  for (const head of heads) await setMySignatureImage(ctx, head, signaturePng(head.displayName));
}
