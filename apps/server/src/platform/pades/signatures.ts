import { createHash } from 'node:crypto';
import {
  checkSignerInfo,
  digestRanges,
  hashName,
  type ParsedCms,
  parseCms,
  readTstInfo,
} from './cms-read.ts';
import {
  PdfDict as Dict,
  isName,
  type PdfDict,
  PdfName,
  PdfNum,
  PdfStr,
  parseObjectAt,
} from './pdf-syntax.ts';

// Finding the signature dictionaries of a PDF and checking that each is intact: its /ByteRange is well formed
// (starts at 0, its gap is exactly its own /Contents string, ends inside the file), the digest of the covered
// bytes equals the CMS message-digest, and the signature verifies with the signer certificate's key. This is
// the cryptographic core that both the signing gate and the full verifier use.

export type FoundSignature = {
  /** Object number and offset of the signature dictionary. */
  objNum: number;
  offset: number;
  dict: PdfDict;
  subFilter: string | null;
  /** [start, length] pairs; null when /ByteRange is malformed. */
  ranges: [number, number][] | null;
  /** Where the covered bytes end (the revision it signs); 0 when malformed. */
  coverageEnd: number;
  cms: ParsedCms | null;
  problems: string[];
  digestOk: boolean;
  signatureOk: boolean;
};

const BYTE_RANGE = Buffer.from('/ByteRange');
const HEADER_BEFORE = /(\d+)\s+(\d+)\s+$/;

/** Every signature dictionary in the file, in file order, each checked for integrity unless `check` is false. */
export function findSignatures(pdf: Buffer, opts: { check?: boolean } = {}): FoundSignature[] {
  const seen = new Set<number>();
  const out: FoundSignature[] = [];
  for (let at = pdf.indexOf(BYTE_RANGE); at >= 0; at = pdf.indexOf(BYTE_RANGE, at + BYTE_RANGE.length)) {
    const offset = objectStartBefore(pdf, at);
    if (offset < 0 || seen.has(offset)) continue;
    seen.add(offset);
    let dict: PdfDict;
    let objNum: number;
    try {
      const obj = parseObjectAt(pdf, offset);
      if (!(obj.value instanceof Dict)) continue;
      dict = obj.value;
      objNum = obj.num;
    } catch {
      continue; // "/ByteRange" in some other text, or a damaged object: not a signature dictionary
    }
    if (!dict.get('ByteRange') || !(dict.get('Contents') instanceof PdfStr)) continue;
    out.push(
      opts.check === false ? unchecked(objNum, offset, dict) : checkSignature(pdf, objNum, offset, dict),
    );
  }
  return out;
}

/** The offset of the `n g obj` header that most closely precedes `at` (the enclosing object), or -1. */
function objectStartBefore(pdf: Buffer, at: number): number {
  for (let o = pdf.lastIndexOf('obj', at, 'latin1'); o > 0; o = pdf.lastIndexOf('obj', o - 1, 'latin1')) {
    const before = pdf.toString('latin1', Math.max(0, o - 24), o);
    const m = HEADER_BEFORE.exec(before);
    if (m && /[\s\0]/.test(before[before.length - m[0].length - 1] ?? ' ')) return o - m[0].length;
    if (at - o > 1_048_576) break;
  }
  return -1;
}

function unchecked(objNum: number, offset: number, dict: PdfDict): FoundSignature {
  const sub = dict.get('SubFilter');
  return {
    objNum,
    offset,
    dict,
    subFilter: sub instanceof PdfName ? sub.name : null,
    ranges: null,
    coverageEnd: 0,
    cms: null,
    problems: [],
    digestOk: false,
    signatureOk: false,
  };
}

