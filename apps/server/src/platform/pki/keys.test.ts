import { randomBytes, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawEcdsaToDer } from './ecdsa.ts';
import { generateSigningKey, SealedKeyError, sealPrivateKey, unsealPrivateKey } from './keys.ts';
import { signerForKey } from './platform-signer.ts';
import { createRootCa, issueCertificate } from './x509.ts';

describe('signing keys', () => {
  it('generates RSA 2048 and P-256 keys', async () => {
    const rsa = await generateSigningKey();
    expect(rsa.algorithm).toBe('rsa');
    expect(rsa.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const ec = await generateSigningKey('ecdsa');
    expect(ec.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('seals and unseals a private key; the sealed form holds no PEM', async () => {
    const secret = randomBytes(32);
    for (const algorithm of ['rsa', 'ecdsa'] as const) {
      const { privateKey } = await generateSigningKey(algorithm);
      const sealed = sealPrivateKey(secret, privateKey);
      expect(sealed).toMatch(/^v1\./);
      expect(sealed).not.toContain('PRIVATE KEY');
      const opened = unsealPrivateKey(secret, sealed);
      expect(opened.equals(privateKey)).toBe(true);
    }
  });

  it('refuses a wrong secret, a tampered value, a short secret and a public key', async () => {
    const secret = randomBytes(32);
    const { privateKey, publicKey } = await generateSigningKey('ecdsa');
    const sealed = sealPrivateKey(secret, privateKey);
    expect(() => unsealPrivateKey(randomBytes(32), sealed)).toThrow(SealedKeyError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.');
    expect(() => unsealPrivateKey(secret, tampered)).toThrow(/could not be opened/);
    expect(() => unsealPrivateKey(secret, 'garbage')).toThrow(SealedKeyError);
    expect(() => sealPrivateKey(randomBytes(16), privateKey)).toThrow(/at least 32 bytes/);
    expect(() => sealPrivateKey(secret, publicKey)).toThrow(/private key/);
  });

  it('signs through the platform signer with a certificate from the platform CA', async () => {
    const root = await createRootCa({
      commonName: 'Root',
      organisation: 'CivicDesk',
      country: 'VN',
      years: 1,
    });
    for (const algorithm of ['rsa', 'ecdsa'] as const) {
      const { privateKey, publicKey } = await generateSigningKey(algorithm);
      const subject = { commonName: 'Trần Văn Bình', organisation: 'Sở Nội vụ', country: 'VN' };
      const cert = await issueCertificate(root, { kind: 'person', subject, publicKey, days: 1 });
      const signer = signerForKey(privateKey, [cert, root.certificate]);
      expect(signer.algorithm).toBe(algorithm);
      const data = randomBytes(100);
      expect(verify('sha256', data, publicKey, await signer.sign(data))).toBe(true);
    }
  });

  it('converts raw ECDSA r||s to DER, padding high bits and trimming leading zeros', async () => {
    const r = Buffer.alloc(32, 0);
    r[1] = 0x80; // one leading zero byte is dropped, then 0x80… needs a 0x00 sign byte
    const s = Buffer.alloc(32, 0x7f);
    const der = rawEcdsaToDer(Buffer.concat([r, s]));
    expect(der.toString('hex')).toBe(`3044022000${r.subarray(1).toString('hex')}0220${s.toString('hex')}`);
    // And against node: P1363 signatures converted here verify as DER (50 tries cover both pad cases).
    const { privateKey, publicKey } = await generateSigningKey('ecdsa');
    for (let i = 0; i < 50; i++) {
      const data = randomBytes(16);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(verify('sha256', data, publicKey, rawEcdsaToDer(raw))).toBe(true);
    }
  });
});
