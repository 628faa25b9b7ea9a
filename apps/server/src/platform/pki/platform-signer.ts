import type { KeyObject } from 'node:crypto';
import { keySigner } from '../pades/key-signer.ts';
import type { Signer } from '../pades/types.ts';

// The PKI side's one door to an in-process Signer: a key unsealed from the database (platform CA issued) or
// read from a PKCS#12 file. Token keys go through openPkcs11Signer instead. The signing itself lives in
// pades/key-signer.ts so there is exactly one implementation of "sign CMS signed attributes with a KeyObject".

/** A Signer for `key`; `certificates` is the signer's certificate first, then its chain up to the root. */
export function signerForKey(key: KeyObject, certificates: Buffer[]): Signer {
  return keySigner(key, certificates);
}
