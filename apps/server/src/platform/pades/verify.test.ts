import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { cmsVerify, MISSING, makeNssDb, pdfsig } from '../../../test/pdf-tools.ts';
import { createTestPki } from '../../../test/pki-openssl.ts';
import { renderOfficialPdf } from '../../modules/documents/pdf/render.ts';
import type { OfficialDocumentView } from '../../modules/documents/pdf/view.ts';
import { signatureFieldNames } from './fields.ts';
import { keySigner } from './key-signer.ts';
import { PdfDict, PdfRef, writeValue } from './pdf-syntax.ts';
import { signField } from './sign.ts';
import { verifyPdf } from './verify.ts';
import { lastStartxref, ObjectTable, readXrefChain } from './xref.ts';

// The verifier on documents that went wrong: a byte changed inside a signed range, a revision appended after
// signing that replaces page content (or adds a visible annotation), untrusted, revoked and expired signers,
// and inputs that are not signed PDFs at all — it must report, never throw.

const pki = createTestPki({ signers: 1 });
const dir = mkdtempSync(join(tmpdir(), 'civicdesk-verify-'));
afterAll(() => {
  pki.cleanup();
  rmSync(dir, { recursive: true, force: true });
});
const anchors = { trustAnchors: [pki.root.der] };
const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
const approver = keySigner(pki.signers[0]!.key, pki.chain(pki.signers[0]!));
const sealer = keySigner(pki.ecSigner.key, pki.chain(pki.ecSigner));

const view: OfficialDocumentView = {
  country: 'vn',
  agency: { name: 'Sở Tài chính tỉnh Lâm Sơn', parentName: 'UBND tỉnh Lâm Sơn' },
  typeCode: 'TB',
  typeName: 'Thông báo',
  numberText: '7/TB-STC',
  place: 'Lâm Sơn',
  issuedAt: new Date('2026-02-10T02:00:00Z'),
  subject: 'Về lịch tiếp công dân tháng 3 năm 2026',
  bodyHtml: '<p>Sở Tài chính thông báo lịch tiếp công dân như sau.</p>',
  urgency: 'normal',
  confidentiality: 'normal',
  disclosure: 'public',
  mainRecipients: [],
  copyRecipients: ['Văn phòng UBND tỉnh'],
  draftingUnitCode: 'VP',
  signer: { name: 'Lê Minh Châu', title: 'Giám đốc' },
  approvals: [],
  attachments: [],
};

const rendered = Buffer.from((await renderOfficialPdf(view)).bytes);
const signed = await signField(rendered, { field: 'signer', signer: approver, signingTime });
const sealed = await signField(signed, { field: 'seal', signer: sealer, signingTime });

