// Password-based encryption and MAC for PKCS#12 (RFC 7292) and PKCS#5 PBES2 (RFC 8018), on node:crypto.
// OpenSSL 3 writes PBES2 (PBKDF2-HMAC-SHA256 + AES-256-CBC) with an HMAC-SHA256 MAC by default; `-legacy`,
// Windows and token-vendor tools write the PKCS#12 PBE schemes (SHA-1 KDF + 3DES or RC2). Both are read here.
import { createDecipheriv, createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import { rc2CbcDecrypt } from './rc2.ts';

/** An AlgorithmIdentifier with its parameters still DER-encoded (decoded here, per scheme). */
export type EncryptionAlgorithm = { oid: string; params: ArrayBuffer | undefined };

export class UnsupportedAlgorithmError extends Error {}

/**
 * A password, or null for "no password". PKCS#12 tells them apart (an empty BMPString still has its NUL
 * terminator) and writers disagree about which one an empty password means, so readers try both.
 */
export type Password = string | null;

const HASHES: Record<string, { name: string; blockSize: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', blockSize: 64 },
  '2.16.840.1.101.3.4.2.4': { name: 'sha224', blockSize: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', blockSize: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', blockSize: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', blockSize: 128 },
};
const PRFS: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const PBES2_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
// pbeWithSHAAnd… (RFC 7292 Appendix C). RC4 and 2-key 3DES are not offered: nothing current writes them.
const PKCS12_PBE: Record<string, { cipher: 'des-ede3-cbc' | 'rc2'; keyLength: number }> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5 },
};
const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
// Bounds a hostile file's iteration count: real files use 2,048–600,000; more only burns CPU.
const MAX_ITERATIONS = 10_000_000;

/** Decrypts `data` under a PBES2 or PKCS#12 PBE AlgorithmIdentifier; a wrong password throws 'bad decrypt'. */
export function pbeDecrypt(algorithm: EncryptionAlgorithm, password: Password, data: Buffer): Buffer {
  if (algorithm.oid === PBES2) return pbes2Decrypt(algorithm.params, password, data);
  const scheme = PKCS12_PBE[algorithm.oid];
  if (!scheme) throw new UnsupportedAlgorithmError(`unsupported PKCS#12 encryption ${algorithm.oid}`);
  const [salt, iterations] = saltAndIterations(algorithm.params);
  const sha1 = HASHES['1.3.14.3.2.26'] ?? { name: 'sha1', blockSize: 64 };
  const key = pkcs12Kdf(sha1, password, salt, iterations, 1, scheme.keyLength);
  const iv = pkcs12Kdf(sha1, password, salt, iterations, 2, 8);
  if (scheme.cipher === 'rc2') return rc2CbcDecrypt(key, scheme.keyLength * 8, iv, data);
  return decipher(scheme.cipher, key, iv, data);
}

/** Verifies the PKCS#12 MacData (HMAC keyed by the RFC 7292 KDF, id 3). False means a wrong password. */
export function macMatches(
  digestOid: string,
  expected: Buffer,
  salt: Buffer,
  iterations: number,
  password: Password,
  content: Buffer,
): boolean {
  const hash = HASHES[digestOid];
  if (!hash) throw new UnsupportedAlgorithmError(`unsupported PKCS#12 MAC digest ${digestOid}`);
  checkIterations(iterations);
  const size = createHash(hash.name).digest().length;
  const key = pkcs12Kdf(hash, password, salt, iterations, 3, size);
  const actual = createHmac(hash.name, key).update(content).digest();
  return actual.length === expected.length && actual.equals(expected);
}

