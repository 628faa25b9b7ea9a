import { randomBytes, verify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from './keys.ts';
import { Pkcs12Error, readPkcs12 } from './p12.ts';
import { signerForKey } from './platform-signer.ts';
import { rc2CbcDecrypt } from './rc2.ts';
import { certPem, run, type Workdir, workdir } from './test-helpers.ts';
import {
  type CertificateAuthority,
  createIssuingCa,
  createRootCa,
  describeCertificate,
  issueCertificate,
} from './x509.ts';

// Every file here is written by `openssl pkcs12 -export`, the way officials' files are made in practice:
// OpenSSL 3's defaults (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, HMAC-SHA256 MAC) and `-legacy`
// (pbeWithSHA1And3-KeyTripleDES-CBC keys, pbeWithSHA1And40BitRC2-CBC certificates, SHA-1 MAC).

type Holder = { name: string; keyFile: string; certFile: string; der: Buffer };

describe('readPkcs12', () => {
  let dir: Workdir;
  let root: CertificateAuthority;
  let issuing: CertificateAuthority;
  let rsa: Holder;
  let ec: Holder;
  let chainFile: string;
  let strangerFile: string;

  const holder = async (name: string, algorithm: 'rsa' | 'ecdsa'): Promise<Holder> => {
    const { privateKey, publicKey } = await generateSigningKey(algorithm);
    const subject = { commonName: name, organisation: 'UBND tỉnh Lâm Sơn', country: 'VN' };
    const der = await issueCertificate(issuing, { kind: 'person', subject, publicKey, days: 30 });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return {
      name,
      der,
      keyFile: dir.write(`${name}.key`, keyPem),
      certFile: dir.write(`${name}.pem`, certPem(der)),
    };
  };
  // Writes a .p12 with openssl and reads it back; `extra` are more `openssl pkcs12 -export` flags.
  const exportP12 = (h: Holder | null, password: string, extra: string[] = []) => {
    const file = dir.path(`out-${randomBytes(4).toString('hex')}.p12`);
    const material = h ? ['-inkey', h.keyFile, '-in', h.certFile] : [];
    run('openssl', [
      'pkcs12',
      '-export',
      ...material,
      ...extra,
      '-out',
      file,
      '-passout',
      `pass:${password}`,
    ]);
    return readFileSync(file);
  };
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(Pkcs12Error);
      return (error as Pkcs12Error).code;
    }
    return 'no error';
  };

  beforeAll(async () => {
    dir = workdir('p12');
    root = await createRootCa({
      commonName: 'CivicDesk Root',
      organisation: 'CivicDesk',
      country: 'VN',
      years: 2,
    });
    issuing = await createIssuingCa(root, {
      commonName: 'Sở Nội vụ CA',
      organisation: 'Sở Nội vụ',
      country: 'VN',
      years: 1,
    });
    // Root before issuing CA on purpose: the reader must order the chain itself.
    chainFile = dir.write('chain.pem', certPem(root.certificate) + certPem(issuing.certificate));
    const other = await createRootCa({
      commonName: 'Unrelated',
      organisation: 'Elsewhere',
      country: 'KR',
      years: 1,
    });
    strangerFile = dir.write('stranger.pem', certPem(other.certificate));
    rsa = await holder('Nguyễn Văn An', 'rsa');
    ec = await holder('Lê Thị Hoa', 'ecdsa');
  });
  afterAll(() => dir?.cleanup());

  const cases = [
    { label: 'RSA, OpenSSL 3 default', h: () => rsa, flags: [] as string[] },
    { label: 'RSA, -legacy (3DES + RC2-40)', h: () => rsa, flags: ['-legacy'] },
    { label: 'EC, OpenSSL 3 default', h: () => ec, flags: [] },
    { label: 'EC, -legacy', h: () => ec, flags: ['-legacy'] },
    {
      label: 'EC, AES-128 + SHA-512 MAC',
      h: () => ec,
      flags: ['-keypbe', 'AES-128-CBC', '-macalg', 'sha512'],
    },
    { label: 'RSA, 3DES everywhere', h: () => rsa, flags: ['-legacy', '-certpbe', 'PBE-SHA1-3DES'] },
  ];
  for (const { label, h, flags } of cases) {
    it(`reads ${label}, signer first and the chain in order`, async () => {
      const holder = h();
      const bytes = exportP12(holder, 'mật khẩu 비밀', [...flags, '-certfile', chainFile]);
      const { key, certificates } = readPkcs12(bytes, 'mật khẩu 비밀');
      expect(certificates).toHaveLength(3);
      expect(certificates[0]?.equals(holder.der)).toBe(true);
      expect(certificates[1]?.equals(issuing.certificate)).toBe(true);
      expect(certificates[2]?.equals(root.certificate)).toBe(true);
      // The key signs, and the signature verifies against the certificate it came with.
      const data = randomBytes(64);
      const signature = await signerForKey(key, certificates).sign(data);
      expect(verify('sha256', data, new X509Certificate(holder.der).publicKey, signature)).toBe(true);
    });
  }

  it('drops unrelated certificates and keeps a partial chain', () => {
    const bytes = exportP12(rsa, 'pw', ['-certfile', dir.write('partial.pem', readFileSync(strangerFile))]);
    const { certificates } = readPkcs12(bytes, 'pw');
    expect(certificates.map((c) => describeCertificate(c).subject.commonName)).toEqual(['Nguyễn Văn An']);
  });

  it('reads files with an empty password and without a MAC', () => {
    expect(readPkcs12(exportP12(ec, ''), '').certificates).toHaveLength(1);
    expect(readPkcs12(exportP12(rsa, 'pw', ['-nomac']), 'pw').certificates).toHaveLength(1);
    expect(readPkcs12(exportP12(rsa, 'pw', ['-nomac', '-legacy']), 'pw').certificates).toHaveLength(1);
  });

  it('says wrong_password for a wrong password, MAC or not', () => {
    expect(codeOf(() => readPkcs12(exportP12(rsa, 'right'), 'wrong'))).toBe('wrong_password');
    expect(codeOf(() => readPkcs12(exportP12(ec, 'right', ['-legacy']), 'wrong'))).toBe('wrong_password');
    expect(codeOf(() => readPkcs12(exportP12(ec, 'right'), ''))).toBe('wrong_password');
    expect(codeOf(() => readPkcs12(exportP12(rsa, 'right', ['-nomac']), 'wrong'))).toBe('wrong_password');
  });

  it('says no_key for a certificate-only file', () => {
    const bytes = exportP12(null, 'pw', ['-nokeys', '-in', rsa.certFile, '-certfile', chainFile]);
    expect(codeOf(() => readPkcs12(bytes, 'pw'))).toBe('no_key');
  });

  it('says no_matching_certificate when no certificate is for the key', () => {
    const bytes = exportP12(null, 'pw', ['-inkey', rsa.keyFile, '-nocerts']);
    expect(codeOf(() => readPkcs12(bytes, 'pw'))).toBe('no_matching_certificate');
  });

  it('says not_pkcs12 for anything else', () => {
    expect(codeOf(() => readPkcs12(Buffer.alloc(0), 'pw'))).toBe('not_pkcs12');
    expect(codeOf(() => readPkcs12(readFileSync(rsa.certFile), 'pw'))).toBe('not_pkcs12');
    expect(codeOf(() => readPkcs12(rsa.der, 'pw'))).toBe('not_pkcs12');
    expect(codeOf(() => readPkcs12(randomBytes(2000), 'pw'))).toBe('not_pkcs12');
    const truncated = exportP12(rsa, 'pw');
    expect(codeOf(() => readPkcs12(truncated.subarray(0, truncated.length - 40), 'pw'))).toBe('not_pkcs12');
  });
});

