import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { has, pdfsig } from '../../../test/pdf-tools.ts';
import { createTestApp, signInEnrolled, type TestApp } from '../../../test/test-app.ts';
import { run, type Workdir, workdir } from '../../platform/pki/test-helpers.ts';
import { createIssuingCa, createRootCa, issueCertificate } from '../../platform/pki/x509.ts';

// The agency seal kept on a PKCS#11 token (SoftHSM2 standing in for the agency's HSM): an admin binds it through
// the API, the clerk's issuance seals with it, and the key never leaves the token.

const MODULE = '/usr/lib/softhsm/libsofthsm2.so';
const TOKEN = 'agency-seal';
const PIN = '246810';

describe.runIf(existsSync(MODULE) && existsSync('/usr/bin/pkcs11-tool'))('agency seal on an HSM', () => {
  let dir: Workdir;
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    dir = workdir('hsm-seal');
    run('mkdir', ['-p', dir.path('tokens')]);
    const conf = dir.write(
      'softhsm2.conf',
      `directories.tokendir = ${dir.path('tokens')}\nobjectstore.backend = file\n`,
    );
    process.env.SOFTHSM2_CONF = conf;
    const env = { SOFTHSM2_CONF: conf };
    run(
      'softhsm2-util',
      ['--init-token', '--free', '--label', TOKEN, '--so-pin', '13579', '--pin', PIN],
      env,
    );
    const tool = (...args: string[]) =>
      run('pkcs11-tool', ['--module', MODULE, '--token-label', TOKEN, ...args], env);
    tool('-l', '--pin', PIN, '--keypairgen', '--key-type', 'EC:prime256v1', '--label', 'seal', '--id', '10');
    tool('--read-object', '--type', 'pubkey', '--id', '10', '-o', dir.path('seal.pub.der'));
    const root = await createRootCa({
      commonName: 'Ban Cơ yếu (test) Root',
      organisation: 'Ban Cơ yếu',
      country: 'VN',
      years: 2,
      algorithm: 'ecdsa',
    });
    const ca = await createIssuingCa(root, {
      commonName: 'CA chuyên dùng (test)',
      organisation: 'Ban Cơ yếu',
      country: 'VN',
      years: 1,
      algorithm: 'ecdsa',
    });
    const cert = await issueCertificate(ca, {
      kind: 'seal',
      subject: {
        commonName: 'Ủy ban nhân dân xã Tân Phú (HSM)',
        organisation: 'UBND xã Tân Phú',
        country: 'VN',
      },
      publicKey: createPublicKey({
        key: readFileSync(dir.path('seal.pub.der')),
        format: 'der',
        type: 'spki',
      }),
      days: 30,
    });
    const write = (der: Buffer, label: string, id: string) =>
      tool(
        '-l',
        '--pin',
        PIN,
        '--write-object',
        dir.write(`${label}.der`, der),
        '--type',
        'cert',
        '--label',
        label,
        '--id',
        id,
      );
    write(cert, 'seal', '10');
    write(ca.certificate, 'issuing', 'a1');
    write(root.certificate, 'root', 'a2');

    t = await createTestApp({ demo: true });
    w = await world(t.app, ['canbo.tanphu', 'chutich.tanphu', 'vanthu.tanphu']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    dir?.cleanup();
  });

  it('binds the token through the API and seals an issued document with it', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const { cookie: admin } = await signInEnrolled(t.app, 'quantri.tanphu');
    const bind = (pin: string) =>
      call(admin, 'POST', '/api/signatures/certificates/pkcs11', {
        kind: 'seal',
        agencyId: a['UBND-TP'],
        module: MODULE,
        tokenLabel: TOKEN,
        keyLabel: 'seal',
        pin,
      });
    const wrong = await bind('000000');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.key).toBe('signatures.pkcs11.wrong_pin');
    const other = await call(admin, 'POST', '/api/signatures/certificates/pkcs11', {
      kind: 'seal',
      agencyId: a['UBND-TP'],
      module: '/tmp/evil.so',
      tokenLabel: TOKEN,
      keyLabel: 'seal',
      pin: PIN,
    });
    expect(other.body.error.key).toBe('signatures.module_not_allowed');
    expect((await bind(PIN)).status).toBe(200);

    const doc = await call(
      c['canbo.tanphu']!,
      'POST',
      '/api/documents',
      letter(a['UBND-TP']!, a['UBND-LS']!),
    );
    const id = doc.body.id as string;
    await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }],
    });
    expect(
      (await call(c['chutich.tanphu']!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' }))
        .status,
    ).toBe(200);
    expect((await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`)).status).toBe(200);
    const report = (await call(c['vanthu.tanphu']!, 'GET', `/api/documents/${id}/signatures`)).body;
    expect(report.altered).toBe(false);
    expect(report.signatures[1]).toMatchObject({
      field: 'seal',
      intact: true,
      trusted: true,
      signer: { commonName: 'Ủy ban nhân dân xã Tân Phú (HSM)' },
    });
    if (has('pdfsig')) {
      const pdf = await t.app.inject({
        method: 'GET',
        url: `/api/documents/${id}/pdf`,
        headers: { cookie: c['vanthu.tanphu']! },
      });
      const file = join(dir.dir, 'sealed.pdf');
      writeFileSync(file, pdf.rawPayload);
      expect((pdfsig(file) as { valid: boolean }[]).map((s) => s.valid)).toEqual([true, true]);
    }
  });
});
