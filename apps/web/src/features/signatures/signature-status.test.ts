import type { SignatureReport, VerifyReport } from '@civicdesk/contracts/signatures';
import { describe, expect, it } from 'vitest';
import { problemKey, signatureRole, signatureState, signedAt, verdictOf } from './signature-status.ts';

const sig = (over: Partial<SignatureReport> = {}): SignatureReport => ({
  field: 'signer',
  subFilter: 'ETSI.CAdES.detached',
  signer: {
    commonName: 'Nguyễn Văn A',
    organisation: 'UBND tỉnh',
    organisationalUnit: null,
    title: 'Chủ tịch',
    country: 'VN',
    serialHex: '01',
    fingerprintSha256: 'ab',
  },
  chain: [],
  claimedTime: '2025-01-31T07:00:00Z',
  timestamp: null,
  intact: true,
  coversWholeFile: false,
  trusted: true,
  revoked: null,
  pades: true,
  modifiedAfter: false,
  problems: [],
  ...over,
});

const report = (signatures: SignatureReport[], over: Partial<VerifyReport> = {}): VerifyReport => ({
  isPdf: true,
  revisions: signatures.length + 1,
  signatures,
  altered: false,
  problems: [],
  sha256: 'ff',
  document: null,
  ...over,
});

describe('signatureState', () => {
  it('is valid when intact and trusted', () => expect(signatureState(sig())).toBe('valid'));
  it('is untrusted when intact but not from a trusted chain', () =>
    expect(signatureState(sig({ trusted: false }))).toBe('untrusted'));
  it('is untrusted when its certificate was revoked', () =>
    expect(signatureState(sig({ revoked: { at: '2025-02-01T00:00:00Z', reason: null } }))).toBe('untrusted'));
  it('is altered when the signed bytes changed, trusted or not', () => {
    expect(signatureState(sig({ intact: false }))).toBe('altered');
    expect(signatureState(sig({ trusted: false, modifiedAfter: true }))).toBe('altered');
  });
});

describe('verdictOf', () => {
  it('reads authentic when every signature is valid', () =>
    expect(verdictOf(report([sig(), sig({ field: 'seal' })]))).toBe('authentic'));
  it('reads altered when one signature is broken or the file changed after signing', () => {
    expect(verdictOf(report([sig(), sig({ intact: false })]))).toBe('altered');
    expect(verdictOf(report([sig()], { altered: true }))).toBe('altered');
  });
  it('reads unsigned without signatures and not_pdf for other files', () => {
    expect(verdictOf(report([]))).toBe('unsigned');
    expect(verdictOf(report([], { isPdf: false }))).toBe('not_pdf');
  });
  it('reads untrusted when intact but not all trusted', () =>
    expect(verdictOf(report([sig(), sig({ trusted: false })]))).toBe('untrusted'));
});

describe('labels', () => {
  it('tells the approver from the seal by field name', () => {
    expect(signatureRole(sig())).toBe('approver');
    expect(signatureRole(sig({ field: 'seal' }))).toBe('seal');
    expect(signatureRole(sig({ field: null }))).toBe('other');
  });
  it('translates known problems and falls back for others', () => {
    expect(problemKey('digest_mismatch')).toBe('signatures.problems.digest_mismatch');
    expect(problemKey('something_new')).toBe('signatures.problems.other');
  });
  it('prefers the trusted timestamp to the claimed time', () => {
    expect(signedAt(sig())).toBe('2025-01-31T07:00:00Z');
    const stamped = sig({ timestamp: { time: '2025-01-31T07:01:00Z', authority: 'TSA', valid: true } });
    expect(signedAt(stamped)).toBe('2025-01-31T07:01:00Z');
  });
});