function pbes2Decrypt(params: ArrayBuffer | undefined, password: Password, data: Buffer): Buffer {
  const seq = sequence(params, 'PBES2 parameters');
  const [kdf, scheme] = [algorithmOf(seq[0]), algorithmOf(seq[1])];
  if (kdf.oid !== PBKDF2) throw new UnsupportedAlgorithmError(`unsupported PBES2 key derivation ${kdf.oid}`);
  const cipher = PBES2_CIPHERS[scheme.oid];
  if (!cipher) throw new UnsupportedAlgorithmError(`unsupported PBES2 cipher ${scheme.oid}`);
  const kdfParams = sequence(kdf.params, 'PBKDF2 parameters');
  const salt = octets(kdfParams[0], 'PBKDF2 salt');
  const iterations = integer(kdfParams[1], 'PBKDF2 iterations');
  checkIterations(iterations);
  // keyLength is optional and the PRF defaults to HMAC-SHA1 (RFC 8018 A.2); skip the INTEGER when present.
  const prfBlock = kdfParams.slice(2).find((block) => block instanceof asn1js.Sequence);
  const prfOid = prfBlock ? algorithmOf(prfBlock).oid : '1.2.840.113549.2.7';
  const prf = PRFS[prfOid];
  if (!prf) throw new UnsupportedAlgorithmError(`unsupported PBKDF2 PRF ${prfOid}`);
  const iv = octets(asn1js.fromBER(scheme.params ?? new ArrayBuffer(0)).result, 'PBES2 IV');
  // RFC 8018 hands the password to PBKDF2 as octets; OpenSSL and Windows use its UTF-8 bytes.
  const key = pbkdf2Sync(Buffer.from(password ?? '', 'utf8'), salt, iterations, cipher.keyLength, prf);
  return decipher(cipher.name, key, iv, data);
}

/**
 * RFC 7292 Appendix B.2 key derivation. The password is BMPString (UTF-16BE) with a two-byte NUL terminator,
 * which is why a Vietnamese or Korean password must be encoded here rather than as UTF-8.
 */
export function pkcs12Kdf(
  hash: { name: string; blockSize: number },
  password: Password,
  salt: Buffer,
  iterations: number,
  id: 1 | 2 | 3,
  length: number,
): Buffer {
  checkIterations(iterations);
  const v = hash.blockSize;
  const bmp = password === null ? Buffer.alloc(0) : Buffer.from(`${password}\0`, 'utf16le').swap16();
  const fill = (source: Buffer) => {
    const out = Buffer.alloc(source.length === 0 ? 0 : v * Math.ceil(source.length / v));
    for (let i = 0; i < out.length; i++) out[i] = source[i % source.length] ?? 0;
    return out;
  };
  const input = Buffer.concat([fill(salt), fill(bmp)]);
  const diversifier = Buffer.alloc(v, id);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < length; ) {
    let a = createHash(hash.name).update(diversifier).update(input).digest();
    for (let i = 1; i < iterations; i++) a = createHash(hash.name).update(a).digest();
    blocks.push(a);
    produced += a.length;
    // I_j = (I_j + B + 1) mod 2^(8v), with B = A repeated to v bytes, for every v-byte block of I.
    const b = fill(a).subarray(0, v);
    for (let offset = 0; offset < input.length; offset += v) {
      let carry = 1;
      for (let i = v - 1; i >= 0; i--) {
        const sum = (input[offset + i] ?? 0) + (b[i] ?? 0) + carry;
        input[offset + i] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function decipher(name: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const d = createDecipheriv(name, key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}

function saltAndIterations(params: ArrayBuffer | undefined): [Buffer, number] {
  const seq = sequence(params, 'PKCS#12 PBE parameters');
  const iterations = integer(seq[1], 'PBE iterations');
  checkIterations(iterations);
  return [octets(seq[0], 'PBE salt'), iterations];
}

function checkIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new Error(`unreasonable iteration count ${iterations}`);
  }
}

function sequence(der: ArrayBuffer | undefined, what: string): asn1js.AsnType[] {
  const parsed = der ? asn1js.fromBER(der) : null;
  if (!parsed || parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence))
    throw new Error(`bad ${what}`);
  return parsed.result.valueBlock.value;
}

function algorithmOf(block: asn1js.AsnType | undefined): EncryptionAlgorithm {
  if (!(block instanceof asn1js.Sequence)) throw new Error('bad AlgorithmIdentifier');
  const [oid, params] = block.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier)) throw new Error('bad AlgorithmIdentifier');
  return { oid: oid.valueBlock.toString(), params: params?.toBER(false) };
}

function octets(block: asn1js.AsnType | undefined, what: string): Buffer {
  if (!(block instanceof asn1js.OctetString)) throw new Error(`bad ${what}`);
  return Buffer.from(block.getValue());
}

function integer(block: asn1js.AsnType | undefined, what: string): number {
  if (!(block instanceof asn1js.Integer)) throw new Error(`bad ${what}`);
  return block.valueBlock.valueDec;
}
