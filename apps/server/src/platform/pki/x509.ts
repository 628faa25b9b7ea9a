// A deployment's own platform PKI: a root CA, one issuing CA per agency, and end-entity certificates for
// officials (person), agency seals (seal) and the local timestamp authority (tsa). National CAs (Ban Cơ yếu
// Chính phủ / NEAC in Vietnam, GPKI in Korea) stay the trust anchors for legally binding signatures; this PKI
// covers deployments without them, tests, and internal seals. Certificates are built with @peculiar/x509 on
// Node's WebCrypto, so no private key ever leaves a KeyObject / CryptoKey in this process.
import {
  createPublicKey,
  type KeyObject,
  X509Certificate as NodeX509,
  randomBytes,
  webcrypto,
} from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { KeyAlgorithm } from '../pades/types.ts';
import { generateCaKey, keyAlgorithmOf, toCryptoKey } from './keys.ts';

export type CertificateAuthority = { certificate: Buffer; key: KeyObject };
export type CaOptions = {
  commonName: string;
  organisation: string;
  country: string;
  years: number;
  /** Key type of the new CA key; RSA 3072 by default, P-384 for 'ecdsa'. */
  algorithm?: KeyAlgorithm;
};
export type SubjectFields = {
  commonName: string;
  organisation: string;
  organisationalUnit?: string;
  title?: string;
  country: string;
  email?: string;
};
export type CertificateKind = 'person' | 'seal' | 'tsa';
export type IssueOptions = {
  kind: CertificateKind;
  subject: SubjectFields;
  publicKey: KeyObject;
  days: number;
};
export type CertificateDescription = {
  subject: {
    commonName: string | null;
    organisation: string | null;
    organisationalUnit: string | null;
    title: string | null;
    country: string | null;
    email: string | null;
  };
  issuerCommonName: string | null;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
  isCa: boolean;
  /** 'rsa' or 'ecdsa' for keys that can sign here; otherwise Node's name for the key type (e.g. 'ed25519'). */
  keyAlgorithm: string;
};

const OID = {
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  title: '2.5.4.12',
  country: '2.5.4.6',
  email: '1.2.840.113549.1.9.1',
} as const;

// Node's WebCrypto is the provider; typed through unknown because @peculiar/x509 expects the DOM's Crypto type.
const crypto = webcrypto as unknown as Crypto;
// Issued certificates start a few minutes in the past so a verifier whose clock lags slightly still accepts them.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Creates a self-signed root CA (pathLen 1: root → agency issuing CA → end entity, nothing deeper). */
export async function createRootCa(options: CaOptions): Promise<CertificateAuthority> {
  const keys = await generateCaKey(options.algorithm);
  const name = buildName(options);
  const ski = await x509.SubjectKeyIdentifierExtension.create(view(spki(keys.publicKey)), false, crypto);
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerialHex(),
      subject: name,
      issuer: name,
      ...validity(yearsFromNow(options.years)),
      publicKey: view(spki(keys.publicKey)),
      signingKey: await toCryptoKey(keys.privateKey),
      signingAlgorithm: signingAlgorithm(keys.privateKey),
      extensions: [
        new x509.BasicConstraintsExtension(true, 1, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        ski,
        new x509.AuthorityKeyIdentifierExtension(ski.keyId),
      ],
    },
    crypto,
  );
  return { certificate: Buffer.from(cert.rawData), key: keys.privateKey };
}

/** Creates a per-agency issuing CA under `parent`; pathLen 0 so it can only issue end-entity certificates. */
export async function createIssuingCa(
  parent: CertificateAuthority,
  options: CaOptions,
): Promise<CertificateAuthority> {
  const keys = await generateCaKey(options.algorithm);
  const certificate = await signCertificate(parent, {
    subject: buildName(options),
    publicKey: keys.publicKey,
    notAfter: yearsFromNow(options.years),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { certificate, key: keys.privateKey };
}

/** Issues an end-entity certificate for an official, an agency seal, or the timestamp authority. Returns DER. */
export async function issueCertificate(issuer: CertificateAuthority, options: IssueOptions): Promise<Buffer> {
  if (!Number.isFinite(options.days) || options.days <= 0) throw new Error('days must be a positive number');
  keyAlgorithmOf(options.publicKey);
  return signCertificate(issuer, {
    subject: buildName(options.subject),
    publicKey: options.publicKey,
    notAfter: new Date(Date.now() + options.days * 86_400_000),
    extensions: endEntityExtensions(options),
  });
}

function endEntityExtensions(options: IssueOptions): x509.Extension[] {
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(false, undefined, true)];
  if (options.kind === 'tsa') {
    // RFC 3161 §2.3: a TSA certificate must carry exactly one EKU, timeStamping, marked critical.
    extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true));
    extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true));
  } else {
    // Document signatures (person and agency seal): non-repudiation is what PAdES validators look for.
    const usages = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
    extensions.push(new x509.KeyUsagesExtension(usages, true));
  }
  const email = options.subject.email?.trim();
  if (email) extensions.push(new x509.SubjectAlternativeNameExtension([{ type: 'email', value: email }]));
  return extensions;
}

type SignRequest = { subject: x509.Name; publicKey: KeyObject; notAfter: Date; extensions: x509.Extension[] };

