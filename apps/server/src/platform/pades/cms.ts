import { createHash } from 'node:crypto';
import { issuerAndSerial, oid, setOf, TAG, tlv } from './der.ts';
import type { Signer, TimestampAuthority } from './types.ts';

// The CMS of a PAdES baseline signature (ETSI EN 319 142-1 B-B / B-T; RFC 5652): detached SignedData over
// the PDF's ByteRange digest; signed attributes exactly content-type, message-digest and ESS
// signing-certificate-v2 (RFC 5035). No signing-time: PAdES forbids it (the claimed time is the /M entry of
// the signature dictionary). B-T adds an RFC 3161 signature-time-stamp over SignerInfo.signature as an
// unsigned attribute.

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** A CMS SignedData as the readers (cms-read.ts, cms-ber.ts) return it. */
export type ParsedCms = {
  /** Every certificate in SignedData.certificates, as its original DER. */
  certificates: Buffer[];
  /** The certificate the SignerInfo identifies (issuer+serial or subject key identifier), if present. */
  signerCert: Buffer | null;
  digestAlgorithm: string;
  signatureAlgorithm: { oid: string; params: Buffer | null };
  /** The signed attributes as the DER SET that was signed; null when the content itself was signed. */
  signedAttrs: Buffer | null;
  /** Attribute OID → the DER of each of its values. */
  signed: Map<string, Buffer[]>;
  unsigned: Map<string, Buffer[]>;
  signature: Buffer;
  eContentType: string;
  /** Encapsulated content (a TSTInfo in a timestamp token); null when detached. */
  eContent: Buffer | null;
};

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
const attribute = (type: string, value: Buffer) => tlv(TAG.sequence, oid(type), setOf(TAG.set, [value]));
const sha256Id = tlv(TAG.sequence, oid(OID.sha256)); // parameters absent (RFC 5754)

function signatureAlgorithm(signer: Signer): Buffer {
  if (signer.algorithm === 'rsa') return tlv(TAG.sequence, oid(OID.sha256WithRsa), tlv(TAG.null));
  return tlv(TAG.sequence, oid(OID.ecdsaWithSha256));
}

/** ESS signing-certificate-v2: the SHA-256 of the signer's certificate and its issuer/serial (hash alg default). */
function signingCertificateV2(certDer: Buffer, issuer: Buffer, serial: Buffer): Buffer {
  const generalNames = tlv(TAG.sequence, tlv(TAG.context4, issuer)); // GeneralNames { directoryName }
  const essCertIdV2 = tlv(
    TAG.sequence,
    tlv(TAG.octetString, sha256(certDer)),
    tlv(TAG.sequence, generalNames, serial),
  );
  return tlv(TAG.sequence, tlv(TAG.sequence, essCertIdV2));
}

/** The signed attributes, DER-sorted; what is signed is their encoding as a SET (RFC 5652 §5.4). */
export function signedAttributes(contentDigest: Buffer, certDer: Buffer): Buffer[] {
  const { issuer, serial } = issuerAndSerial(certDer);
  return [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, tlv(TAG.octetString, contentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(certDer, issuer, serial)),
  ];
}

/**
 * The DER ContentInfo of a detached PAdES SignedData over content whose SHA-256 is `contentDigest`.
 * With a TSA, the signature value is timestamped (B-T).
 */
export async function buildCms(opts: {
  contentDigest: Buffer;
  signer: Signer;
  tsa?: TimestampAuthority;
}): Promise<Buffer> {
  const { signer } = opts;
  const [certDer, ...chain] = signer.certificates;
  if (!certDer) throw new Error('the signer has no certificate');
  const attrs = signedAttributes(opts.contentDigest, certDer);
  const signature = await signer.sign(setOf(TAG.set, attrs));
  const unsigned = opts.tsa
    ? [setOf(TAG.context1, [attribute(OID.signatureTimeStamp, await opts.tsa(sha256(signature)))])]
    : [];
  const { issuer, serial } = issuerAndSerial(certDer);
  const signerInfo = tlv(
    TAG.sequence,
    tlv(TAG.integer, Buffer.from([1])),
    tlv(TAG.sequence, issuer, serial), // IssuerAndSerialNumber
    sha256Id,
    setOf(TAG.context0, attrs), // [0] IMPLICIT SET OF Attribute
    signatureAlgorithm(signer),
    tlv(TAG.octetString, signature),
    ...unsigned,
  );
  const signedData = tlv(
    TAG.sequence,
    tlv(TAG.integer, Buffer.from([1])),
    tlv(TAG.set, sha256Id),
    tlv(TAG.sequence, oid(OID.data)), // encapContentInfo without eContent: detached
    tlv(TAG.context0, certDer, ...chain), // [0] IMPLICIT certificates, the signer's first, in the given order
    tlv(TAG.set, signerInfo),
  );
  return tlv(TAG.sequence, oid(OID.signedData), tlv(TAG.context0, signedData));
}
