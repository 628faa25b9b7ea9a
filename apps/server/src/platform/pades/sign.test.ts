import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cmsVerify,
  has,
  MISSING,
  makeNssDb,
  padesLint,
  pagePixels,
  pdfsig,
  qpdfCheck,
  tsVerify,
} from '../../../test/pdf-tools.ts';
import { createTestPki } from '../../../test/pki-openssl.ts';
import { startTsa, type TestTsa } from '../../../test/tsa.ts';
import { renderOfficialPdf } from '../../modules/documents/pdf/render.ts';
import type { OfficialDocumentView } from '../../modules/documents/pdf/view.ts';
import { checkSigningGate, SigningGateError } from './gate.ts';
import { keySigner } from './key-signer.ts';
import { signField } from './sign.ts';
import { httpTimestampAuthority } from './tsa.ts';
import type { Signer } from './types.ts';
import { verifyPdf } from './verify.ts';

// Signing an official PDF rendered by the real renderer: the approver signs the `signer` field (RSA, a blue
// handwritten signature and an ISO 8601 caption), then the clerk seals the `seal` field (EC P-256, a red
// round seal), each in its own incremental revision. Every result is checked by tools that share no code
// with ours (pdfsig with the test root trusted, qpdf, openssl cms / ts) and by our verifier, and the page
// is rasterised to check where the images landed. PDFS_KEEP=<dir> keeps the PDFs for a look.

const pki = createTestPki({ signers: 2 });
const dir = process.env.PDFS_KEEP ?? mkdtempSync(join(tmpdir(), 'civicdesk-pades-'));
const nssdb = makeNssDb(pki.rootFile);
let tsa: TestTsa;
beforeAll(async () => {
  tsa = await startTsa(pki);
});
afterAll(async () => {
  await tsa.close();
  pki.cleanup();
  if (!process.env.PDFS_KEEP) rmSync(dir, { recursive: true, force: true });
});

const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
const caption = signingTime.toISOString().replace(/\.\d{3}Z$/, 'Z');
const approver = keySigner(pki.signers[0]!.key, pki.chain(pki.signers[0]!));
const seal = keySigner(pki.ecSigner.key, pki.chain(pki.ecSigner));

function letter(): OfficialDocumentView {
  return {
    country: 'vn',
    agency: { name: 'Ủy ban nhân dân tỉnh Lâm Sơn' },
    typeCode: 'CV',
    typeName: '',
    numberText: '12/UBND-VX',
    place: 'Lâm Sơn',
    issuedAt: new Date('2026-03-04T20:30:00Z'),
    subject: 'triển khai Kế hoạch tổ chức các hoạt động văn hóa năm 2026',
    bodyHtml:
      '<p>Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện <strong>một số nội dung</strong> sau.</p>',
    urgency: 'normal',
    confidentiality: 'normal',
    disclosure: 'public',
    mainRecipients: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính'],
    copyRecipients: ['Chủ tịch, các PCT UBND tỉnh'],
    draftingUnitCode: 'VX',
    signer: { name: 'Nguyễn Văn An', title: 'Phó Chủ tịch', mark: 'KT', onBehalfTitle: 'Chủ tịch' },
    approvals: [],
    attachments: [],
    verifyUrl: 'https://eoffice.lamson.gov.vn/verify/2026-UBND-VX-000012',
  };
}

// A blue handwritten stroke (400 × 160) and a red round seal (300 × 300), RGBA with transparent backgrounds.
const fixtures = join(import.meta.dirname, '../../../test/fixtures');
const signatureImage = readFileSync(join(fixtures, 'signature.png'));
const sealImage = readFileSync(join(fixtures, 'seal.png'));

async function signedLetter(opts: { tsa?: boolean } = {}) {
  const rendered = await renderOfficialPdf(letter());
  expect(rendered.fields).toEqual(['signer', 'seal']);
  const original = Buffer.from(rendered.bytes);
  const timestamp = opts.tsa ? httpTimestampAuthority(tsa.url) : undefined;
  const signed = await signField(original, {
    field: 'signer',
    signer: approver,
    signingTime,
    appearance: { image: signatureImage, caption },
    name: 'Nguyễn Văn An',
    reason: 'Phê duyệt',
    location: 'UBND tỉnh Lâm Sơn',
    tsa: timestamp,
  });
  const sealed = await signField(signed, {
    field: 'seal',
    signer: seal,
    signingTime,
    appearance: { image: sealImage },
    reason: 'Đóng dấu',
    tsa: timestamp,
  });
  return { rendered, original, signed, sealed };
}

