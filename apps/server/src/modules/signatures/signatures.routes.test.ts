import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import {
  cmsVerify,
  has,
  MISSING,
  makeNssDb,
  padesLint,
  pdfsig,
  qpdfCheck,
  tsVerify,
} from '../../../test/pdf-tools.ts';
import { createTestPki, type TestPki } from '../../../test/pki-openssl.ts';
import { createTestApp, signIn, signInEnrolled, type TestApp } from '../../../test/test-app.ts';
import { startTsa, type TestTsa } from '../../../test/tsa.ts';
import { sealPng } from '../demo/demo.images.ts';

// Signing through the whole e-office flow: the approver signs at final approval (after a step-up), the clerk
// seals at issuance, and poppler, qpdf and openssl — tools that share no code with ours — agree with the
// public verifier. Certificates are revoked, reissued and imported; the signed share is reported.

const dir = mkdtempSync(join(tmpdir(), 'civicdesk-sigtest-'));

/** multipart/form-data with text fields first, then one file. */
function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; mime: string }) {
  const boundary = `----cd${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mime}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('') + head),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('digital signatures through the e-office flow', () => {
  let t: TestApp;
  let w: World;
  let pki: TestPki;
  let tsa: TestTsa;
  beforeAll(async () => {
    pki = createTestPki({ signers: 1 });
    tsa = await startTsa(pki);
    t = await createTestApp({ demo: true, config: { tsaUrl: tsa.url } });
    w = await world(t.app, ['chuyenvien', 'chutich', 'phochutich', 'vanthu']);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await tsa.close();
    pki.cleanup();
  });

  async function submitted(subject: string, approver = 'chutich') {
    const { call, cookies: c, ids, agencies: a } = w;
    const doc = await call(c.chuyenvien!, 'POST', '/api/documents', {
      ...letter(a['UBND-LS']!, a['UBND-TP']!),
      subject,
      disclosure: 'public',
    });
    expect(doc.status).toBe(201);
    const id = doc.body.id as string;
    await call(c.chuyenvien!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids[approver] }],
    });
    return id;
  }

  const pdfOf = async (id: string) =>
    Buffer.from(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/documents/${id}/pdf`,
          headers: { cookie: w.cookies.vanthu! },
        })
      ).rawPayload,
    );

  it('refuses to sign without a fresh step-up, and a wrong password does not step up', async () => {
    const id = await submitted('V/v thử ký số khi chưa xác thực lại');
    const fresh = await signIn(t.app, 'chutich');
    const refused = await w.call(fresh, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.key).toBe('identity.step_up_required');
    const doc = await w.call(fresh, 'GET', `/api/documents/${id}`);
    expect(doc.body.status).toBe('in_approval');
    expect(doc.body.numberText).toBeNull();
    const wrong = await w.call(fresh, 'POST', '/api/auth/step-up', { password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect((await w.call(fresh, 'POST', `/api/documents/${id}/approval`, { action: 'approve' })).status).toBe(
      403,
    );
    expect((await w.call(fresh, 'POST', '/api/auth/step-up', { password: 'civicdesk-demo' })).status).toBe(
      200,
    );
    expect((await w.call(fresh, 'POST', `/api/documents/${id}/approval`, { action: 'approve' })).status).toBe(
      200,
    );
  });

  it('signs at final approval, seals at issuance, and independent tools agree', async () => {
    const { call, cookies: c } = w;
    const id = await submitted('V/v triển khai chữ ký số trên văn bản điện tử');
    expect(
      (await call(c.chutich!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' })).status,
    ).toBe(200);
    const approved = await call(c.chuyenvien!, 'GET', `/api/documents/${id}/signatures`);
    expect(approved.body.signatures).toHaveLength(1);
    expect(approved.body.signatures[0]).toMatchObject({
      field: 'signer',
      intact: true,
      trusted: true,
      pades: true,
      signer: { commonName: 'Nguyễn Văn Hùng' },
    });
    expect((await call(c.vanthu!, 'POST', `/api/documents/${id}/issue`)).status).toBe(200);
    const report = (await call(c.chuyenvien!, 'GET', `/api/documents/${id}/signatures`)).body;
    expect(report.altered).toBe(false);
    expect(report.signatures.map((s: { field: string }) => s.field)).toEqual(['signer', 'seal']);
    for (const s of report.signatures) {
      expect(s).toMatchObject({ intact: true, trusted: true, revoked: null, modifiedAfter: false });
      expect(s.timestamp).not.toBeNull();
    }

    const pdf = await pdfOf(id);
    const file = join(dir, 'issued.pdf');
    writeFileSync(file, pdf);
    const root = await t.app.inject({ method: 'GET', url: '/api/verify/root-certificate' });
    expect(root.statusCode).toBe(200);
    const rootFile = join(dir, 'root.pem');
    writeFileSync(rootFile, root.body);
    if (has('pdfsig') && has('certutil')) {
      const sigs = pdfsig(file, { nssdb: makeNssDb(rootFile) as string });
      expect(sigs).not.toBe(MISSING);
      expect((sigs as { valid: boolean; trusted: boolean }[]).map((s) => [s.valid, s.trusted])).toEqual([
        [true, true],
        [true, true],
      ]);
    }
    if (has('qpdf')) expect(qpdfCheck(file)).toMatchObject({ ok: true });
    if (has('openssl')) {
      expect(cmsVerify(file, rootFile)).toEqual([true, true]);
      const lint = padesLint(file) as { signingCertificateV2: boolean; signingTime: boolean }[];
      expect(lint.map((l) => [l.signingCertificateV2, l.signingTime])).toEqual([
        [true, false],
        [true, false],
      ]);
      expect(tsVerify(file, pki.caBundleFile)).toEqual([true, true]);
    }

    // The QR code's link, printed on the PDF, opens the public report without signing in.
    const code = report.document.code as string;
    if (has('pdfsig')) expect(execFileSync('pdftotext', [file, '-']).toString()).toContain(`/verify/${code}`);
    const byCode = await t.app.inject({ method: 'GET', url: `/api/verify/${code}` });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json()).toMatchObject({ downloadable: true, status: 'issued', report: { altered: false } });
    const download = await t.app.inject({ method: 'GET', url: `/api/verify/${code}/pdf` });
    expect(Buffer.from(download.rawPayload).equals(pdf)).toBe(true);

    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/verify',
      ...multipart({}, { name: 'issued.pdf', bytes: pdf, mime: 'application/pdf' }),
    });
    expect(upload.json()).toMatchObject({ altered: false, document: { code } });

    // One byte changed inside the first signature's range: every tool and our verifier say so.
    const altered = Buffer.from(pdf);
    const at = altered.indexOf('/Type /Page') + 2;
    altered[at] = altered[at] === 0x79 ? 0x78 : 0x79;
    const alteredFile = join(dir, 'altered.pdf');
    writeFileSync(alteredFile, altered);
    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/verify',
      ...multipart({}, { name: 'altered.pdf', bytes: altered, mime: 'application/pdf' }),
    });
    expect(checked.json().altered).toBe(true);
    expect(checked.json().signatures[0].problems).toContain('digest_mismatch');
    expect(checked.json().document).toBeNull();
    if (has('pdfsig')) {
      const sigs = pdfsig(alteredFile) as { valid: boolean }[];
      expect(sigs.every((s) => !s.valid)).toBe(true);
    }
    if (has('openssl')) expect(cmsVerify(alteredFile, rootFile)).toEqual([false, false]);
  });

  it('a revoked certificate cannot sign and the number is not consumed; a newly issued one can', async () => {
    const { call, cookies: c, agencies: a, ids } = w;
    const { cookie: admin } = await signInEnrolled(t.app, 'quantri');
    const list = await call(admin, 'GET', `/api/signatures/certificates?agencyId=${a['UBND-LS']}`);
    const mine = list.body.find(
      (x: { userId: string; status: string }) => x.userId === ids.chutich && x.status === 'active',
    );
    expect(mine).toBeDefined();
    const reason = { reason: 'Thiết bị ký bị mất' };
    expect((await call(admin, 'POST', `/api/signatures/certificates/${mine.id}/revoke`, reason)).status).toBe(
      200,
    );
    expect((await call(admin, 'POST', `/api/signatures/certificates/${mine.id}/revoke`, reason)).status).toBe(
      409,
    );

    const id = await submitted('V/v thử ký bằng chứng thư đã thu hồi');
    const refused = await call(c.chutich!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.key).toBe('signatures.no_certificate');
    const doc = (await call(c.chutich!, 'GET', `/api/documents/${id}`)).body;
    expect([doc.status, doc.numberText]).toEqual(['in_approval', null]);

    const issued = await call(admin, 'POST', '/api/signatures/certificates', {
      kind: 'person',
      agencyId: a['UBND-LS'],
      userId: ids.chutich,
    });
    expect(issued.status).toBe(200);
    expect(
      (await call(c.chutich!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' })).status,
    ).toBe(200);
    const report = (await call(c.chutich!, 'GET', `/api/documents/${id}/signatures`)).body;
    expect(report.signatures[0]).toMatchObject({ intact: true, trusted: true, revoked: null });

    // Documents signed before the revocation now show the revocation.
    const older = (await call(admin, 'GET', `/api/signatures/certificates?agencyId=${a['UBND-LS']}`)).body;
    expect(older.filter((x: { status: string }) => x.status === 'revoked')).toHaveLength(1);
  });

  it('imports a national CA certificate from PKCS#12, with clear errors, and validates images', async () => {
    const { call, cookies: c, agencies: a, ids } = w;
    const { cookie: admin } = await signInEnrolled(t.app, 'admin');
    const signer = pki.signers[0]!;
    const p12 = join(dir, 'signer.p12');
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      signer.keyFile,
      '-in',
      signer.certFile,
      '-certfile',
      pki.caBundleFile,
      '-passout',
      'pass:mat-khau',
      '-out',
      p12,
    ]);
    const bytes = readFileSync(p12);
    const holder = { kind: 'person', agencyId: a['UBND-LS']!, userId: ids.phochutich! };
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/signatures/certificates/import',
      ...withCookie(
        admin,
        multipart(
          { ...holder, password: 'sai' },
          { name: 'signer.p12', bytes, mime: 'application/x-pkcs12' },
        ),
      ),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.key).toBe('signatures.p12.wrong_password');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/signatures/certificates/import',
      ...withCookie(
        admin,
        multipart(
          { ...holder, password: 'mat-khau' },
          { name: 'signer.p12', bytes, mime: 'application/x-pkcs12' },
        ),
      ),
    });
    expect(ok.statusCode).toBe(200);
    const list = (await call(admin, 'GET', `/api/signatures/certificates?agencyId=${a['UBND-LS']}`)).body;
    expect(list.find((x: { id: string }) => x.id === ok.json().id)).toMatchObject({
      source: 'pkcs12',
      subject: signer.name,
      status: 'active',
    });

    const notPng = await t.app.inject({
      method: 'PUT',
      url: '/api/me/signature-image',
      ...withCookie(
        c.chutich!,
        multipart({}, { name: 'sig.png', bytes: Buffer.from('GIF89a not a png'), mime: 'image/png' }),
      ),
    });
    expect(notPng.statusCode).toBe(400);
    expect(notPng.json().error.key).toBe('signatures.image_not_png');
    const seal = await t.app.inject({
      method: 'PUT',
      url: `/api/agencies/${a['UBND-LS']}/seal-image`,
      ...withCookie(c.chutich!, multipart({}, { name: 'seal.png', bytes: sealPng(), mime: 'image/png' })),
    });
    expect(seal.statusCode).toBe(403);
  });

  it('reports the share of issued documents that are digitally signed', async () => {
    const { call, cookies: c, agencies: a } = w;
    const today = new Date().toISOString().slice(0, 10);
    const res = await call(
      c.chutich!,
      'GET',
      `/api/signatures/kpi?agencyId=${a['UBND-LS']}&from=${today.slice(0, 4)}-01-01&to=${today}`,
    );
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ agencyCode: 'UBND-LS', share: 100 });
    expect(res.body[0].issued).toBeGreaterThanOrEqual(1);
  });
});

function withCookie(cookie: string, m: { payload: Buffer; headers: Record<string, string> }) {
  return { payload: m.payload, headers: { ...m.headers, cookie } };
}