describe('rc2CbcDecrypt', () => {
  // The legacy provider is what `openssl enc -rc2-*` needs; skip where this openssl was built without it.
  const legacy = (() => {
    try {
      run('openssl', ['list', '-cipher-algorithms', '-provider', 'legacy']);
      return true;
    } catch {
      return false;
    }
  })();

  it.runIf(legacy).each([
    ['rc2-40-cbc', 5, 40],
    ['rc2-64-cbc', 8, 64],
    ['rc2-cbc', 16, 128],
  ] as const)('matches openssl %s', (cipher, keyLength, bits) => {
    const dir = workdir('rc2');
    try {
      const [key, iv, plain] = [randomBytes(keyLength), randomBytes(8), randomBytes(1001)];
      const args = [
        'enc',
        `-${cipher}`,
        '-provider',
        'legacy',
        '-provider',
        'default',
        '-K',
        key.toString('hex'),
      ];
      run('openssl', [
        ...args,
        '-iv',
        iv.toString('hex'),
        '-in',
        dir.write('p', plain),
        '-out',
        dir.path('c'),
      ]);
      expect(rc2CbcDecrypt(key, bits, iv, readFileSync(dir.path('c'))).equals(plain)).toBe(true);
    } finally {
      dir.cleanup();
    }
  });
});
