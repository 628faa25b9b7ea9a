import { findSignatures, intact } from './signatures.ts';

// The post-signing gate (security research §1.6, step 5): a signing step is accepted only when the new file
// starts with the previous file's exact bytes, holds exactly one more signature, that new signature covers
// the whole new file, and every signature — the earlier ones too — is intact. A writer bug or a signer that
// returns something else then fails loudly instead of silently breaking an approved document.

export class SigningGateError extends Error {
  constructor(readonly reasons: string[]) {
    super(`signing gate refused the signed PDF: ${reasons.join('; ')}`);
  }
}

/** Throws a SigningGateError unless `next` is `previous` plus one valid signature that covers all of it. */
export function checkSigningGate(previous: Buffer, next: Buffer): void {
  const reasons: string[] = [];
  if (next.length <= previous.length || !next.subarray(0, previous.length).equals(previous))
    reasons.push('the earlier bytes were changed');
  const before = countSignatureDictionaries(previous);
  const after = findSignatures(next);
  if (after.length !== before + 1) reasons.push(`expected ${before + 1} signatures, found ${after.length}`);
  after.forEach((s, i) => {
    if (!intact(s)) reasons.push(`signature ${i + 1} is not intact (${s.problems.join(', ') || 'invalid'})`);
  });
  const newest = after.at(-1);
  if (newest && newest.coverageEnd !== next.length)
    reasons.push('the new signature does not cover the whole file');
  if (reasons.length > 0) throw new SigningGateError(reasons);
}

/** How many signature dictionaries the file has (found, not verified: the previous file was gated already). */
function countSignatureDictionaries(pdf: Buffer): number {
  return findSignatures(pdf, { check: false }).length;
}
