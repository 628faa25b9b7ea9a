import { createHash, randomBytes } from 'node:crypto';
import { OID } from './cms.ts';
import { checkSignerInfo, hashName, parseCms, readTstInfo } from './cms-read.ts';
import { bytesOf, children, oid, readTlv, TAG, tlv } from './der.ts';
import type { TimestampAuthority } from './types.ts';

// An RFC 3161 timestamp client over HTTP (RFC 3161 §3.4): POST application/timestamp-query with a random
// nonce and certReq, then check what came back: status granted, a token over exactly our imprint, our nonce
// echoed, and a token signature that verifies with the certificate it carries. (Whether that TSA is trusted
// is the verifier's question, answered against its trust anchors.)

const TIMEOUT_MS = 15_000;
const MAX_RESPONSE = 256 * 1024;

export class TimestampError extends Error {}

/** A TimestampAuthority that asks the RFC 3161 service at `url`. */
export function httpTimestampAuthority(url: string): TimestampAuthority {
  return async (imprint) => {
    if (imprint.length !== 32) throw new TimestampError('a SHA-256 imprint is 32 bytes');
    const nonce = randomBytes(8);
    nonce[0]! &= 0x7f; // a positive INTEGER with no leading zero byte to strip
    nonce[0]! |= 0x01;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(timestampRequest(imprint, nonce)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((e: unknown) => {
      throw new TimestampError(`timestamp authority unreachable: ${(e as Error).message}`);
    });
    if (!res.ok) throw new TimestampError(`timestamp authority answered HTTP ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_RESPONSE) throw new TimestampError('timestamp response too large');
    return checkResponse(body, imprint, nonce);
  };
}

/** TimeStampReq { version 1, messageImprint { sha256, imprint }, nonce, certReq TRUE }. */
export function timestampRequest(imprint: Buffer, nonce: Buffer): Buffer {
  const messageImprint = tlv(TAG.sequence, tlv(TAG.sequence, oid(OID.sha256)), tlv(TAG.octetString, imprint));
  return tlv(
    TAG.sequence,
    tlv(TAG.integer, Buffer.from([1])),
    messageImprint,
    tlv(TAG.integer, nonce),
    tlv(0x01, Buffer.from([0xff])), // certReq: the TSA certificate goes into the token
  );
}

/** Checks a TimeStampResp and returns its token's exact DER. */
export function checkResponse(body: Buffer, imprint: Buffer, nonce: Buffer): Buffer {
  let token: Buffer;
  let status: number;
  try {
    const resp = readTlv(body, 0);
    const [statusInfo, tokenTlv] = children(body, resp);
    const statusTlv = statusInfo ? children(body, statusInfo)[0] : undefined;
    if (!statusTlv || statusTlv.tag !== TAG.integer) throw new Error('no status');
    status = body.readUIntBE(statusTlv.contentStart, Math.min(6, statusTlv.end - statusTlv.contentStart));
    token = tokenTlv ? Buffer.from(bytesOf(body, tokenTlv)) : Buffer.alloc(0);
  } catch {
    throw new TimestampError('timestamp response is not a TimeStampResp');
  }
  // 0 granted, 1 grantedWithMods; 2 rejection, 3 waiting, 4/5 revocation warnings/notification.
  if (status > 1) throw new TimestampError(`timestamp authority refused the request (status ${status})`);
  if (token.length === 0) throw new TimestampError('timestamp response has no token');
  let cms: ReturnType<typeof parseCms>;
  let info: ReturnType<typeof readTstInfo>;
  try {
    cms = parseCms(token);
    info = readTstInfo(cms);
  } catch {
    throw new TimestampError('timestamp token is malformed');
  }
  if (info.imprintAlgorithm !== OID.sha256 || !info.imprint.equals(imprint))
    throw new TimestampError('timestamp token is over a different imprint');
  if (!info.nonce || !stripZeros(info.nonce).equals(stripZeros(nonce)))
    throw new TimestampError('timestamp token does not echo our nonce');
  const hash = hashName(cms.digestAlgorithm);
  const content = cms.eContent!;
  const checked = hash ? checkSignerInfo(cms, createHash(hash).update(content).digest(), content) : null;
  if (!checked?.digestOk || !checked.signatureOk)
    throw new TimestampError('timestamp token signature is invalid');
  return token;
}

const stripZeros = (b: Buffer) => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
};
