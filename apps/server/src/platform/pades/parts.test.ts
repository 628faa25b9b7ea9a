import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync, inflateSync as inflate } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestPki } from '../../../test/pki-openssl.ts';
import { startTsa } from '../../../test/tsa.ts';
import { buildCms } from './cms.ts';
import { parseCmsBer } from './cms-ber.ts';
import { checkSignerInfo, parseCms, readTstInfo } from './cms-read.ts';
import { keySigner } from './key-signer.ts';
import {
  decodeText,
  type PdfDict,
  PdfLexer,
  PdfNum,
  PdfRef,
  type PdfStr,
  textString,
  writeValue,
} from './pdf-syntax.ts';
import { pngImage } from './png.ts';
import { checkResponse, httpTimestampAuthority, TimestampError, timestampRequest } from './tsa.ts';

// The pieces under the signer and verifier: the PDF object parser, PNG conversion, the CMS readers (the fast
// DER walk and the pkijs fallback for BER from other tools) and the RFC 3161 client's checks.

const pki = createTestPki({ signers: 1 });
afterAll(() => pki.cleanup());

describe('PDF syntax', () => {
  it('parses and re-writes dictionaries, strings, references and numbers exactly', () => {
    const src =
      '<< /T (a\\(b\\)\\\\c\\101) /H <48 65 6C6C6F> /R 12 0 R /N [1 -2.50 +3 /x#20y] /B true /Z null >>';
    const v = new PdfLexer(Buffer.from(src, 'latin1')).value() as PdfDict;
    expect(decodeText(v.get('T') as PdfStr)).toBe('a(b)\\cA');
    expect(decodeText(v.get('H') as PdfStr)).toBe('Hello');
    expect(v.get('R')).toEqual(new PdfRef(12, 0));
    expect((v.get('N') as PdfNum[]).map((n) => (n instanceof PdfNum ? n.raw : n))).toEqual([
      '1',
      '-2.50',
      '+3',
      expect.anything(),
    ]);
    const again = new PdfLexer(Buffer.from(writeValue(v), 'latin1')).value();
    expect(writeValue(again, true)).toBe(writeValue(v, true));
    expect(decodeText(textString('Nguyễn Văn An'))).toBe('Nguyễn Văn An');
    expect(writeValue(textString('Plain (text)'))).toBe('(Plain \\(text\\))');
  });

  it('refuses hostile nesting instead of overflowing the stack', () => {
    expect(() => new PdfLexer(Buffer.from('['.repeat(10_000))).value()).toThrow('nesting too deep');
  });
});

function png(width: number, height: number, colorType: number, rows: Buffer, extra: [string, Buffer][] = []) {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [
    chunk('IHDR', ihdr),
    ...extra.map(([t, d]) => chunk(t, d)),
    chunk('IDAT', deflateSync(rows)),
  ];
  return Buffer.concat([sig, ...parts, chunk('IEND', Buffer.alloc(0))]);
}

describe('PNG images', () => {
  it('passes opaque RGB through, splits alpha into a soft mask, and keeps palettes indexed', () => {
    const rgb = pngImage(png(2, 1, 2, Buffer.from([0, 255, 0, 0, 0, 0, 255])));
    expect(rgb).toMatchObject({ width: 2, height: 1, alpha: null });
    expect(rgb.color.entries).toContain('/Predictor 15');
    const rgba = pngImage(png(1, 2, 6, Buffer.from([0, 1, 2, 3, 128, 2, 0, 0, 0, 0])));
    expect(rgba.alpha).not.toBeNull();
    expect([...inflate(rgba.color.data)]).toEqual([1, 2, 3, 1, 2, 3]); // Up filter undone on row 2
    expect([...inflate(rgba.alpha!.data)]).toEqual([128, 128]);
    const plte = Buffer.from([255, 0, 0, 0, 0, 255]);
    const indexed = pngImage(
      png(2, 1, 3, Buffer.from([0, 0, 1]), [
        ['PLTE', plte],
        ['tRNS', Buffer.from([0])],
      ]),
    );
    expect(indexed.color.entries).toContain('/Indexed /DeviceRGB 1 <ff00000000ff>');
    expect([...inflate(indexed.alpha!.data)]).toEqual([0, 255]);
    expect(() => pngImage(Buffer.from('GIF89a'))).toThrow('not a PNG image');
  });
});

describe('CMS readers', () => {
  it('reads our DER CMS the same way with the fast walk and with pkijs', async () => {
    const signer = keySigner(pki.ecSigner.key, pki.chain(pki.ecSigner));
    const digest = createHash('sha256').update('content').digest();
    const der = await buildCms({ contentDigest: digest, signer });
    const fast = parseCms(der);
    const slow = parseCmsBer(der);
    expect(fast).toEqual(slow);
    expect(checkSignerInfo(fast, digest, null)).toEqual({ digestOk: true, signatureOk: true });
    expect(fast.certificates).toEqual(pki.chain(pki.ecSigner));
  });

  it('falls back to pkijs for the streamed BER (indefinite lengths) that openssl and Java tools write', () => {
    const content = join(pki.dir, 'content.bin');
    writeFileSync(content, randomBytes(1000));
    const out = join(pki.dir, 'streamed.cms');
    const s = pki.signers[0]!;
    execFileSync('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-stream',
      '-outform',
      'DER',
      '-in',
      content,
      '-signer',
      s.certFile,
      '-inkey',
      s.keyFile,
      '-md',
      'sha256',
      '-out',
      out,
    ]);
    const ber = readFileSync(out);
    expect(ber[1]).toBe(0x80); // indefinite length: the DER walk cannot read it
    const cms = parseCms(ber);
    const digest = createHash('sha256').update(readFileSync(content)).digest();
    expect(checkSignerInfo(cms, digest, null)).toEqual({ digestOk: true, signatureOk: true });
    expect(cms.signerCert?.equals(s.der)).toBe(true);
  });
});

describe('RFC 3161 client', () => {
  it('gets a token over the imprint and refuses a reply that does not echo the nonce or the imprint', async () => {
    const tsa = await startTsa(pki);
    try {
      const imprint = createHash('sha256').update('signature value').digest();
      const token = await httpTimestampAuthority(tsa.url)(imprint);
      expect(readTstInfo(parseCms(token)).imprint).toEqual(imprint);
      const nonce = Buffer.from([0x11, 0x22, 0x33]);
      const res = await fetch(tsa.url, {
        method: 'POST',
        body: new Uint8Array(timestampRequest(imprint, nonce)),
      });
      const reply = Buffer.from(await res.arrayBuffer());
      expect(checkResponse(reply, imprint, nonce)).toBeInstanceOf(Buffer);
      expect(() => checkResponse(reply, imprint, Buffer.from([0x11, 0x22, 0x34]))).toThrow('nonce');
      expect(() => checkResponse(reply, Buffer.alloc(32), nonce)).toThrow('different imprint');
      expect(() => checkResponse(Buffer.from('nonsense'), imprint, nonce)).toThrow(TimestampError);
      await expect(httpTimestampAuthority('http://127.0.0.1:9/')(imprint)).rejects.toThrow('unreachable');
    } finally {
      await tsa.close();
    }
  });
});
