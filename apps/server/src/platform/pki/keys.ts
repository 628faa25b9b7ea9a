import { createPrivateKey, generateKeyPair, type KeyObject, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import type { KeyAlgorithm } from '../pades/types.ts';
import { seal, unseal } from '../seal.ts';

export type SigningKeyPair = { algorithm: KeyAlgorithm; privateKey: KeyObject; publicKey: KeyObject };

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * A fresh signing key pair: RSA 2048 (what VN/KR national CAs still issue most) or ECDSA P-256.
 * The async form runs key generation on libuv's thread pool, so RSA prime search never blocks the event loop.
 */
export async function generateSigningKey(algorithm: KeyAlgorithm = 'rsa'): Promise<SigningKeyPair> {
  const { privateKey, publicKey } =
    algorithm === 'rsa'
      ? await generateKeyPairAsync('rsa', { modulusLength: 2048, publicExponent: 0x10001 })
      : await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
  return { algorithm, privateKey, publicKey };
}

/** CA keys live for 10–20 years, so they get RSA 3072 (NIST SP 800-57 beyond 2030) rather than 2048. */
export async function generateCaKey(algorithm: KeyAlgorithm = 'rsa'): Promise<SigningKeyPair> {
  const { privateKey, publicKey } =
    algorithm === 'rsa'
      ? await generateKeyPairAsync('rsa', { modulusLength: 3072, publicExponent: 0x10001 })
      : await generateKeyPairAsync('ec', { namedCurve: 'P-384' });
  return { algorithm, privateKey, publicKey };
}

/** Maps a Node key to the Signer seam's algorithm names; anything else (Ed25519, DSA) is refused early. */
export function keyAlgorithmOf(key: KeyObject): KeyAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'rsa';
  if (key.asymmetricKeyType === 'ec') return 'ecdsa';
  throw new Error(`unsupported key type ${key.asymmetricKeyType ?? key.type}: only RSA and EC keys can sign`);
}

/** The WebCrypto algorithm that produces the signatures the Signer seam promises (SHA-256 always). */
export function webCryptoAlgorithm(
  key: KeyObject,
): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams {
  if (keyAlgorithmOf(key) === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const namedCurve =
    curve === 'prime256v1'
      ? 'P-256'
      : curve === 'secp384r1'
        ? 'P-384'
        : curve === 'secp521r1'
          ? 'P-521'
          : null;
  if (!namedCurve) throw new Error(`unsupported EC curve ${curve}`);
  return { name: 'ECDSA', namedCurve };
}

/** Node 20 has no KeyObject.toCryptoKey, so go through PKCS#8 / SPKI DER (in memory only). */
export async function toCryptoKey(key: KeyObject): Promise<webcrypto.CryptoKey> {
  const algorithm = webCryptoAlgorithm(key);
  if (key.type === 'private') {
    const der = key.export({ type: 'pkcs8', format: 'der' });
    return webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
  }
  const der = key.export({ type: 'spki', format: 'der' });
  return webcrypto.subtle.importKey('spki', der, algorithm, true, ['verify']);
}

export class SealedKeyError extends Error {
  readonly code = 'sealed_key_unreadable';
}

function checkSecret(secret: Buffer): void {
  // seal.ts uses the first 32 bytes as the AES-256 key; a shorter secret would be a weaker (or invalid) key.
  if (secret.length < 32) throw new Error('the sealing secret must be at least 32 bytes');
}

/**
 * Private keys are never stored in clear: PKCS#8 PEM sealed with AES-256-GCM under the server secret.
 * The result is a compact ASCII string (seal.ts's v1 format) safe to keep in a text column.
 */
export function sealPrivateKey(secret: Buffer, key: KeyObject): string {
  checkSecret(secret);
  if (key.type !== 'private') throw new Error('only a private key can be sealed');
  const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  return seal(secret, pem);
}

/** Opens a sealed key; a wrong secret or a tampered value fails GCM authentication and throws SealedKeyError. */
export function unsealPrivateKey(secret: Buffer, sealed: string): KeyObject {
  checkSecret(secret);
  let pem: string;
  try {
    pem = unseal(secret, sealed);
  } catch {
    throw new SealedKeyError(
      'the sealed private key could not be opened (wrong server secret or damaged value)',
    );
  }
  return createPrivateKey({ key: pem, format: 'pem' });
}
