import { constants, createHash, verify as cryptoVerify } from 'node:crypto';
import { OID, type ParsedCms } from './cms.ts';
import { parseCmsBer, pssParams, subjectKeyId } from './cms-ber.ts';
import { bytesOf, children, issuerAndSerial, readTlv, TAG, type Tlv } from './der.ts';
import { cert } from './trust.ts';

export type { ParsedCms };

// Reading CMS SignedData (RFC 5652) and checking it with node crypto: the message digest against the signed
// content, the signature against the signer certificate's key. DER (what PAdES signers produce, and what
// every signature we make is) is walked directly: it takes microseconds, where asn1js/pkijs take ~10 ms per
// CMS, which the signing gate could not afford. Anything else (BER) goes to the pkijs reader in cms-ber.ts.
// Raw bytes are kept as they are (never re-encoded), because signatures are over exact encodings.

const HASHES: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};
const SIG_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** The node hash name of a digest algorithm OID, or null when unsupported. */
export const hashName = (oid: string): string | null => HASHES[oid] ?? null;

/** Parses a ContentInfo holding SignedData with one SignerInfo (DER fast, BER through pkijs); throws otherwise. */
export function parseCms(der: Buffer): ParsedCms {
  try {
    return parseCmsDer(der);
  } catch {
    return parseCmsBer(der);
  }
}

export function oidString(buf: Buffer, t: Tlv): string {
  if (t.tag !== TAG.oid) throw new Error('OID expected');
  const arcs: number[] = [];
  let value = 0;
  for (let i = t.contentStart; i < t.end; i++) {
    value = value * 128 + (buf[i]! & 0x7f);
    if (buf[i]! & 0x80) continue;
    if (arcs.length === 0)
      arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else arcs.push(value);
    value = 0;
  }
  return arcs.join('.');
}

const content = (buf: Buffer, t: Tlv) => buf.subarray(t.contentStart, t.end);
const need = (t: Tlv | undefined, tag: number): Tlv => {
  if (!t || t.tag !== tag) throw new Error('unexpected DER structure');
  return t;
};

function parseCmsDer(der: Buffer): ParsedCms {
  const info = children(der, readTlv(der, 0));
  if (oidString(der, need(info[0], TAG.oid)) !== OID.signedData) throw new Error('not SignedData');
  const sd = children(der, need(children(der, need(info[1], TAG.context0))[0], TAG.sequence));
  const encap = children(der, need(sd[2], TAG.sequence));
  let next = 3;
  let certificates: Buffer[] = [];
  if (sd[next]?.tag === TAG.context0) certificates = children(der, sd[next++]!).map((c) => bytesOf(der, c));
  if (sd[next]?.tag === TAG.context1) next++; // CRLs: not used
  const signerInfos = children(der, need(sd[next], TAG.set));
  if (signerInfos.length !== 1) throw new Error('expected one SignerInfo');
  const si = children(der, need(signerInfos[0], TAG.sequence));
  let i = 3;
  const signedAttrsTlv = si[i]?.tag === TAG.context0 ? si[i++] : undefined;
  const sigAlg = children(der, need(si[i++], TAG.sequence));
  const signature = Buffer.from(content(der, need(si[i++], TAG.octetString)));
  const unsignedTlv = si[i]?.tag === TAG.context1 ? si[i] : undefined;
  let signedAttrs: Buffer | null = null;
  if (signedAttrsTlv) {
    signedAttrs = Buffer.from(bytesOf(der, signedAttrsTlv));
    signedAttrs[0] = 0x31; // [0] IMPLICIT → SET OF, as signed (RFC 5652 §5.4)
  }
  const eContentTlv = encap[1] ? children(der, need(encap[1], TAG.context0))[0] : undefined;
  return {
    certificates,
    signerCert: findSignerCert(der, si[1] ?? need(undefined, TAG.sequence), certificates),
    digestAlgorithm: oidString(der, children(der, need(si[2], TAG.sequence))[0]!),
    signatureAlgorithm: {
      oid: oidString(der, sigAlg[0]!),
      params: sigAlg[1] ? bytesOf(der, sigAlg[1]) : null,
    },
    signedAttrs,
    signed: signedAttrsTlv ? attributes(der, signedAttrsTlv) : new Map(),
    unsigned: unsignedTlv ? attributes(der, unsignedTlv) : new Map(),
    signature,
    eContentType: oidString(der, encap[0]!),
    eContent: eContentTlv ? Buffer.from(content(der, need(eContentTlv, TAG.octetString))) : null,
  };
}

function attributes(der: Buffer, set: Tlv): Map<string, Buffer[]> {
  const map = new Map<string, Buffer[]>();
  for (const attr of children(der, set)) {
    const [type, values] = children(der, need(attr, TAG.sequence));
    const oid = oidString(der, type!);
    const list = children(der, need(values, TAG.set)).map((v) => Buffer.from(bytesOf(der, v)));
    map.set(oid, [...(map.get(oid) ?? []), ...list]);
  }
  return map;
}

