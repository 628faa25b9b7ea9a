import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  isLocked,
  lockout,
  requiresSecondFactor,
  stageAfterPassword,
} from './identity.policy.ts';

describe('identity policy', () => {
  const now = new Date('2026-01-01T00:00:00Z');

  it('locks after the fifth consecutive failure, for fifteen minutes', () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < lockout.maxFailures; i++) {
      state = afterFailure(state.failedLogins, now);
      expect(state).toEqual({ failedLogins: i, lockedUntil: null });
    }
    state = afterFailure(state.failedLogins, now);
    expect(state.lockedUntil?.toISOString()).toBe('2026-01-01T00:15:00.000Z');
    expect(isLocked(state.lockedUntil, now)).toBe(true);
    expect(isLocked(state.lockedUntil, new Date('2026-01-01T00:15:00.001Z'))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });

  it('requires a second factor for admins, MFA roles and remote access', () => {
    for (const isPlatformAdmin of [true, false])
      for (const hasMfaRole of [true, false])
        for (const fromTrustedNetwork of [true, false]) {
          const expected = isPlatformAdmin || hasMfaRole || !fromTrustedNetwork;
          expect(requiresSecondFactor({ isPlatformAdmin, hasMfaRole, fromTrustedNetwork })).toBe(expected);
        }
  });

  it('decides the stage after a correct password', () => {
    const s = (required: boolean, hasTotp: boolean, hasPasskey: boolean, totpPassed = false) =>
      stageAfterPassword({ required, hasTotp, hasPasskey, totpPassed });
    expect(s(false, false, false)).toBe('full');
    expect(s(true, false, false)).toBe('enroll');
    expect(s(true, true, false)).toBe('mfa');
    expect(s(true, false, true)).toBe('mfa');
    expect(s(false, true, false)).toBe('mfa'); // a user who turned TOTP on always uses it
    expect(s(false, false, true)).toBe('full'); // a passkey alone is optional for people without the requirement
    expect(s(true, true, false, true)).toBe('full');
  });
});
