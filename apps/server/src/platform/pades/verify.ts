import { createHash } from 'node:crypto';
import { OID } from './cms.ts';
import { checkSignerInfo, hashName, type ParsedCms, parseCms, readTstInfo } from './cms-read.ts';
import { disallowedChanges } from './diff.ts';
import { decodeText, PdfRef, PdfStr, type PdfValue } from './pdf-syntax.ts';
import { type FoundSignature, findSignatures, intact, isDocTimestamp } from './signatures.ts';
import {
  buildChain,
  type CertSummary,
  cert,
  identity,
  parseAnchors,
  type SignerIdentity,
  serialHex,
  summary,
  timeStamping,
  validityAt,
} from './trust.ts';
import { ObjectTable, readXrefChain, type XrefSection } from './xref.ts';

// Verifies the signatures of any PDF (ours or uploaded): integrity of each signature, its signer and chain
// to the caller's trust anchors at the signing time (the timestamp's when it has a valid one), revocation
// through the caller's hook, PAdES baseline conformance, and what later revisions changed. It never throws
// on bad input: garbage gives a report saying so. Problems are stable codes the UI translates.

export type SignatureReport = {
  field: string | null;
  subFilter: string | null;
  /** Who signed (all null / empty when the CMS names no certificate it carries). */
  signer: SignerIdentity;
  chain: CertSummary[];
  /** The /M entry (claimed signing time) as ISO 8601. */
  claimedTime: string | null;
  timestamp: { time: string; authority: string; valid: boolean } | null;
  /** The covered bytes digest to the CMS message-digest and the signature verifies with the signer's key. */
  intact: boolean;
  coversWholeFile: boolean;
  /** The chain reaches a trust anchor through valid CA signatures, all valid at the signing time, not revoked. */
  trusted: boolean;
  revoked: { at: string; reason: string | null } | null;
  /** signing-certificate-v2 present, no signing-time, /SubFilter /ETSI.CAdES.detached. */
  pades: boolean;
  /** A later revision changed something beyond what adding signatures needs. */
  modifiedAfter: boolean;
  problems: string[];
};

export type VerifyReport = {
  isPdf: boolean;
  revisions: number;
  signatures: SignatureReport[];
  /** Some signature is not intact, or a later revision made a disallowed change. */
  altered: boolean;
  problems: string[];
};

export type RevocationCheck = (
  serialHex: string,
  /** The DER of the issuing CA's certificate. */
  issuerDer: Buffer,
) => Promise<{ revokedAt: Date; reason?: string | null } | null>;

export type VerifyOptions = { trustAnchors: Buffer[]; isRevoked?: RevocationCheck };

type Anchors = ReturnType<typeof parseAnchors>;

const UNKNOWN_SIGNER: SignerIdentity = {
  commonName: null,
  organisation: null,
  organisationalUnit: null,
  title: null,
  country: null,
  serialHex: '',
  fingerprintSha256: '',
};

export async function verifyPdf(pdf: Buffer, opts: VerifyOptions): Promise<VerifyReport> {
  const head = pdf.subarray(0, 1024).indexOf('%PDF-');
  if (head < 0) return { isPdf: false, revisions: 0, signatures: [], altered: false, problems: ['not_pdf'] };
  const problems: string[] = [];
  let sections: XrefSection[] = [];
  try {
    sections = readXrefChain(pdf);
  } catch {
    problems.push('malformed_pdf');
  }
  const revisions = sections.length || countEofs(pdf);
  const found = findSignatures(pdf);
  if (found.length === 0)
    return {
      isPdf: true,
      revisions,
      signatures: [],
      altered: false,
      problems: [...problems, 'no_signatures'],
    };
  const fields = sections.length
    ? fieldNames(new ObjectTable(pdf, sections), sections)
    : new Map<number, string>();
  const anchors = parseAnchors(opts.trustAnchors);
  const signatures: SignatureReport[] = [];
  for (const s of found)
    signatures.push(await report(pdf, s, { sections, fields, anchors, isRevoked: opts.isRevoked }));
  const altered = signatures.some((s) => !s.intact || s.modifiedAfter);
  return { isPdf: true, revisions, signatures, altered, problems };
}

