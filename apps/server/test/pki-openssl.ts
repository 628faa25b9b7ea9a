import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway test PKI made with the openssl CLI in a temporary directory (security research §1.5):
//
//   root CA ── issuing CA ─┬─ signers[0..n-1]  RSA 2048, keyUsage digitalSignature + nonRepudiation
//                          ├─ ecSigner         EC P-256, same usages
//                          └─ tsa              RSA 2048, critical EKU timeStamping (for `openssl ts -reply`)
//
// Every certificate comes as PEM/DER files, DER bytes and a KeyObject, plus `chain(cert)` (the DER list a
// Signer wants: the certificate, the issuing CA, the root). Subjects carry C, O, OU, title and a Vietnamese CN
// (UTF-8). Usage:
//
//   const pki = createTestPki({ signers: 2 });   // ~1 s: RSA key generation
//   keySigner(pki.signers[0].key, pki.chain(pki.signers[0]));
//   afterAll(() => pki.cleanup());

export type TestCert = {
  /** Subject common name. */
  name: string;
  keyFile: string;
  certFile: string;
  /** The certificate's DER. */
  der: Buffer;
  key: KeyObject;
};

export type TestPki = {
  dir: string;
  root: TestCert;
  issuing: TestCert;
  signers: TestCert[];
  ecSigner: TestCert;
  tsa: TestCert;
  /** PEM of the root alone (the trust anchor for openssl -CAfile, certutil, pdfsig). */
  rootFile: string;
  /** PEM of issuing CA + root (for openssl -CAfile when the chain must be supplied). */
  caBundleFile: string;
  /** The DER chain a Signer carries: the certificate, then the issuing CA, then the root. */
  chain(cert: TestCert): Buffer[];
  cleanup(): void;
};

const SIGNER_NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Hạnh', 'Lê Minh Châu', 'Phạm Quốc Dũng'];
const ORG = 'UBND tỉnh Lâm Sơn';

const EXTENSIONS = `
[ ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ signer ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const openssl = (dir: string, args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

/** Builds the PKI. `signers`: how many RSA signer certificates (default 2; at most 4 distinct names). */
export function createTestPki(opts: { signers?: number; days?: number } = {}): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-pki-'));
  writeFileSync(join(dir, 'ext.cnf'), EXTENSIONS);
  const days = String(opts.days ?? 3650);
  const issue = (file: string, subject: string, keyAlg: string[], issuer: string | null, ext: string) => {
    const keyFile = `${file}.key`;
    const certFile = `${file}.crt`;
    openssl(dir, [
      'req',
      '-new',
      '-utf8',
      ...keyAlg,
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      `${file}.csr`,
      '-subj',
      subject,
    ]);
    const signWith = issuer ? ['-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`] : ['-key', keyFile];
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${file}.csr`,
      ...signWith,
      '-set_serial',
      `0x${randomBytes(8).toString('hex')}`,
      '-days',
      days,
      '-sha256',
      '-extfile',
      'ext.cnf',
      '-extensions',
      ext,
      '-out',
      certFile,
    ]);
    return load(dir, file, subject);
  };
  const rsa = ['-newkey', 'rsa:2048'];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  const root = issue('root', `/C=VN/O=${ORG}/CN=CivicDesk Test Root CA`, rsa, null, 'ca');
  const issuing = issue('issuing', `/C=VN/O=${ORG}/CN=CivicDesk Test Issuing CA`, rsa, 'root', 'ca');
  const count = Math.min(opts.signers ?? 2, SIGNER_NAMES.length);
  const signers = SIGNER_NAMES.slice(0, count).map((name, i) =>
    issue(
      `signer${i}`,
      `/C=VN/O=${ORG}/OU=Văn phòng/title=Phó Chủ tịch/CN=${name}`,
      rsa,
      'issuing',
      'signer',
    ),
  );
  const ecSigner = issue(
    'ecsigner',
    `/C=VN/O=${ORG}/OU=Văn thư/CN=${ORG} (con dấu số)`,
    ec,
    'issuing',
    'signer',
  );
  const tsa = issue('tsa', `/C=VN/O=${ORG}/CN=CivicDesk Test TSA`, rsa, 'issuing', 'tsa');
  const caBundleFile = join(dir, 'ca-bundle.pem');
  writeFileSync(caBundleFile, readFileSync(issuing.certFile, 'utf8') + readFileSync(root.certFile, 'utf8'));
  return {
    dir,
    root,
    issuing,
    signers,
    ecSigner,
    tsa,
    rootFile: root.certFile,
    caBundleFile,
    chain: (cert) => [cert.der, issuing.der, root.der],
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function load(dir: string, file: string, subject: string): TestCert {
  const keyFile = join(dir, `${file}.key`);
  const certFile = join(dir, `${file}.crt`);
  const der = openssl(dir, ['x509', '-in', certFile, '-outform', 'DER']);
  return {
    name: /CN=([^/]*)$/.exec(subject)?.[1] ?? file,
    keyFile,
    certFile,
    der,
    key: createPrivateKey(readFileSync(keyFile)),
  };
}