/** Signs a certificate with `issuer`: issuer DN copied byte-for-byte, AKI = the issuer's SKI, validity clamped. */
async function signCertificate(issuer: CertificateAuthority, request: SignRequest): Promise<Buffer> {
  const issuerCert = new x509.X509Certificate(view(issuer.certificate));
  if (!publicKeyMatches(issuer.certificate, issuer.key))
    throw new Error('the issuer key does not match its certificate');
  const issuerSki = issuerCert.getExtension(x509.SubjectKeyIdentifierExtension);
  const aki = issuerSki
    ? new x509.AuthorityKeyIdentifierExtension(issuerSki.keyId)
    : await x509.AuthorityKeyIdentifierExtension.create(issuerCert.publicKey, false, crypto);
  // A certificate must not outlive its issuer; path validation would reject the tail anyway.
  const notAfter = new Date(Math.min(request.notAfter.getTime(), issuerCert.notAfter.getTime()));
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerialHex(),
      subject: request.subject,
      issuer: issuerCert.subjectName,
      ...validity(notAfter),
      publicKey: view(spki(request.publicKey)),
      signingKey: await toCryptoKey(issuer.key),
      signingAlgorithm: signingAlgorithm(issuer.key),
      extensions: [
        ...request.extensions,
        await x509.SubjectKeyIdentifierExtension.create(view(spki(request.publicKey)), false, crypto),
        aki,
      ],
    },
    crypto,
  );
  return Buffer.from(cert.rawData);
}

/**
 * Builds the DN as C, O, OU, title, CN, emailAddress. Every free-text value is a UTF8String (RFC 5280 §4.1.2.6)
 * normalised to NFC, so Vietnamese typed with combining marks compares equal to the precomposed form and
 * Hangul survives; country stays PrintableString and email IA5String as the ASN.1 definitions require.
 */
function buildName(fields: Omit<SubjectFields, 'email'> & { email?: string }): x509.Name {
  const text = (value: string | undefined, label: string, required: boolean) => {
    const clean = value?.normalize('NFC').trim() ?? '';
    if (required && !clean) throw new Error(`${label} is required`);
    return clean;
  };
  const country = text(fields.country, 'country', true).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new Error('country must be an ISO 3166 two-letter code');
  const rdns: x509.JsonNameParams = [{ [OID.country]: [{ printableString: country }] }];
  const optional: [string, string][] = [
    [OID.organisation, text(fields.organisation, 'organisation', true)],
    [OID.organisationalUnit, text(fields.organisationalUnit, 'organisationalUnit', false)],
    [OID.title, text(fields.title, 'title', false)],
    [OID.commonName, text(fields.commonName, 'commonName', true)],
  ];
  for (const [oid, value] of optional) if (value) rdns.push({ [oid]: [{ utf8String: value }] });
  const email = text(fields.email, 'email', false);
  if (email) {
    if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(email)) throw new Error('email must be an ASCII address');
    rdns.push({ [OID.email]: [{ ia5String: email }] });
  }
  return new x509.Name(rdns);
}

/** Summarises a DER certificate for screens and audit records. Throws on anything that is not one. */
export function describeCertificate(der: Buffer): CertificateDescription {
  const node = new NodeX509(der);
  const parsed = new x509.X509Certificate(view(der));
  const field = (name: x509.Name, oid: string) => name.getField(oid)[0] ?? null;
  const keyType = node.publicKey.asymmetricKeyType ?? 'unknown';
  return {
    subject: {
      commonName: field(parsed.subjectName, OID.commonName),
      organisation: field(parsed.subjectName, OID.organisation),
      organisationalUnit: field(parsed.subjectName, OID.organisationalUnit),
      title: field(parsed.subjectName, OID.title),
      country: field(parsed.subjectName, OID.country),
      email: field(parsed.subjectName, OID.email),
    },
    issuerCommonName: field(parsed.issuerName, OID.commonName),
    serialHex: node.serialNumber.toLowerCase(),
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    fingerprintSha256: node.fingerprint256.replaceAll(':', '').toLowerCase(),
    isCa: node.ca,
    keyAlgorithm: keyType === 'rsa' ? 'rsa' : keyType === 'ec' ? 'ecdsa' : keyType,
  };
}

/** True when `key` (private or public) is the key pair certified by `certDer`: compares the SPKI encodings. */
export function publicKeyMatches(certDer: Buffer, key: KeyObject): boolean {
  const certKey = new NodeX509(certDer).publicKey.export({ type: 'spki', format: 'der' });
  return certKey.equals(spki(key));
}

/** A copy on its own ArrayBuffer: @peculiar/x509 takes BufferSource, which a pooled Buffer does not satisfy. */
function view(bytes: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

function spki(key: KeyObject): Buffer {
  return (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' });
}

function signingAlgorithm(key: KeyObject): webcrypto.RsaHashedImportParams | webcrypto.EcdsaParams {
  if (keyAlgorithmOf(key) === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  // Match the hash strength to the curve (P-384 CA keys sign with SHA-384, as CA/B and ETSI profiles expect).
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return {
    name: 'ECDSA',
    hash: curve === 'secp384r1' ? 'SHA-384' : curve === 'secp521r1' ? 'SHA-512' : 'SHA-256',
  };
}

/** 16 random bytes, top bit clear (positive INTEGER) and second bit set (DER keeps all 16 bytes). */
function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

function yearsFromNow(years: number): Date {
  if (!Number.isInteger(years) || years <= 0 || years > 50)
    throw new Error('years must be a whole number from 1 to 50');
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
}

function validity(notAfter: Date): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(Date.now() - CLOCK_SKEW_MS), notAfter };
}
