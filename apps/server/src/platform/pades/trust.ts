import { createHash, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { view } from './der.ts';

// Certificates for the verifier: names and dates read with pkijs (UTF-8 names as written), signatures and
// issuer checks with node crypto, and a chain built from the signer up to one of the caller's trust anchors.
// Parsed certificates are cached by their DER: the same signer and CA certificates recur on every document.

export type CertSummary = {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  serialHex: string;
};
export type SignerIdentity = {
  commonName: string | null;
  organisation: string | null;
  organisationalUnit: string | null;
  title: string | null;
  country: string | null;
  serialHex: string;
  fingerprintSha256: string;
};

type Cert = { der: Buffer; x509: X509Certificate; pki: pkijs.Certificate; ca: boolean };
const cache = new Map<string, Cert>();
const CACHE_SIZE = 512;
const SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** The parsed certificate (cached); throws when the DER is not a certificate. */
export function cert(der: Buffer): Cert {
  const key = der.toString('base64');
  const hit = cache.get(key);
  if (hit) return hit;
  const x509 = new X509Certificate(der);
  const parsed: Cert = { der, x509, pki: pkijs.Certificate.fromBER(view(der)), ca: x509.ca };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, parsed);
  return parsed;
}

function attributes(name: pkijs.RelativeDistinguishedNames): [string, string][] {
  return name.typesAndValues.map((tv) => {
    const v = tv.value as { getValue?: () => unknown }; // an asn1js string block (or anything else)
    const text = typeof v.getValue === 'function' ? String(v.getValue()) : '';
    return [tv.type, text];
  });
}

const formatName = (name: pkijs.RelativeDistinguishedNames) =>
  attributes(name)
    .map(([type, value]) => `${SHORT[type] ?? type}=${value}`)
    .join(', ');

/** Lower-case hex of the serial number without DER sign padding (as `openssl x509 -serial` prints it). */
export function serialHex(c: Cert): string {
  const hex = Buffer.from(c.pki.serialNumber.valueBlock.valueHexView).toString('hex');
  return hex.replace(/^(00)+(?=..)/, '');
}

export function summary(c: Cert): CertSummary {
  return {
    subject: formatName(c.pki.subject),
    issuer: formatName(c.pki.issuer),
    notBefore: c.pki.notBefore.value.toISOString(),
    notAfter: c.pki.notAfter.value.toISOString(),
    serialHex: serialHex(c),
  };
}

export function identity(c: Cert): SignerIdentity {
  const attrs = attributes(c.pki.subject);
  const pick = (oid: string) => attrs.find(([type]) => type === oid)?.[1] ?? null;
  return {
    commonName: pick('2.5.4.3'),
    organisation: pick('2.5.4.10'),
    organisationalUnit: pick('2.5.4.11'),
    title: pick('2.5.4.12'),
    country: pick('2.5.4.6'),
    serialHex: serialHex(c),
    fingerprintSha256: createHash('sha256').update(c.der).digest('hex'),
  };
}

/** Whether `issuer` issued `child`: names match and the child's signature verifies with the issuer's key. */
function issued(child: Cert, issuer: Cert): boolean {
  try {
    return child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

/**
 * The chain from `leaf` towards a trust anchor, using the certificates in `pool` as intermediates. `anchored`
 * when it reaches an anchor (an anchor itself, or a certificate an anchor issued) through CA certificates.
 */
export function buildChain(leaf: Cert, pool: Cert[], anchors: Cert[]): { chain: Cert[]; anchored: boolean } {
  const chain = [leaf];
  for (let current = leaf; chain.length <= 10; ) {
    if (anchors.some((a) => a.der.equals(current.der))) return { chain, anchored: true };
    const anchor = anchors.find((a) => a.ca && issued(current, a));
    if (anchor) return { chain: [...chain, anchor], anchored: true };
    const next = pool.find((p) => p.ca && !chain.includes(p) && issued(current, p));
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return { chain, anchored: false };
}

/** 'ok', or why the certificate was not valid at that time. */
export function validityAt(c: Cert, time: Date): 'ok' | 'expired' | 'not_yet_valid' {
  if (time < c.pki.notBefore.value) return 'not_yet_valid';
  if (time > c.pki.notAfter.value) return 'expired';
  return 'ok';
}

const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
/** Whether the certificate may sign timestamps (extended key usage id-kp-timeStamping). */
export const timeStamping = (c: Cert) => (c.x509.keyUsage ?? []).includes(TIME_STAMPING);

/** Parses trust anchors, skipping what is not a certificate. */
export function parseAnchors(ders: Buffer[]): Cert[] {
  return ders.flatMap((d) => {
    try {
      return [cert(d)];
    } catch {
      return [];
    }
  });
}
