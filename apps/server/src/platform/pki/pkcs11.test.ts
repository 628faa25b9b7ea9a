import { createPublicKey, randomBytes, verify, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from './keys.ts';
import { listPkcs11Keys, openPkcs11Signer, type Pkcs11Signer, Pkcs11SignerError } from './pkcs11.ts';
import { run, type Workdir, workdir } from './test-helpers.ts';
import { type CertificateAuthority, createIssuingCa, createRootCa, issueCertificate } from './x509.ts';

// End to end against SoftHSM2 (Debian packages softhsm2 + opensc): a token store of its own in a temp dir,
// one RSA key generated inside the token (non-extractable, the production case), one EC key imported from
// PKCS#8, certificates from the platform CA written next to them, then signatures through openPkcs11Signer
// checked with node:crypto against the certificate. pkcs11js loads libsofthsm2 into this process, and
// SoftHSM reads SOFTHSM2_CONF at C_Initialize, so the variable is set before the first open (vitest runs each
// test file in its own process, so this file's module instance is its own).

const MODULE = '/usr/lib/softhsm/libsofthsm2.so';
const TOKEN = 'civicdesk-test';
const PIN = '1234';

describe.runIf(existsSync(MODULE) && existsSync('/usr/bin/pkcs11-tool'))('PKCS#11 signer on SoftHSM2', () => {
  let dir: Workdir;
  let env: NodeJS.ProcessEnv;
  let root: CertificateAuthority;
  let issuing: CertificateAuthority;
  let rsaCert: Buffer;
  let ecCert: Buffer;
  const token = { modulePath: MODULE, tokenLabel: TOKEN, pin: PIN };
  const tool = (...args: string[]) =>
    run('pkcs11-tool', ['--module', MODULE, '--token-label', TOKEN, ...args], env);
  const writeCert = (der: Buffer, label: string, id: string) =>
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
  const subject = (commonName: string) => ({ commonName, organisation: 'UBND tỉnh Lâm Sơn', country: 'VN' });

  beforeAll(async () => {
    dir = workdir('softhsm');
    run('mkdir', ['-p', dir.path('tokens')]);
    const conf = dir.write(
      'softhsm2.conf',
      `directories.tokendir = ${dir.path('tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
    );
    process.env.SOFTHSM2_CONF = conf;
    env = { SOFTHSM2_CONF: conf };
    run('softhsm2-util', ['--init-token', '--free', '--label', TOKEN, '--so-pin', '5678', '--pin', PIN], env);

    root = await createRootCa({
      commonName: 'CivicDesk Root',
      organisation: 'CivicDesk',
      country: 'VN',
      years: 2,
    });
    issuing = await createIssuingCa(root, {
      commonName: 'Sở Tư pháp CA',
      organisation: 'Sở Tư pháp',
      country: 'VN',
      years: 1,
    });

    // RSA: generated in the token; only its public half ever comes out, to be certified.
    tool('-l', '--pin', PIN, '--keypairgen', '--key-type', 'rsa:2048', '--label', 'rsa-signer', '--id', '01');
    tool('--read-object', '--type', 'pubkey', '--id', '01', '-o', dir.path('rsa.pub.der'));
    const rsaPublic = createPublicKey({
      key: readFileSync(dir.path('rsa.pub.der')),
      format: 'der',
      type: 'spki',
    });
    rsaCert = await issueCertificate(issuing, {
      kind: 'person',
      subject: subject('Nguyễn Văn An'),
      publicKey: rsaPublic,
      days: 30,
    });
    writeCert(rsaCert, 'rsa-signer', '01');

    // EC: imported from PKCS#8 (how an existing key is moved onto a token).
    const ec = await generateSigningKey('ecdsa');
    dir.write('ec.pk8', ec.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    run(
      'softhsm2-util',
      ['--import', dir.path('ec.pk8'), '--token', TOKEN, '--label', 'ec-signer', '--id', '02', '--pin', PIN],
      env,
    );
    ecCert = await issueCertificate(issuing, {
      kind: 'seal',
      subject: subject('Sở Tư pháp'),
      publicKey: ec.publicKey,
      days: 30,
    });
    writeCert(ecCert, 'ec-signer', '02');

    // The CA certificates sit on the token too (as on national-CA tokens), under other ids.
    writeCert(issuing.certificate, 'issuing-ca', 'a1');
    writeCert(root.certificate, 'root-ca', 'a2');
    // A key with no certificate at all.
    tool('-l', '--pin', PIN, '--keypairgen', '--key-type', 'EC:prime256v1', '--label', 'bare', '--id', '03');
  }, 60_000);
  afterAll(() => dir?.cleanup());

  const expectValid = async (signer: Pkcs11Signer, leaf: Buffer) => {
    const data = randomBytes(200);
    const signature = await signer.sign(data);
    expect(verify('sha256', data, new X509Certificate(leaf).publicKey, signature)).toBe(true);
  };
  const codeOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Pkcs11SignerError);
    return (error as Pkcs11SignerError).code;
  };

  it('signs with an in-token RSA key and reads the chain from the token', async () => {
    const signer = await openPkcs11Signer({ ...token, keyLabel: 'rsa-signer' });
    try {
      expect(signer.algorithm).toBe('rsa');
      expect(signer.certificates).toEqual([rsaCert, issuing.certificate, root.certificate]);
      await expectValid(signer, rsaCert);
    } finally {
      signer.close();
    }
  });

  it('signs with an EC key (CKM_ECDSA over SHA-256, r||s turned into DER)', async () => {
    const signer = await openPkcs11Signer({
      ...token,
      keyLabel: 'ec-signer',
      certificates: [ecCert, issuing.certificate],
    });
    try {
      expect(signer.algorithm).toBe('ecdsa');
      expect(signer.certificates).toEqual([ecCert, issuing.certificate]);
      for (let i = 0; i < 5; i++) await expectValid(signer, ecCert);
    } finally {
      signer.close();
    }
  });

  it('signs concurrently on several sessions and shares the module between signers', async () => {
    // Two signers per key, 50 signatures each, all in flight at once: per-signer queues, and the library
    // initialised with CKF_OS_LOCKING_OK (without it SoftHSM2 corrupts its heap under exactly this load).
    const labels = ['rsa-signer', 'ec-signer', 'rsa-signer', 'ec-signer'];
    const signers = await Promise.all(labels.map((keyLabel) => openPkcs11Signer({ ...token, keyLabel })));
    const [rsa, ec] = signers as [Pkcs11Signer, Pkcs11Signer];
    try {
      const jobs = signers.flatMap((signer, i) =>
        Array.from({ length: 50 }, async () => {
          const data = randomBytes(50);
          const leaf = i % 2 ? ecCert : rsaCert;
          return verify('sha256', data, new X509Certificate(leaf).publicKey, await signer.sign(data));
        }),
      );
      expect((await Promise.all(jobs)).every(Boolean)).toBe(true);
      for (const signer of signers.slice(1)) signer.close();
      await expectValid(rsa, rsaCert); // the module stays initialised for the remaining signer
    } finally {
      for (const signer of signers) signer.close();
    }
    expect(await codeOf(ec.sign(Buffer.from('late')))).toBe('closed');
  });

  it('logs in again when the session is lost', async () => {
    const signer = await openPkcs11Signer({ ...token, keyLabel: 'rsa-signer' });
    try {
      // Reach in and close the session under the signer, as a token reset or HSM fail-over would.
      (signer as unknown as { token: { session: { close(): void } } }).token.session.close();
      await expectValid(signer, rsaCert);
      (signer as unknown as { token: { session: { logout(): void } } }).token.session.logout();
      await expectValid(signer, rsaCert);
    } finally {
      signer.close();
    }
  });

  it('lists the keys for the binding screen', async () => {
    const keys = await listPkcs11Keys(token);
    const byLabel = Object.fromEntries(keys.map((k) => [k.label, k]));
    expect(Object.keys(byLabel).sort()).toEqual(['bare', 'ec-signer', 'rsa-signer']);
    expect(byLabel['rsa-signer']).toEqual({
      label: 'rsa-signer',
      id: '01',
      algorithm: 'rsa',
      hasCertificate: true,
    });
    expect(byLabel['ec-signer']).toEqual({
      label: 'ec-signer',
      id: '02',
      algorithm: 'ecdsa',
      hasCertificate: true,
    });
    expect(byLabel.bare).toEqual({ label: 'bare', id: '03', algorithm: 'ecdsa', hasCertificate: false });
  });

  it('gives clear errors', async () => {
    expect(await codeOf(openPkcs11Signer({ ...token, pin: '0000', keyLabel: 'rsa-signer' }))).toBe(
      'wrong_pin',
    );
    expect(await codeOf(listPkcs11Keys({ ...token, pin: '9999' }))).toBe('wrong_pin');
    expect(await codeOf(openPkcs11Signer({ ...token, tokenLabel: 'nope', keyLabel: 'rsa-signer' }))).toBe(
      'unknown_token',
    );
    expect(await codeOf(openPkcs11Signer({ ...token, keyLabel: 'missing' }))).toBe('unknown_key');
    expect(await codeOf(openPkcs11Signer({ ...token, keyLabel: 'bare' }))).toBe('no_certificate');
    const wrongCert = openPkcs11Signer({ ...token, keyLabel: 'rsa-signer', certificates: [ecCert] });
    expect(await codeOf(wrongCert)).toBe('certificate_mismatch');
    const missingModule = openPkcs11Signer({ ...token, modulePath: dir.path('nope.so'), keyLabel: 'x' });
    expect(await codeOf(missingModule)).toBe('module_unavailable');
    // After all those failures the module is still usable (nothing left half-open).
    const signer = await openPkcs11Signer({ ...token, keyLabel: 'ec-signer' });
    await expectValid(signer, ecCert);
    signer.close();
  });
});