function checkSignature(pdf: Buffer, objNum: number, offset: number, dict: PdfDict): FoundSignature {
  const found = unchecked(objNum, offset, dict);
  const contents = dict.get('Contents') as PdfStr;
  const ranges = byteRanges(dict, contents, pdf.length);
  if (!ranges) return fail(found, 'malformed_signature');
  found.ranges = ranges;
  found.coverageEnd = ranges[1]![0] + ranges[1]![1];
  try {
    found.cms = parseCms(contents.bytes);
  } catch {
    return fail(found, 'malformed_signature');
  }
  if (found.subFilter === 'adbe.x509.rsa_sha1') return fail(found, 'unsupported_signature');
  return verifyContent(pdf, found, found.cms, ranges);
}

/** Checks the CMS against the covered bytes (a document timestamp checks its TSTInfo imprint instead). */
function verifyContent(pdf: Buffer, found: FoundSignature, cms: ParsedCms, ranges: [number, number][]) {
  const hash = hashName(cms.digestAlgorithm);
  if (!hash) return fail(found, 'unsupported_signature');
  let ok: { digestOk: boolean; signatureOk: boolean };
  if (found.subFilter === 'ETSI.RFC3161') {
    const info = readTstInfoSafe(cms);
    const imprintHash = info && hashName(info.imprintAlgorithm);
    const imprintOk = !!imprintHash && info.imprint.equals(digestRanges(pdf, ranges, imprintHash));
    const content = cms.eContent ?? Buffer.alloc(0);
    const sig = checkSignerInfo(cms, createHash(hash).update(content).digest(), content);
    ok = { digestOk: imprintOk && sig.digestOk, signatureOk: sig.signatureOk };
  } else if (cms.eContent) {
    // adbe.pkcs7.sha1: the encapsulated content is the SHA-1 of the covered bytes, and that content is signed.
    const contentOk = cms.eContent.equals(digestRanges(pdf, ranges, 'sha1'));
    const sig = checkSignerInfo(cms, createHash(hash).update(cms.eContent).digest(), cms.eContent);
    ok = { digestOk: contentOk && sig.digestOk, signatureOk: sig.signatureOk };
  } else {
    const content = cms.signedAttrs ? null : Buffer.concat(ranges.map(([s, l]) => pdf.subarray(s, s + l)));
    ok = checkSignerInfo(cms, digestRanges(pdf, ranges, hash), content);
  }
  found.digestOk = ok.digestOk;
  found.signatureOk = ok.signatureOk;
  if (!cms.signerCert) found.problems.push('malformed_signature');
  else if (!ok.digestOk) found.problems.push('digest_mismatch');
  else if (!ok.signatureOk) found.problems.push('bad_signature');
  return found;
}

const readTstInfoSafe = (cms: ParsedCms) => {
  try {
    return readTstInfo(cms);
  } catch {
    return null;
  }
};

/**
 * The two ranges of a well-formed /ByteRange: [0, b] then [c, d] where b..c is exactly this dictionary's
 * /Contents string (so nothing else can hide in the unsigned gap) and c + d stays inside the file.
 */
function byteRanges(dict: PdfDict, contents: PdfStr, length: number): [number, number][] | null {
  const br = dict.get('ByteRange');
  if (!Array.isArray(br) || br.length !== 4 || !br.every((v) => v instanceof PdfNum)) return null;
  const [a, b, c, d] = br.map((v) => (v as PdfNum).value) as [number, number, number, number];
  if (![a, b, c, d].every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
  if (a !== 0 || b !== contents.start || c !== contents.end || c + d > length || !contents.hex) return null;
  return [
    [a, b],
    [c, d],
  ];
}

function fail(found: FoundSignature, problem: string): FoundSignature {
  found.problems.push(problem);
  return found;
}

export const intact = (s: FoundSignature) => s.digestOk && s.signatureOk && s.problems.length === 0;

/** Whether the dictionary is a document timestamp rather than a signature. */
export const isDocTimestamp = (s: FoundSignature) =>
  s.subFilter === 'ETSI.RFC3161' || isName(s.dict.get('Type'), 'DocTimeStamp');
