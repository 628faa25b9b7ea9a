import type { SignatureReport, VerifyReport } from '@civicdesk/contracts/signatures';

// How a verification report reads to a person: one verdict for the file, one state per signature. The server
// decides what is intact and trusted; this only chooses the words and colours.

export type SignatureState = 'valid' | 'untrusted' | 'altered';
export type Verdict = 'authentic' | 'altered' | 'unsigned' | 'untrusted' | 'not_pdf';

export const problemCodes = [
  'digest_mismatch',
  'bad_signature',
  'untrusted',
  'revoked',
  'expired',
  'disallowed_changes',
  'timestamp_invalid',
  'not_pdf',
  'no_signatures',
  'malformed_signature',
] as const;

/** Green when intact and from a trusted chain, red when the signed bytes changed, yellow otherwise. */
export function signatureState(sig: SignatureReport): SignatureState {
  if (!sig.intact || sig.modifiedAfter) return 'altered';
  if (!sig.trusted || sig.revoked) return 'untrusted';
  return 'valid';
}

export const stateColor: Record<SignatureState, string> = {
  valid: 'teal',
  untrusted: 'yellow',
  altered: 'red',
};

export function verdictOf(report: VerifyReport): Verdict {
  if (!report.isPdf) return 'not_pdf';
  if (report.signatures.length === 0) return 'unsigned';
  if (report.altered || report.signatures.some((s) => signatureState(s) === 'altered')) return 'altered';
  if (report.signatures.some((s) => signatureState(s) === 'untrusted')) return 'untrusted';
  return 'authentic';
}

export const verdictColor: Record<Verdict, string> = {
  authentic: 'teal',
  altered: 'red',
  unsigned: 'gray',
  untrusted: 'yellow',
  not_pdf: 'gray',
};

/** The approver signs in the `signer` field, the records clerk applies the agency seal in `seal`. */
export function signatureRole(sig: SignatureReport): 'approver' | 'seal' | 'other' {
  const field = sig.field?.toLowerCase() ?? '';
  if (field.startsWith('seal')) return 'seal';
  if (field.startsWith('signer')) return 'approver';
  return 'other';
}

/** The translation key of a problem code; unknown codes get the generic line. */
export const problemKey = (code: string) =>
  (problemCodes as readonly string[]).includes(code)
    ? `signatures.problems.${code}`
    : 'signatures.problems.other';

/** When it was signed: the trusted timestamp when there is one, else the time the signer's software claimed. */
export const signedAt = (sig: SignatureReport) => sig.timestamp?.time ?? sig.claimedTime;

/** Lower-case hex of a file's SHA-256, as the report gives it. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
