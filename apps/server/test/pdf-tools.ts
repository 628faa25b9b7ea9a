import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Independent checks of signed PDFs with tools that share no code with ours (security research §1.9):
//
//   pdfsig(file, { nssdb })   poppler's verdict per "Signature #N" block. Its exit code is 0 even when a
//                             signature is broken, so the text is parsed: `valid` means "Signature is Valid.",
//                             `trusted` means "Certificate is Trusted." (give an NSS db from makeNssDb).
//   qpdfCheck(file)           `qpdf --check`, warnings count as failures.
//   cmsVerify(file, caFile)   each /ByteRange's covered bytes and CMS through `openssl cms -verify`.
//   padesLint(file)           `openssl cms -cmsout -print`: signingCertificateV2 present, signingTime absent.
//   tsVerify(file, caFile)    each embedded signature-time-stamp through `openssl ts -verify -digest`.
//   makeNssDb(rootFile)       an NSS database (certutil) that trusts the test root, for pdfsig.
//   pagePixels / renderPage   a page rasterised by pdftoppm (pixels to check, or a PNG file to look at).
//
// Each returns MISSING (a marker) when its tool is not installed, so tests can `it.runIf(has('pdfsig'))`.

export const MISSING = Symbol('tool missing');
export type Missing = typeof MISSING;

const TOOLS = {
  pdfsig: 'pdfsig',
  qpdf: 'qpdf',
  openssl: 'openssl',
  certutil: 'certutil',
  pdftoppm: 'pdftoppm',
};
const found = new Map<string, boolean>();

/** Whether a command-line tool is installed. */
export function has(tool: keyof typeof TOOLS): boolean {
  if (!found.has(tool)) found.set(tool, spawnSync('sh', ['-c', `command -v ${TOOLS[tool]}`]).status === 0);
  return found.get(tool)!;
}

// One scratch directory per process, removed when it exits (the files are small).
let root: string | null = null;
function scratch(): string {
  if (!root) {
    const dir = mkdtempSync(join(tmpdir(), 'civicdesk-pdftools-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    root = dir;
  }
  return mkdtempSync(join(root, 'x-'));
}

export type PdfsigSignature = {
  field: string | null;
  commonName: string | null;
  subFilter: string | null;
  wholeDocument: boolean;
  valid: boolean;
  trusted: boolean;
  validation: string;
  certificate: string;
};

/** pdfsig's report, one entry per "Signature #N" block. */
export function pdfsig(file: string, opts: { nssdb?: string } = {}): PdfsigSignature[] | Missing {
  if (!has('pdfsig')) return MISSING;
  const args = [...(opts.nssdb ? ['-nssdir', `sql:${opts.nssdb}`] : []), file];
  const out = spawnSync('pdfsig', args, { encoding: 'utf8' }).stdout ?? '';
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const line = (label: string) => new RegExp(`- ${label}: (.*)$`, 'm').exec(block)?.[1]?.trim() ?? null;
      const validation = line('Signature Validation') ?? '';
      const certificate = line('Certificate Validation') ?? '';
      return {
        field: line('Signature Field Name'),
        commonName: line('Signer Certificate Common Name'),
        subFilter: line('Signature Type'),
        wholeDocument: /^\s*- Total document signed$/m.test(block),
        valid: validation === 'Signature is Valid.',
        trusted: certificate === 'Certificate is Trusted.',
        validation,
        certificate,
      };
    });
}

/** `qpdf --check`: ok only with exit 0, no warnings and the "no errors" line. */
export function qpdfCheck(file: string): { ok: boolean; output: string } | Missing {
  if (!has('qpdf')) return MISSING;
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  const ok =
    r.status === 0 && r.stderr === '' && r.stdout.includes('No syntax or stream encoding errors found');
  return { ok, output };
}

export type ExtractedSignature = { content: Buffer; cms: Buffer; byteRange: number[]; coversToEof: boolean };

/** The covered bytes and CMS of every /ByteRange in the file (the lab's extractor, §1.9). */
export function extractSignatures(pdf: Buffer): ExtractedSignature[] {
  const text = pdf.toString('latin1');
  const out: ExtractedSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
    const content = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const hex = text.slice(a + b + 1, c - 1).replace(/(00)+$/, '');
    out.push({
      content,
      cms: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'),
      byteRange: [a, b, c, d],
      coversToEof: c + d === pdf.length,
    });
  }
  return out;
}

/** `openssl cms -verify` of each signature against its covered bytes; one boolean per signature. */
export function cmsVerify(file: string, caFile: string): boolean[] | Missing {
  if (!has('openssl')) return MISSING;
  const dir = scratch();
  return extractSignatures(readFileSync(file)).map((s, i) => {
    const [content, der] = [join(dir, `sig${i}.content`), join(dir, `sig${i}.der`)];
    writeFileSync(content, s.content);
    writeFileSync(der, s.cms);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', der, '-content', content];
    const r = spawnSync('openssl', [...args, '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null'], {
      encoding: 'utf8',
    });
    return r.status === 0 && r.stderr.includes('CMS Verification successful');
  });
}

export type PadesLint = {
  signingCertificateV2: boolean;
  signingTime: boolean;
  timeStampToken: boolean;
  ok: boolean;
};

