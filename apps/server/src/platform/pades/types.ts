// The seams of PDF signing. One signer interface hides where the private key lives (a key sealed by the
// server, a PKCS#12 import, a PKCS#11 token or HSM); the PAdES code only ever sees these types.

export type KeyAlgorithm = 'rsa' | 'ecdsa';

export interface Signer {
  /** DER certificates: the signer's own first, then its issuing chain up to (and including) the root. */
  readonly certificates: Buffer[];
  readonly algorithm: KeyAlgorithm;
  /**
   * Signs `data` (the DER of the CMS signed attributes, as a SET) with SHA-256: RSASSA-PKCS1-v1_5 for RSA,
   * ECDSA returning the DER `SEQUENCE { r, s }` for EC keys. Must not block the event loop for long.
   */
  sign(data: Buffer): Promise<Buffer>;
}

/** An RFC 3161 timestamp authority: returns the DER TimeStampToken (a CMS ContentInfo) over the imprint. */
export type TimestampAuthority = (sha256Imprint: Buffer) => Promise<Buffer>;

/** A rectangle in PDF points on a 0-based page index (the renderer's Box). */
export type FieldRect = { page: number; x: number; y: number; width: number; height: number };

/** What the signature widget shows (drawn into its /AP in the same incremental update as the signature). */
export type Appearance = {
  /** PNG bytes (validated elsewhere); drawn to fit the rect, keeping its aspect ratio. */
  image?: Buffer | null;
  /** One short line of ASCII drawn under the image, e.g. the ISO 8601 signing time. */
  caption?: string | null;
};