type Ctx = {
  sections: XrefSection[];
  fields: Map<number, string>;
  anchors: Anchors;
  isRevoked?: RevocationCheck;
};

async function report(pdf: Buffer, s: FoundSignature, ctx: Ctx): Promise<SignatureReport> {
  const problems = [...s.problems];
  const cms = s.cms;
  const signerCert = cms?.signerCert ? safeCert(cms.signerCert) : null;
  const timestamp = cms && !isDocTimestamp(s) ? signatureTimestamp(cms, ctx.anchors) : null;
  if (timestamp && !timestamp.valid) problems.push('timestamp_invalid');
  const claimed = pdfDate(s.dict.get('M'));
  const docTs = cms && isDocTimestamp(s) ? safeTst(cms) : null;
  const at = docTs ?? (timestamp?.valid ? new Date(timestamp.time) : (claimed ?? new Date()));
  const trust =
    signerCert && cms ? await trustOf(signerCert, cms, at, ctx, !!timestamp?.valid || !!docTs) : null;
  problems.push(...(trust?.problems ?? []));
  // Only end-of-line bytes after the covered %%EOF still count as the whole file.
  const trailing = pdf.subarray(s.coverageEnd);
  const coversWholeFile =
    s.coverageEnd > 0 && trailing.length <= 4 && /^[\r\n\s\0]*$/.test(trailing.toString('latin1'));
  const modifiedAfter = !coversWholeFile && changedAfter(pdf, s, ctx.sections);
  if (modifiedAfter) problems.push('disallowed_changes');
  return {
    field: ctx.fields.get(s.objNum) ?? null,
    subFilter: s.subFilter,
    signer: signerCert ? identity(signerCert) : UNKNOWN_SIGNER,
    chain: trust?.chain ?? [],
    claimedTime: claimed?.toISOString() ?? null,
    timestamp: docTs
      ? {
          time: docTs.toISOString(),
          authority: signerCert ? authorityName(signerCert) : '',
          // A document timestamp is itself the signature: valid when intact, by a trusted timestamping TSA.
          valid: intact(s) && !!trust?.trusted && !!signerCert && timeStamping(signerCert),
        }
      : timestamp,
    intact: intact(s),
    coversWholeFile,
    trusted: !!trust?.trusted && intact(s),
    revoked: trust?.revoked ?? null,
    pades: !!cms && isPades(s, cms),
    modifiedAfter,
    problems: [...new Set(problems)],
  };
}

function changedAfter(pdf: Buffer, s: FoundSignature, sections: XrefSection[]): boolean {
  if (s.coverageEnd === 0) return false; // malformed: reported as such
  if (sections.length === 0) return true; // cannot tell what the unsigned bytes do
  return disallowedChanges(pdf, sections, s.coverageEnd).length > 0;
}

async function trustOf(
  signer: ReturnType<typeof cert>,
  cms: ParsedCms,
  at: Date,
  ctx: Ctx,
  timestamped: boolean,
) {
  const problems: string[] = [];
  const pool = cms.certificates.flatMap((d) => (safeCert(d) ? [safeCert(d)!] : []));
  const { chain, anchored } = buildChain(signer, pool, ctx.anchors);
  if (!anchored) problems.push('untrusted');
  for (const c of chain) {
    const validity = validityAt(c, at);
    if (validity !== 'ok') problems.push(validity);
  }
  let revoked: SignatureReport['revoked'] = null;
  const issuer = chain[1];
  if (ctx.isRevoked && issuer) {
    const r = await ctx.isRevoked(serialHex(signer), issuer.der).catch(() => null);
    if (r) {
      revoked = { at: r.revokedAt.toISOString(), reason: r.reason ?? null };
      // Revoked after a trusted timestamp proves the signature existed: still valid, but say so.
      problems.push(timestamped && r.revokedAt > at ? 'revoked_after_signing' : 'revoked');
    }
  }
  const trusted = anchored && !problems.some((p) => p !== 'revoked_after_signing');
  return { chain: chain.map(summary), trusted, revoked, problems };
}

