// Reads PKCS#12 (.p12 / .pfx) files: officials' and agencies' certificates exported from national CAs' tools,
// Windows, Java keytool or `openssl pkcs12 -export` (OpenSSL 3's default PBES2/AES-256 and `-legacy` 3DES/RC2).
// RSA and EC keys alike: the key bag is decoded by Node's OpenSSL, so any PKCS#8 key it knows comes back.
// The ASN.1 walk is done with asn1js directly because real files mix DER and BER (indefinite lengths, chunked
// OCTET STRINGs) and only the password-integrity, password-privacy mode is in use in practice.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { orderChain } from './chain.ts';
import {
  type EncryptionAlgorithm,
  macMatches,
  type Password,
  pbeDecrypt,
  UnsupportedAlgorithmError,
} from './pbe.ts';
import { publicKeyMatches } from './x509.ts';

export type Pkcs12ErrorCode =
  | 'not_pkcs12'
  | 'wrong_password'
  | 'no_key'
  | 'no_matching_certificate'
  | 'unsupported';

export class Pkcs12Error extends Error {
  constructor(
    readonly code: Pkcs12ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

export type Pkcs12Contents = {
  key: KeyObject;
  /** DER certificates: the one certifying `key` first, then its issuers in order as far as the file has them. */
  certificates: Buffer[];
};

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;
// Far above any real certificate bundle; keeps a hostile upload from pinning the CPU in the ASN.1 parser.
const MAX_BYTES = 1024 * 1024;

/** Opens a PKCS#12 file, checks its MAC, decrypts the key and certificates, and orders the chain. */
export function readPkcs12(bytes: Buffer, password: string): Pkcs12Contents {
  const { authSafe, mac } = parsePfx(bytes);
  const chosenPassword = checkMac(authSafe, mac, password);
  const bags = collectBags(authSafe, chosenPassword, mac !== null);
  if (bags.keys.length === 0) throw new Pkcs12Error('no_key', 'the file holds no private key');
  for (const key of bags.keys) {
    const own = bags.certificates.find((cert) => publicKeyMatches(cert, key));
    if (own) return { key, certificates: orderChain(own, bags.certificates) };
  }
  throw new Pkcs12Error('no_matching_certificate', 'no certificate in the file matches its private key');
}

type Mac = { digestOid: string; digest: Buffer; salt: Buffer; iterations: number };

function parsePfx(bytes: Buffer): { authSafe: Buffer; mac: Mac | null } {
  const notPkcs12 = () => new Pkcs12Error('not_pkcs12', 'the file is not a PKCS#12 (.p12/.pfx) file');
  if (bytes.length === 0 || bytes.length > MAX_BYTES) throw notPkcs12();
  try {
    const pfx = children(parse(bytes));
    if (!(pfx[0] instanceof asn1js.Integer) || pfx[0].valueBlock.valueDec !== 3) throw notPkcs12();
    const [type, content] = contentInfo(pfx[1]);
    if (type !== OID.data) {
      throw new Pkcs12Error('unsupported', 'public-key integrity mode (signed PKCS#12) is not supported');
    }
    return { authSafe: octets(content), mac: pfx[2] ? parseMac(pfx[2]) : null };
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw notPkcs12();
  }
}

function parseMac(block: asn1js.AsnType): Mac {
  const [digestInfo, salt, iterations] = children(block);
  const [algorithm, digest] = children(digestInfo);
  const [oid] = children(algorithm);
  return {
    digestOid: oidOf(oid),
    digest: octets(digest),
    salt: octets(salt),
    // iterations INTEGER DEFAULT 1 (RFC 7292 §4): absent in some very old files.
    iterations: iterations instanceof asn1js.Integer ? iterations.valueBlock.valueDec : 1,
  };
}

/**
 * Verifies the MAC and returns the password form that opened it. An empty password is tried both as an
 * empty BMPString and as "no password" because writers disagree (OpenSSL's own reader does the same).
 */
function checkMac(authSafe: Buffer, mac: Mac | null, password: string): Password {
  if (!mac) return password;
  const candidates: Password[] = password === '' ? ['', null] : [password];
  try {
    for (const candidate of candidates) {
      if (macMatches(mac.digestOid, mac.digest, mac.salt, mac.iterations, candidate, authSafe))
        return candidate;
    }
  } catch (error) {
    throw asUnsupported(error);
  }
  throw new Pkcs12Error('wrong_password', 'wrong password for this PKCS#12 file');
}

type Bags = { keys: KeyObject[]; certificates: Buffer[] };

function collectBags(authSafe: Buffer, password: Password, macChecked: boolean): Bags {
  const bags: Bags = { keys: [], certificates: [] };
  try {
    for (const info of children(parse(authSafe))) {
      const [type, content] = contentInfo(info);
      if (type === OID.data) readSafeContents(parse(octets(content)), password, bags);
      else if (type === OID.encryptedData)
        readSafeContents(parse(decryptData(content, password)), password, bags);
      else throw new Pkcs12Error('unsupported', `unsupported PKCS#12 content type ${type}`);
    }
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    if (error instanceof UnsupportedAlgorithmError) throw asUnsupported(error);
    // Without a MAC, a wrong password only shows as a bad pad or as garbage after decryption.
    if (!macChecked) throw new Pkcs12Error('wrong_password', 'wrong password for this PKCS#12 file');
    throw new Pkcs12Error('not_pkcs12', `the PKCS#12 file is damaged (${(error as Error).message})`);
  }
  return bags;
}

function readSafeContents(safeContents: asn1js.AsnType, password: Password, bags: Bags): void {
  for (const bag of children(safeContents)) {
    const [id, value] = children(bag);
    const bagId = oidOf(id);
    const inner = explicitContent(value);
    if (bagId === OID.keyBag) bags.keys.push(pkcs8(Buffer.from(inner.toBER(false))));
    else if (bagId === OID.shroudedKeyBag) bags.keys.push(pkcs8(decryptShroudedKey(inner, password)));
    else if (bagId === OID.certBag) {
      const [certId, certValue] = children(inner);
      // SDSI certificates (certTypes 2) never occur in practice; skip anything but X.509.
      if (oidOf(certId) === OID.x509Certificate) bags.certificates.push(octets(explicitContent(certValue)));
    } else if (bagId === OID.safeContentsBag) readSafeContents(inner, password, bags);
    // CRL and secret bags carry nothing a signer needs.
  }
}

function decryptShroudedKey(block: asn1js.AsnType, password: Password): Buffer {
  const [algorithm, encrypted] = children(block);
  return pbeDecrypt(algorithmIdentifier(algorithm), password, octets(encrypted));
}

/** EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { type, algorithm, [0] IMPLICIT OCTET STRING } } */
function decryptData(block: asn1js.AsnType, password: Password): Buffer {
  const [, encryptedContentInfo] = children(block);
  const [, algorithm, encrypted] = children(encryptedContentInfo);
  if (!encrypted) throw new Error('empty EncryptedData');
  return pbeDecrypt(algorithmIdentifier(algorithm), password, implicitOctets(encrypted));
}

function pkcs8(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function asUnsupported(error: unknown): Error {
  if (error instanceof UnsupportedAlgorithmError) return new Pkcs12Error('unsupported', error.message);
  return error as Error;
}

// ---- small asn1js helpers: every shape mismatch throws, and the callers above map that to an error code ----

function parse(bytes: Buffer): asn1js.AsnType {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parsed = asn1js.fromBER(view);
  if (parsed.offset === -1) throw new Error(parsed.result.error || 'bad ASN.1');
  return parsed.result;
}

function children(block: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!(block instanceof asn1js.Sequence || block instanceof asn1js.Set))
    throw new Error('expected a SEQUENCE');
  return block.valueBlock.value;
}

function contentInfo(block: asn1js.AsnType | undefined): [string, asn1js.AsnType] {
  const [type, content] = children(block);
  return [oidOf(type), explicitContent(content)];
}

/** The single element inside a [0] EXPLICIT wrapper. */
function explicitContent(block: asn1js.AsnType | undefined): asn1js.AsnType {
  if (
    !(block instanceof asn1js.Constructed) ||
    block.idBlock.tagClass !== 3 ||
    block.idBlock.tagNumber !== 0
  ) {
    throw new Error('expected [0] EXPLICIT');
  }
  const [inner] = block.valueBlock.value;
  if (!inner) throw new Error('empty [0] EXPLICIT');
  return inner;
}

/** A [0] IMPLICIT OCTET STRING: primitive, or constructed from OCTET STRING chunks (BER, e.g. from Windows). */
function implicitOctets(block: asn1js.AsnType): Buffer {
  if (block.idBlock.tagClass !== 3 || block.idBlock.tagNumber !== 0) throw new Error('expected [0] IMPLICIT');
  if (block instanceof asn1js.Constructed)
    return Buffer.concat(block.valueBlock.value.map((part) => octets(part)));
  return Buffer.from((block as asn1js.Primitive).valueBlock.valueHexView);
}

function octets(block: asn1js.AsnType | undefined): Buffer {
  if (!(block instanceof asn1js.OctetString)) throw new Error('expected an OCTET STRING');
  return Buffer.from(block.getValue());
}

function oidOf(block: asn1js.AsnType | undefined): string {
  if (!(block instanceof asn1js.ObjectIdentifier)) throw new Error('expected an OBJECT IDENTIFIER');
  return block.valueBlock.toString();
}

function algorithmIdentifier(block: asn1js.AsnType | undefined): EncryptionAlgorithm {
  const [oid, params] = children(block);
  return { oid: oidOf(oid), params: params?.toBER(false) };
}