/** The signed attributes of each CMS as openssl prints them: PAdES wants signingCertificateV2 and no signingTime. */
export function padesLint(file: string): PadesLint[] | Missing {
  if (!has('openssl')) return MISSING;
  const dir = scratch();
  return extractSignatures(readFileSync(file)).map((s, i) => {
    const der = join(dir, `sig${i}.der`);
    writeFileSync(der, s.cms);
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', der], {
      encoding: 'utf8',
    });
    const signed = printed.split('unsignedAttrs:')[0] ?? '';
    const lint = {
      signingCertificateV2: /id-smime-aa-signingCertificateV2|signingCertificateV2/.test(signed),
      signingTime: /object: signingTime/.test(signed),
      timeStampToken: /id-smime-aa-timeStampToken|timeStampToken/.test(
        printed.split('unsignedAttrs:')[1] ?? '',
      ),
    };
    return { ...lint, ok: lint.signingCertificateV2 && !lint.signingTime };
  });
}

/**
 * `openssl ts -verify` of each signature's embedded signature-time-stamp token, over the SHA-256 of its
 * SignerInfo.signature; null for a signature without a token.
 */
export function tsVerify(file: string, caFile: string): (boolean | null)[] | Missing {
  if (!has('openssl')) return MISSING;
  const dir = scratch();
  return extractSignatures(readFileSync(file)).map((s, i) => {
    const parts = cmsParts(s.cms);
    if (!parts.token) return null;
    const token = join(dir, `tst${i}.der`);
    writeFileSync(token, parts.token);
    const digest = createHash('sha256').update(parts.signature).digest('hex');
    const args = ['ts', '-verify', '-digest', digest, '-in', token, '-token_in', '-CAfile', caFile];
    const r = spawnSync('openssl', args, { encoding: 'utf8' });
    return r.status === 0 && r.stdout.includes('Verification: OK');
  });
}

/** Signature value and timestamp token of a CMS, found with `openssl asn1parse` (no code of ours involved). */
function cmsParts(cms: Buffer): { signature: Buffer; token: Buffer | null } {
  const dir = scratch();
  const der = join(dir, 'cms.der');
  writeFileSync(der, cms);
  const lines = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', der, '-i'], {
    encoding: 'utf8',
  }).split('\n');
  const at = (line: string) => Number(/^\s*(\d+):/.exec(line)?.[1]);
  const header = (line: string) => Number(/hl=\s*(\d+)/.exec(line)?.[1]);
  const length = (line: string) => Number(/ l=\s*(\d+)/.exec(line)?.[1]);
  // SignerInfo.signature: the last OCTET STRING at SignerInfo field depth (ContentInfo 0, [0] 1, SignedData 2,
  // signerInfos 3, SignerInfo 4, its fields 5) before the unsigned attributes.
  const tokenOid = lines.findIndex((l) =>
    /id-smime-aa-timeStampToken|:1\.2\.840\.113549\.1\.9\.16\.2\.14/.test(l),
  );
  const scan = tokenOid >= 0 ? lines.slice(0, tokenOid) : lines;
  const sigLine = [...scan].reverse().find((l) => /d=5\s.*prim:\s+OCTET STRING/.test(l))!;
  const signature = cms.subarray(
    at(sigLine) + header(sigLine),
    at(sigLine) + header(sigLine) + length(sigLine),
  );
  if (tokenOid < 0) return { signature, token: null };
  const tokenLine = lines.slice(tokenOid + 1).find((l) => /cons:\s+SEQUENCE/.test(l))!;
  // The SET holding the token comes first; the token is the SEQUENCE right after it.
  return {
    signature,
    token: cms.subarray(at(tokenLine), at(tokenLine) + header(tokenLine) + length(tokenLine)),
  };
}

/** An NSS database trusting `rootFile` as a CA (what pdfsig needs to call a certificate trusted). */
export function makeNssDb(rootFile: string): string | Missing {
  if (!has('certutil')) return MISSING;
  const dir = scratch();
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${dir}`,
    '-n',
    'civicdesk-test-root',
    '-t',
    'CT,C,C',
    '-i',
    rootFile,
  ]);
  return dir;
}

export type Pixels = {
  width: number;
  height: number;
  dpi: number;
  rgb(x: number, y: number): [number, number, number];
};

/** Page `page` (1-based) rasterised by pdftoppm (PPM on stdout), for checking where things were drawn. */
export function pagePixels(file: string, page: number, dpi = 80): Pixels | Missing {
  if (!has('pdftoppm')) return MISSING;
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 32));
  if (!m) throw new Error('pdftoppm did not write a PPM');
  const [width, height] = [Number(m[1]), Number(m[2])];
  const data = ppm.subarray(m[0].length);
  return {
    width,
    height,
    dpi,
    rgb: (x, y) => {
      const i = (Math.floor(y) * width + Math.floor(x)) * 3;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** Page `page` (1-based) as a PNG at `dpi` with pdftoppm; returns the PNG path. */
export function renderPage(file: string, page: number, dpi = 80): string | Missing {
  if (!has('pdftoppm')) return MISSING;
  const prefix = join(scratch(), 'page');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ]);
  return `${prefix}.png`;
}