const save = (name: string, bytes: Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('signField on a rendered official PDF', () => {
  it('appends one revision per signature, and every tool accepts both signatures', async () => {
    const { original, signed, sealed } = await signedLetter();
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
    expect(sealed.subarray(0, signed.length).equals(signed)).toBe(true);
    const file = save('sealed.pdf', sealed);

    const sig = pdfsig(file, nssdb === MISSING ? {} : { nssdb });
    if (sig !== MISSING) {
      expect(sig.map((s) => [s.field, s.subFilter, s.valid, s.trusted])).toEqual([
        ['signer', 'ETSI.CAdES.detached', true, nssdb !== MISSING],
        ['seal', 'ETSI.CAdES.detached', true, nssdb !== MISSING],
      ]);
      expect(sig.map((s) => s.wholeDocument)).toEqual([false, true]);
      expect(sig[0]!.commonName).toBe('Nguyễn Văn An');
    }
    const qpdf = qpdfCheck(file);
    if (qpdf !== MISSING) expect(qpdf.ok, qpdf.output).toBe(true);
    const cms = cmsVerify(file, pki.rootFile);
    if (cms !== MISSING) expect(cms).toEqual([true, true]);
    const lint = padesLint(file);
    if (lint !== MISSING) expect(lint.map((l) => l.ok)).toEqual([true, true]);

    const report = await verifyPdf(sealed, { trustAnchors: [pki.root.der] });
    expect(report).toMatchObject({ isPdf: true, revisions: 3, altered: false, problems: [] });
    expect(
      report.signatures.map((s) => [s.field, s.intact, s.trusted, s.pades, s.modifiedAfter, s.problems]),
    ).toEqual([
      ['signer', true, true, true, false, []],
      ['seal', true, true, true, false, []],
    ]);
    expect(report.signatures.map((s) => s.coversWholeFile)).toEqual([false, true]);
    expect(report.signatures[0]!.signer).toMatchObject({
      commonName: 'Nguyễn Văn An',
      title: 'Phó Chủ tịch',
      country: 'VN',
    });
    expect(report.signatures[1]!.signer.commonName).toBe('UBND tỉnh Lâm Sơn (con dấu số)');
    expect(report.signatures[0]!.claimedTime).toBe(signingTime.toISOString());
    expect(report.signatures[0]!.chain.map((c) => c.subject.split('CN=')[1])).toEqual([
      'Nguyễn Văn An',
      'CivicDesk Test Issuing CA',
      'CivicDesk Test Root CA',
    ]);
  });

  it.runIf(has('pdftoppm'))(
    'draws the signature between title and name, the seal over its left third',
    async () => {
      const { rendered, sealed } = await signedLetter();
      const file = save('sealed-look.pdf', sealed);
      const page = pagePixels(file, 1, 80);
      if (page === MISSING) return;
      const { signer, seal: sealBox } = rendered.boxes;
      const scale = page.dpi / 72;
      // Pixels of a colour inside a box (PDF points, origin bottom-left) on the rasterised page.
      const count = (
        box: { x: number; y: number; width: number; height: number },
        test: (c: number[]) => boolean,
      ) => {
        let n = 0;
        for (let y = box.y; y < box.y + box.height; y += 1 / scale)
          for (let x = box.x; x < box.x + box.width; x += 1 / scale)
            if (test(page.rgb(x * scale, page.height - y * scale))) n++;
        return n;
      };
      const blue = ([r, , b]: number[]) => b! > 120 && r! < 110 && b! - r! > 60;
      const red = ([r, g, b]: number[]) => r! > 150 && g! < 110 && b! < 110;
      const rightOfSeal = {
        ...signer!,
        x: sealBox!.x + sealBox!.width,
        width: signer!.x + signer!.width - sealBox!.x - sealBox!.width,
      };
      expect(count(rightOfSeal, blue)).toBeGreaterThan(50);
      expect(count(sealBox!, red)).toBeGreaterThan(200);
      const above = { ...signer!, y: signer!.y + signer!.height + 20, height: 40 };
      expect(count(above, blue) + count(above, red)).toBe(0); // nothing drawn over the title
    },
  );

  it('makes B-T signatures with the timestamp authority, verified by openssl ts and by verifyPdf', async () => {
    const asked = tsa.requests();
    const { sealed } = await signedLetter({ tsa: true });
    expect(tsa.requests() - asked).toBe(2);
    const file = save('sealed-bt.pdf', sealed);
    const ts = tsVerify(file, pki.caBundleFile);
    if (ts !== MISSING) expect(ts).toEqual([true, true]);
    const lint = padesLint(file);
    if (lint !== MISSING)
      expect(lint.map((l) => [l.ok, l.timeStampToken])).toEqual([
        [true, true],
        [true, true],
      ]);
    const sig = pdfsig(file, nssdb === MISSING ? {} : { nssdb });
    if (sig !== MISSING) expect(sig.map((s) => s.valid)).toEqual([true, true]);
    const report = await verifyPdf(sealed, { trustAnchors: [pki.root.der] });
    expect(report.altered).toBe(false);
    for (const s of report.signatures) {
      expect(s.timestamp).toMatchObject({ authority: 'CivicDesk Test TSA', valid: true });
      expect(Math.abs(Date.parse(s.timestamp!.time) - Date.now())).toBeLessThan(60_000);
      expect(s.problems).toEqual([]);
    }
  });

  it('signs the last page of a multi-page document and refuses missing or already signed fields', async () => {
    const rendered = await renderOfficialPdf({
      ...letter(),
      bodyHtml: Array.from(
        { length: 40 },
        (_, i) => `<p>Điều ${i + 1}. Nội dung thực hiện theo quy định.</p>`,
      ).join(''),
    });
    expect(rendered.pages).toBeGreaterThan(1);
    const pdf = Buffer.from(rendered.bytes);
    const opts = { signer: approver, signingTime };
    await expect(signField(pdf, { ...opts, field: 'approver-2' })).rejects.toThrow(
      'no signature field "approver-2"',
    );
    const signed = await signField(pdf, { ...opts, field: 'signer', appearance: { caption } });
    await expect(signField(signed, { ...opts, field: 'signer' })).rejects.toThrow('already signed');
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures.map((s) => [s.field, s.intact, s.trusted])).toEqual([['signer', true, true]]);
    const qpdf = qpdfCheck(save('multipage.pdf', signed));
    if (qpdf !== MISSING) expect(qpdf.ok, qpdf.output).toBe(true);
  });
});

