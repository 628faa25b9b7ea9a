import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestPki } from './pki-openssl.ts';

// A loopback RFC 3161 timestamp authority for tests (security research §1.5): an HTTP server on 127.0.0.1,
// port 0, that answers each POSTed TimeStampReq with `openssl ts -reply`, signed by the test PKI's TSA
// certificate (critical EKU timeStamping) with the issuing CA and root in the token. Usage:
//
//   const tsa = await startTsa(pki);
//   await signField(pdf, { …, tsa: httpTimestampAuthority(tsa.url) });
//   await tsa.close();
//
// `requests` counts the queries it answered (a test can check that B-T really asked it).

const run = promisify(execFile);

export type TestTsa = { url: string; requests: () => number; close(): Promise<void> };

export async function startTsa(pki: TestPki): Promise<TestTsa> {
  const dir = mkdtempSync(join(pki.dir, 'tsa-'));
  const config = join(dir, 'tsa.conf');
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(config, tsaConfig(dir, pki));
  let served = 0;
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const query = join(dir, `q${++next}.tsq`);
      try {
        writeFileSync(query, Buffer.concat(chunks));
        const out = join(dir, `r${next}.tsr`);
        await run('openssl', ['ts', '-reply', '-config', config, '-queryfile', query, '-out', out]);
        served++;
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(out));
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => served,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** openssl's TSA section: SHA-256, the TSA certificate and the chain included, the TSA named in the token. */
function tsaConfig(dir: string, pki: TestPki): string {
  return `[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
serial = ${join(dir, 'serial')}
crypto_device = builtin
signer_cert = ${pki.tsa.certFile}
signer_key = ${pki.tsa.keyFile}
certs = ${pki.caBundleFile}
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_alg = sha256
`;
}