/** The signature-time-stamp unsigned attribute, checked: imprint over the signature, token signature, TSA. */
function signatureTimestamp(cms: ParsedCms, anchors: Anchors): SignatureReport['timestamp'] {
  const [tokenDer] = cms.unsigned.get(OID.signatureTimeStamp) ?? [];
  if (!tokenDer) return null;
  try {
    const token = parseCms(tokenDer);
    const info = readTstInfo(token);
    const imprintHash = hashName(info.imprintAlgorithm);
    const imprintOk =
      !!imprintHash && info.imprint.equals(createHash(imprintHash).update(cms.signature).digest());
    const hash = hashName(token.digestAlgorithm);
    const content = token.eContent!;
    const sig = hash ? checkSignerInfo(token, createHash(hash).update(content).digest(), content) : null;
    const tsa = token.signerCert ? cert(token.signerCert) : null;
    const pool = token.certificates.flatMap((d) => (safeCert(d) ? [safeCert(d)!] : []));
    const chain = tsa ? buildChain(tsa, pool, anchors) : null;
    const valid =
      imprintOk &&
      !!sig?.digestOk &&
      !!sig.signatureOk &&
      !!tsa &&
      timeStamping(tsa) &&
      !!chain?.anchored &&
      chain.chain.every((c) => validityAt(c, info.time) === 'ok');
    return { time: info.time.toISOString(), authority: tsa ? authorityName(tsa) : '', valid };
  } catch {
    return { time: '', authority: '', valid: false };
  }
}

function isPades(s: FoundSignature, cms: ParsedCms): boolean {
  return (
    s.subFilter === 'ETSI.CAdES.detached' &&
    cms.signed.has(OID.signingCertificateV2) &&
    !cms.signed.has(OID.signingTime)
  );
}

/** Signature dictionary object number → full field name (parent names joined by dots). */
function fieldNames(table: ObjectTable, sections: XrefSection[]): Map<number, string> {
  const out = new Map<number, string>();
  const root = table.dict(sections.at(-1)?.trailer.get('Root'));
  const fields = table.resolve(table.dict(root?.get('AcroForm'))?.get('Fields'));
  const visit = (v: PdfValue, prefix: string, depth: number) => {
    const d = table.dict(v);
    if (!d || depth > 32) return;
    const t = d.get('T');
    const name = t instanceof PdfStr ? (prefix ? `${prefix}.${decodeText(t)}` : decodeText(t)) : prefix;
    const value = d.get('V');
    if (value instanceof PdfRef && !out.has(value.num)) out.set(value.num, name);
    const kids = table.resolve(d.get('Kids'));
    if (Array.isArray(kids)) for (const k of kids) visit(k, name, depth + 1);
  };
  if (Array.isArray(fields)) for (const f of fields) visit(f, '', 0);
  return out;
}

const authorityName = (c: ReturnType<typeof cert>) => identity(c).commonName ?? summary(c).subject;

/** A PDF date (D:YYYYMMDDHHmmSSOHH'mm) as a Date; null when absent or unreadable. */
export function pdfDate(v: PdfValue | undefined): Date | null {
  if (!(v instanceof PdfStr)) return null;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(
    decodeText(v),
  );
  if (!m) return null;
  const [y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m.slice(1, 7) as string[];
  const sign = m[7] === '-' ? -1 : 1;
  const offset = m[7] && m[7].toUpperCase() !== 'Z' ? sign * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0)) : 0;
  const ms =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
  return Number.isFinite(ms) ? new Date(ms) : null;
}

function safeCert(der: Buffer) {
  try {
    return cert(der);
  } catch {
    return null;
  }
}

function safeTst(cms: ParsedCms): Date | null {
  try {
    return readTstInfo(cms).time;
  } catch {
    return null;
  }
}

const countEofs = (pdf: Buffer) => {
  let n = 0;
  for (let at = pdf.indexOf('%%EOF'); at >= 0; at = pdf.indexOf('%%EOF', at + 5)) n++;
  return n;
};
