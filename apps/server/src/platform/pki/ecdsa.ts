// PKCS#11 CKM_ECDSA and WebCrypto return an ECDSA signature as raw r||s (IEEE P1363); CMS and X.509 carry
// it as DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 5753 / RFC 3279).

/** Converts raw r||s (two equal halves) to the DER SEQUENCE { r, s }. */
export function rawEcdsaToDer(raw: Buffer): Buffer {
  if (raw.length === 0 || raw.length % 2 !== 0)
    throw new Error('raw ECDSA signature must have two equal halves');
  const half = raw.length / 2;
  const body = Buffer.concat([derInteger(raw.subarray(0, half)), derInteger(raw.subarray(half))]);
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
}

/** A non-negative big-endian integer: minimal length, with a 0x00 prefix when the top bit is set. */
function derInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  let value = bytes.subarray(start);
  if ((value[0] ?? 0) & 0x80) value = Buffer.concat([Buffer.from([0]), value]);
  return Buffer.concat([Buffer.from([0x02]), derLength(value.length), value]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x100) return Buffer.from([0x81, length]);
  return Buffer.from([0x82, length >> 8, length & 0xff]);
}