describe('the signing gate', () => {
  it('refuses a signer whose signature does not verify', async () => {
    const pdf = Buffer.from((await renderOfficialPdf(letter())).bytes);
    const liar: Signer = {
      ...approver,
      sign: async (data) => approver.sign(Buffer.concat([data, Buffer.from([0])])),
    };
    const error = await signField(pdf, { field: 'signer', signer: liar, signingTime }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SigningGateError);
    expect((error as SigningGateError).reasons.join()).toContain('bad_signature');
  });

  it('refuses output that rewrote earlier bytes and broke the earlier signature', async () => {
    const { signed } = await signedLetter();
    // A writer that "normalises" the file before appending: one byte of the first revision changes.
    const rewritten = Buffer.from(signed);
    const inStream = signed.indexOf('stream\n') + 20;
    rewritten[inStream] = rewritten[inStream]! ^ 0xff;
    const error = await signField(rewritten, { field: 'seal', signer: seal, signingTime }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SigningGateError);
    expect((error as SigningGateError).reasons.join()).toContain(
      'signature 1 is not intact (digest_mismatch)',
    );
    // The same output judged against the real previous file also fails the prefix check.
    const sealedAnyway = Buffer.concat([rewritten, Buffer.from('\n')]);
    expect(() => checkSigningGate(signed, sealedAnyway)).toThrow('the earlier bytes were changed');
  });
});