/** The certificate matching the SignerIdentifier: issuer and serial byte-equal, or [0] subjectKeyIdentifier. */
function findSignerCert(der: Buffer, sid: Tlv, certificates: Buffer[]): Buffer | null {
  for (const c of certificates) {
    try {
      if (sid.tag === TAG.sequence) {
        const [issuer, serial] = children(der, sid);
        const mine = issuerAndSerial(c);
        if (mine.issuer.equals(bytesOf(der, issuer!)) && mine.serial.equals(bytesOf(der, serial!))) return c;
      } else if (sid.tag === 0x80 && subjectKeyId(c)?.equals(content(der, sid))) return c;
    } catch {}
  }
  return null;
}

/** The value of the message-digest attribute (its OCTET STRING's content), or null. */
export function messageDigest(cms: ParsedCms): Buffer | null {
  const [value] = cms.signed.get(OID.messageDigest) ?? [];
  if (!value) return null;
  const t = readTlv(value, 0);
  return t.tag === TAG.octetString ? content(value, t) : null;
}

/**
 * Checks a SignerInfo over `content` (the signed bytes, or null when only `contentDigest` is known):
 * digestOk when message-digest equals the content digest (or there are no signed attributes and the
 * signature covers the content), signatureOk when the signature verifies with the signer certificate.
 */
export function checkSignerInfo(
  cms: ParsedCms,
  contentDigest: Buffer,
  signedContent: Buffer | null,
): { digestOk: boolean; signatureOk: boolean } {
  const hash = hashName(cms.digestAlgorithm);
  if (!hash || !cms.signerCert) return { digestOk: false, signatureOk: false };
  const digestOk = cms.signedAttrs ? (messageDigest(cms)?.equals(contentDigest) ?? false) : true;
  const data = cms.signedAttrs ?? signedContent;
  if (!data) return { digestOk, signatureOk: false };
  return { digestOk, signatureOk: verifySignature(cms, hash, data) };
}

function verifySignature(cms: ParsedCms, digest: string, data: Buffer): boolean {
  const { oid, params } = cms.signatureAlgorithm;
  try {
    const key = cert(cms.signerCert!).x509.publicKey;
    if (oid === OID.rsaPss) {
      const pss = pssParams(params);
      const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength };
      return cryptoVerify(hashName(pss.hash) ?? 'sha1', data, options, cms.signature);
    }
    const hash = oid === OID.rsaEncryption || oid === EC_PUBLIC_KEY ? digest : SIG_HASHES[oid];
    if (!hash) return false;
    const isEc = key.asymmetricKeyType === 'ec';
    const options = isEc
      ? { key, dsaEncoding: 'der' as const }
      : { key, padding: constants.RSA_PKCS1_PADDING };
    return cryptoVerify(hash, data, options, cms.signature);
  } catch {
    return false;
  }
}

/** Hashes the ranges of `buf` with a node hash name (the bytes a PDF signature covers). */
export function digestRanges(buf: Buffer, ranges: [number, number][], hash = 'sha256'): Buffer {
  const h = createHash(hash);
  for (const [start, length] of ranges) h.update(buf.subarray(start, start + length));
  return h.digest();
}

export type TimestampInfo = { time: Date; imprintAlgorithm: string; imprint: Buffer; nonce: Buffer | null };

/**
 * The TSTInfo of an RFC 3161 timestamp token (RFC 3161 §2.4.2): version, policy, messageImprint,
 * serialNumber, genTime, then optional accuracy, ordering, nonce, tsa, extensions.
 */
export function readTstInfo(token: ParsedCms): TimestampInfo {
  if (token.eContentType !== OID.tstInfo || !token.eContent) throw new Error('not a timestamp token');
  const b = token.eContent;
  const fields = children(b, need(readTlv(b, 0), TAG.sequence));
  const imprint = children(b, need(fields[2], TAG.sequence));
  const genTime = need(fields[4], 0x18);
  const nonce = fields.slice(5).find((f) => f.tag === TAG.integer);
  return {
    time: generalizedTime(b.toString('latin1', genTime.contentStart, genTime.end)),
    imprintAlgorithm: oidString(b, children(b, need(imprint[0], TAG.sequence))[0]!),
    imprint: Buffer.from(content(b, need(imprint[1], TAG.octetString))),
    nonce: nonce ? Buffer.from(content(b, nonce)) : null,
  };
}

/** YYYYMMDDHHMMSS[.fff]Z (RFC 3161 requires UTC with the Z). */
function generalizedTime(s: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(s);
  if (!m) throw new Error('bad GeneralizedTime');
  const ms = m[7] ? Math.round(Number(`0${m[7]}`) * 1000) : 0;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms));
}
