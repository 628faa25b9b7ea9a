// Sign-in rules, pure so they can be tested exhaustively.

export const lockout = { maxFailures: 5, minutes: 15 } as const;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

/** After a failed attempt: the new failure count and, at the limit, the time the account stays locked until. */
export function afterFailure(
  failures: number,
  now: Date,
): { failedLogins: number; lockedUntil: Date | null } {
  const next = failures + 1;
  if (next < lockout.maxFailures) return { failedLogins: next, lockedUntil: null };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + lockout.minutes * 60_000) };
}

/** BRIEF §3.1: a second factor is required for administrators, external members and any remote access. */
export function requiresSecondFactor(p: {
  isPlatformAdmin: boolean;
  hasMfaRole: boolean;
  fromTrustedNetwork: boolean;
}) {
  return p.isPlatformAdmin || p.hasMfaRole || !p.fromTrustedNetwork;
}

export type Stage = 'full' | 'mfa' | 'enroll';

/** Where a correct password leads: straight in, to the second-factor step, or to compulsory enrolment. */
export function stageAfterPassword(p: {
  required: boolean;
  hasTotp: boolean;
  hasPasskey: boolean;
  totpPassed: boolean;
}): Stage {
  if (p.totpPassed) return 'full';
  if (p.hasTotp || p.hasPasskey) return p.required || p.hasTotp ? 'mfa' : 'full';
  return p.required ? 'enroll' : 'full';
}
