import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from './keys.ts';
import { certPem, run, type Workdir, workdir } from './test-helpers.ts';
import {
  type CertificateAuthority,
  createIssuingCa,
  createRootCa,
  describeCertificate,
  issueCertificate,
  publicKeyMatches,
} from './x509.ts';

// openssl is the independent oracle: chains must verify with `openssl verify` and the extensions must read
// back as RFC 5280 / RFC 3161 want them.

const PERSON = {
  commonName: 'Nguyễn Thị Ánh Tuyết',
  organisation: 'UBND tỉnh Bà Rịa - Vũng Tàu',
  organisationalUnit: 'Sở Tư pháp',
  title: 'Phó Giám đốc',
  country: 'VN',
  email: 'tuyet@stp.example.gov.vn',
};

describe('platform PKI certificates', () => {
  let dir: Workdir;
  let root: CertificateAuthority;
  let issuing: CertificateAuthority;

  beforeAll(async () => {
    dir = workdir('x509');
    root = await createRootCa({
      commonName: 'CivicDesk Root CA',
      organisation: 'CivicDesk',
      country: 'VN',
      years: 20,
    });
    issuing = await createIssuingCa(root, {
      commonName: '행정안전부 CA',
      organisation: '행정안전부',
      country: 'KR',
      years: 10,
      algorithm: 'ecdsa',
    });
    dir.write('root.pem', certPem(root.certificate));
    dir.write('issuing.pem', certPem(issuing.certificate));
  });
  afterAll(() => dir.cleanup());

  const verify = (name: string, der: Buffer, purpose?: string) => {
    const file = dir.write(name, certPem(der));
    const args = ['verify', '-CAfile', dir.path('root.pem'), '-untrusted', dir.path('issuing.pem')];
    return run('openssl', [...args, ...(purpose ? ['-purpose', purpose] : []), file]);
  };
  const text = (der: Buffer) =>
    run('openssl', [
      'x509',
      '-inform',
      'DER',
      '-in',
      dir.write('t.der', der),
      '-noout',
      '-text',
      '-nameopt',
      'utf8',
    ]);

  it('makes a root and an issuing CA with the CA extensions', () => {
    const rootText = text(root.certificate);
    expect(rootText).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:1/);
    expect(rootText).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    const issuingText = text(issuing.certificate);
    expect(issuingText).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(issuingText).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(issuingText).toContain('Subject: C=KR, O=행정안전부, CN=행정안전부 CA');
    // AKI of the issuing CA is the root's SKI, byte for byte.
    const ski = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(rootText)?.[1];
    expect(ski).toBeTruthy();
    expect(issuingText).toMatch(new RegExp(`Authority Key Identifier:\\s+(keyid:)?${ski}`));
    expect(verify('issuing-check.pem', issuing.certificate)).toContain('OK');
    expect(describeCertificate(issuing.certificate)).toMatchObject({ isCa: true, keyAlgorithm: 'ecdsa' });
  });

  it('issues a person certificate that openssl verifies, with a Vietnamese subject intact', async () => {
    const { publicKey, privateKey } = await generateSigningKey('rsa');
    const der = await issueCertificate(issuing, { kind: 'person', subject: PERSON, publicKey, days: 730 });
    expect(verify('person.pem', der)).toContain('person.pem: OK');
    const out = text(der);
    expect(out).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(out).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(out).toContain('CN=Nguyễn Thị Ánh Tuyết');
    expect(out).toContain('O=UBND tỉnh Bà Rịa - Vũng Tàu');
    expect(out).toContain('email:tuyet@stp.example.gov.vn');
    expect(out).not.toContain('Extended Key Usage');
    expect(publicKeyMatches(der, privateKey)).toBe(true);
    expect(publicKeyMatches(der, publicKey)).toBe(true);
    expect(publicKeyMatches(der, (await generateSigningKey('rsa')).privateKey)).toBe(false);
  });

  it('describes a certificate', async () => {
    const { publicKey } = await generateSigningKey('ecdsa');
    // NFD input (combining marks, as some keyboards send it) comes out NFC.
    const subject = { ...PERSON, commonName: PERSON.commonName.normalize('NFD') };
    const der = await issueCertificate(issuing, { kind: 'seal', subject, publicKey, days: 30 });
    const info = describeCertificate(der);
    expect(info.subject).toEqual({ ...PERSON, commonName: PERSON.commonName.normalize('NFC') });
    expect(info.issuerCommonName).toBe('행정안전부 CA');
    expect(info.isCa).toBe(false);
    expect(info.keyAlgorithm).toBe('ecdsa');
    expect(info.serialHex).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(info.fingerprintSha256).toBe(
      new X509Certificate(der).fingerprint256.replaceAll(':', '').toLowerCase(),
    );
    const days = (info.notAfter.getTime() - info.notBefore.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThan(30.01);
    expect(verify('seal.pem', der)).toContain('OK');
  });

  it('issues a TSA certificate with the critical timeStamping EKU', async () => {
    const { publicKey } = await generateSigningKey('rsa');
    const subject = { commonName: 'CivicDesk TSA', organisation: 'CivicDesk', country: 'VN' };
    const der = await issueCertificate(issuing, { kind: 'tsa', subject, publicKey, days: 365 });
    expect(text(der)).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
    expect(verify('tsa.pem', der, 'timestampsign')).toContain('OK');
  });

  it('keeps a Korean name and never lets a certificate outlive its issuer', async () => {
    const { publicKey } = await generateSigningKey('ecdsa');
    const subject = { commonName: '김민준', organisation: '행정안전부', title: '주무관', country: 'kr' };
    const der = await issueCertificate(issuing, { kind: 'person', subject, publicKey, days: 365 * 40 });
    expect(text(der)).toContain('CN=김민준');
    expect(describeCertificate(der).subject).toMatchObject({
      commonName: '김민준',
      title: '주무관',
      country: 'KR',
    });
    expect(describeCertificate(der).notAfter.getTime()).toBe(
      describeCertificate(issuing.certificate).notAfter.getTime(),
    );
  });

  it('rejects bad input', async () => {
    const { publicKey } = await generateSigningKey('ecdsa');
    const issue = (subject: Partial<typeof PERSON>, days = 10) =>
      issueCertificate(issuing, { kind: 'person', subject: { ...PERSON, ...subject }, publicKey, days });
    await expect(issue({ country: 'Vietnam' })).rejects.toThrow(/two-letter/);
    await expect(issue({ commonName: '  ' })).rejects.toThrow(/commonName is required/);
    await expect(issue({ email: 'tuyết@example.vn' })).rejects.toThrow(/ASCII/);
    await expect(issue({}, 0)).rejects.toThrow(/days/);
    await expect(
      createRootCa({ commonName: 'x', organisation: 'y', country: 'VN', years: 0 }),
    ).rejects.toThrow(/years/);
    const stranger = { certificate: issuing.certificate, key: root.key };
    await expect(
      issueCertificate(stranger, { kind: 'person', subject: PERSON, publicKey, days: 1 }),
    ).rejects.toThrow(/does not match/);
    expect(() => describeCertificate(Buffer.from('not a certificate'))).toThrow();
  });
});