/** Appends a hand-made incremental revision redefining or adding objects (number → body, streams included). */
function appendRevision(pdf: Buffer, objects: Map<number, string>): Buffer {
  const sections = readXrefChain(pdf);
  const trailer = sections.at(-1)!.trailer;
  let out = '\n';
  const offsets = new Map<number, number>();
  for (const [num, body] of objects) {
    offsets.set(num, pdf.length + Buffer.byteLength(out, 'latin1'));
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(out, 'latin1');
  out += 'xref\n';
  for (const [num, offset] of offsets) out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(Number(writeValue(trailer.get('Size')!)), ...[...objects.keys()].map((n) => n + 1));
  const keep = ['Root', 'Info', 'ID'].map((k) => ` /${k} ${writeValue(trailer.get(k)!)}`).join('');
  out += `trailer\n<< /Size ${size}${keep} /Prev ${lastStartxref(pdf)} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(out, 'latin1')]);
}

/** Page 1's dictionary (object number and text) and its content stream's object number. */
function firstPage(pdf: Buffer) {
  const sections = readXrefChain(pdf);
  const table = new ObjectTable(pdf, sections);
  const catalog = table.dict(sections.at(-1)!.trailer.get('Root'))!;
  const kids = table.resolve(table.dict(catalog.get('Pages'))!.get('Kids')) as PdfRef[];
  const page = table.dict(kids[0])!;
  const contents = page.get('Contents');
  const contentNum = (Array.isArray(contents) ? contents[0] : contents) as PdfRef;
  return { num: kids[0]!.num, dict: page, contentNum: contentNum.num, size: table.entries.size };
}

describe('verifyPdf on altered documents', () => {
  it('reports a byte changed inside a signed range, as pdfsig and openssl do', async () => {
    const tampered = Buffer.from(sealed);
    const at = tampered.indexOf('stream\n') + 30;
    tampered[at] = tampered[at]! ^ 0x01;
    const report = await verifyPdf(tampered, anchors);
    expect(report.altered).toBe(true);
    expect(report.signatures.map((s) => [s.intact, s.trusted])).toEqual([
      [false, false],
      [false, false],
    ]);
    for (const s of report.signatures) expect(s.problems).toContain('digest_mismatch');
    const file = join(dir, 'tampered.pdf');
    writeFileSync(file, tampered);
    const nssdb = makeNssDb(pki.rootFile);
    const sig = pdfsig(file, nssdb === MISSING ? {} : { nssdb });
    if (sig !== MISSING) expect(sig.map((s) => s.valid)).toEqual([false, false]);
    const cms = cmsVerify(file, pki.rootFile);
    if (cms !== MISSING) expect(cms).toEqual([false, false]);
  });

  it('flags a later revision that replaces a page content stream', async () => {
    const page = firstPage(sealed);
    const text = 'BT /F1 40 Tf 100 400 Td (DA THANH TOAN) Tj ET';
    const forged = appendRevision(
      sealed,
      new Map([[page.contentNum, `<< /Length ${text.length} >>\nstream\n${text}\nendstream`]]),
    );
    const report = await verifyPdf(forged, anchors);
    expect(report.revisions).toBe(4);
    expect(report.altered).toBe(true);
    for (const s of report.signatures) {
      expect(s.intact).toBe(true); // the signed bytes are untouched…
      expect(s.modifiedAfter).toBe(true); // …but what a viewer shows is not what was signed
      expect(s.problems).toContain('disallowed_changes');
    }
  });

  it('flags a visible annotation added to a signed page, but not a metadata update', async () => {
    const page = firstPage(sealed);
    const annot = page.size + 1;
    const annots = page.dict.get('Annots') as PdfRef[];
    const newPage = new Map(page.dict.map).set('Annots', [...annots, new PdfRef(annot, 0)]);
    const stamped = appendRevision(
      sealed,
      new Map([
        [
          annot,
          '<< /Type /Annot /Subtype /FreeText /Rect [100 100 300 150] /Contents (HUY) /DA (/Helv 20 Tf) >>',
        ],
        [page.num, writeValue(new PdfDict(newPage))],
      ]),
    );
    const stampedReport = await verifyPdf(stamped, anchors);
    expect(stampedReport.signatures.map((s) => s.problems)).toEqual([
      ['disallowed_changes'],
      ['disallowed_changes'],
    ]);
    const info = readXrefChain(sealed).at(-1)!.trailer.get('Info') as PdfRef;
    const touched = appendRevision(
      sealed,
      new Map([[info.num, '<< /Producer (Other tool) /ModDate (D:20260310000000Z) >>']]),
    );
    const touchedReport = await verifyPdf(touched, anchors);
    expect(touchedReport.altered).toBe(false);
    expect(touchedReport.signatures.map((s) => [s.coversWholeFile, s.modifiedAfter])).toEqual([
      [false, false],
      [false, false],
    ]);
  });
});

describe('verifyPdf trust', () => {
  it('says untrusted without the root, and revoked through the hook', async () => {
    const untrusted = await verifyPdf(sealed, { trustAnchors: [] });
    expect(untrusted.altered).toBe(false);
    expect(untrusted.signatures.map((s) => [s.intact, s.trusted, s.problems])).toEqual([
      [true, false, ['untrusted']],
      [true, false, ['untrusted']],
    ]);
    const asked: [string, Buffer][] = [];
    const revokedAt = new Date(signingTime.getTime() - 3_600_000);
    const revoked = await verifyPdf(sealed, {
      ...anchors,
      isRevoked: async (serial, issuer) => {
        asked.push([serial, issuer]);
        return serial === openSslSerial(pki.signers[0]!.certFile)
          ? { revokedAt, reason: 'keyCompromise' }
          : null;
      },
    });
    expect(asked.map(([, issuer]) => issuer.equals(pki.issuing.der))).toEqual([true, true]);
    const [first, second] = revoked.signatures;
    expect(first).toMatchObject({
      trusted: false,
      revoked: { at: revokedAt.toISOString(), reason: 'keyCompromise' },
    });
    expect(first!.problems).toEqual(['revoked']);
    expect(second).toMatchObject({ trusted: true, revoked: null, problems: [] });
  });

  it('says expired when the signing time is after the certificate ends', async () => {
    const late = await signField(rendered, {
      field: 'signer',
      signer: approver,
      signingTime: new Date('2099-01-01T00:00:00Z'),
    });
    const report = await verifyPdf(late, anchors);
    expect(report.signatures[0]).toMatchObject({
      intact: true,
      trusted: false,
      claimedTime: '2099-01-01T00:00:00.000Z',
    });
    expect(report.signatures[0]!.problems).toContain('expired');
  });
});

describe('verifyPdf on anything', () => {
  it('never throws: not a PDF, broken, unsigned, truncated, or saved with cross-reference streams', async () => {
    expect(await verifyPdf(Buffer.from('hello'), anchors)).toEqual({
      isPdf: false,
      revisions: 0,
      signatures: [],
      altered: false,
      problems: ['not_pdf'],
    });
    const broken = await verifyPdf(
      Buffer.from('%PDF-1.7\n1 0 obj << /ByteRange [0 1 2 3] /Contents <00> >>'),
      anchors,
    );
    expect(broken).toMatchObject({ isPdf: true, altered: true, problems: ['malformed_pdf'] });
    expect(broken.signatures[0]!.problems).toEqual(['malformed_signature']);
    const unsigned = await verifyPdf(rendered, anchors);
    expect(unsigned).toMatchObject({
      isPdf: true,
      revisions: 1,
      signatures: [],
      problems: ['no_signatures'],
    });
    for (const cut of [0.3, 0.6, 0.99]) {
      const report = await verifyPdf(sealed.subarray(0, Math.floor(sealed.length * cut)), anchors);
      expect(report.isPdf).toBe(true);
    }
    const doc = await PDFDocument.create();
    doc.addPage().drawText('xref stream', { font: await doc.embedFont(StandardFonts.Helvetica) });
    const modern = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(await verifyPdf(modern, anchors)).toMatchObject({
      isPdf: true,
      revisions: 1,
      problems: ['no_signatures'],
    });
    await expect(signField(modern, { field: 'signer', signer: approver, signingTime })).rejects.toThrow(
      'classic cross-reference table',
    );
  });

  it('lists signature field names', () => {
    expect(signatureFieldNames(rendered)).toEqual(['signer', 'seal']);
    expect(signatureFieldNames(sealed)).toEqual(['signer', 'seal']);
    expect(signatureFieldNames(Buffer.from('nope'))).toEqual([]);
  });
});

const openSslSerial = (certFile: string) =>
  execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-serial'], { encoding: 'utf8' })
    .trim()
    .replace(/^serial=/, '')
    .toLowerCase();
