// Minimal DER (ITU-T X.690) writing and walking. The CMS the signer produces is built from exact bytes: the
// certificates, issuer name and serial number are copied verbatim from the certificate DER (re-encoding a
// parsed certificate could change its bytes), and SET OF is sorted as DER requires, because verifiers such
// as OpenSSL re-encode the signed attributes before checking the signature.

/** A Buffer as the ArrayBuffer-backed view the pkijs/asn1js signatures ask for (no copy). */
export const view = (b: Buffer) => b as unknown as Uint8Array<ArrayBuffer>;

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1,
  context4: 0xa4,
} as const;

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV with the given tag around the concatenated parts. */
export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

/** A SET OF (or an IMPLICIT-tagged one): members sorted by their encodings, as DER requires. */
export const setOf = (tag: number, members: Buffer[]) => tlv(tag, ...[...members].sort(Buffer.compare));

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(out));
}

export type Tlv = {
  tag: number;
  /** Offsets in the buffer: the whole element, and its contents. */
  start: number;
  contentStart: number;
  end: number;
};

/** Reads the element at `at` (definite lengths only, which DER guarantees). */
export function readTlv(buf: Buffer, at: number): Tlv {
  const tag = buf[at];
  let len = buf[at + 1];
  if (tag === undefined || len === undefined || (tag & 0x1f) === 0x1f) throw new Error('malformed DER');
  let contentStart = at + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4) throw new Error('malformed DER length');
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + buf[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + len;
  if (end > buf.length) throw new Error('truncated DER');
  return { tag, start: at, contentStart, end };
}

/** The children of a constructed element. */
export function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = readTlv(buf, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

export const bytesOf = (buf: Buffer, t: Tlv) => buf.subarray(t.start, t.end);

/** The issuer Name and serialNumber INTEGER of a certificate, as their exact DER. */
export function issuerAndSerial(certDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const cert = readTlv(certDer, 0);
  const tbs = children(certDer, cert)[0];
  if (!tbs) throw new Error('malformed certificate');
  const fields = children(certDer, tbs);
  const first = fields[0]?.tag === TAG.context0 ? 1 : 0; // [0] EXPLICIT version
  const serial = fields[first];
  const issuer = fields[first + 2];
  if (serial?.tag !== TAG.integer || issuer?.tag !== TAG.sequence) throw new Error('malformed certificate');
  return { issuer: bytesOf(certDer, issuer), serial: bytesOf(certDer, serial) };
}
