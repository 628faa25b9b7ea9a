import type { Config } from '../../../config.ts';
import { type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { afterFailure, isLocked, lockout, stageAfterPassword } from '../identity.policy.ts';
import * as q from '../identity.queries.ts';
import { isSecondFactorRequired, verifyPassword } from '../identity.service.ts';
import { openSession, promoteSession } from './sessions.ts';
import { checkTotp } from './totp.ts';

// Password sign-in, with lockout after repeated failures and the second-factor step where policy demands it.

const badCredentials = () => new AppError('unauthorized', 'identity.bad_credentials');

async function recordFailure(ctx: Ctx, user: q.User | undefined, username: string, reason: string) {
  await inTransaction(ctx, async (tx) => {
    if (user) await q.updateUser(tx.db, user.id, afterFailure(user.failedLogins, tx.now));
    await recordAudit(tx, {
      action: 'identity.sign_in.failed',
      entityType: 'user',
      entityId: user?.id,
      detail: { username, reason },
    });
  });
}

export type SignInResult = {
  token: string;
  stage: 'full' | 'mfa' | 'enroll';
  methods: ('totp' | 'passkey')[];
};

export async function signIn(
  ctx: Ctx,
  config: Config,
  input: { username: string; password: string; totp?: string; userAgent?: string },
  /** Citizens sign in only through the public portal, staff and external members only through the staff app. */
  audience: 'staff' | 'citizen' = 'staff',
): Promise<SignInResult> {
  const user = await q.findUserByUsername(ctx.db, input.username);
  const fits = audience === 'citizen' ? user?.kind === 'citizen' : user?.kind !== 'citizen';
  const usable = user?.active && fits ? user : undefined;
  if (usable && isLocked(usable.lockedUntil, ctx.now)) {
    throw new AppError('locked', 'identity.locked', { minutes: lockout.minutes });
  }
  if (!(await verifyPassword(usable?.passwordHash ?? null, input.password)) || !usable) {
    await recordFailure(ctx, usable, input.username, 'password');
    throw badCredentials();
  }
  const passkeys = await q.listPasskeys(ctx.db, usable.id);
  const required = await isSecondFactorRequired(ctx, config, usable);
  let totpPassed = false;
  if (input.totp) {
    totpPassed = usable.totpEnabled && (await checkTotp(ctx, config, usable, input.totp));
    if (!totpPassed) {
      await recordFailure(ctx, usable, input.username, 'totp');
      throw new AppError('unauthorized', 'identity.bad_totp');
    }
  }
  const stage = stageAfterPassword({
    required,
    hasTotp: usable.totpEnabled,
    hasPasskey: passkeys.length > 0,
    totpPassed,
  });
  return inTransaction(ctx, async (tx) => {
    await q.updateUser(tx.db, usable.id, { failedLogins: 0, lockedUntil: null });
    const knownPlace = await q.hasSignedInFrom(tx.db, usable.id, tx.ip);
    const { token } = await openSession(tx, config, usable.id, stage, input.userAgent);
    // The entry names the person who signed in (the request has no session actor yet).
    const self = {
      userId: usable.id,
      username: usable.username,
      displayName: usable.displayName,
      kind: usable.kind,
      isPlatformAdmin: usable.isPlatformAdmin,
      sessionId: null,
    };
    await recordAudit(
      { ...tx, actor: self },
      {
        action: 'identity.sign_in.password',
        entityType: 'user',
        entityId: usable.id,
        detail: { stage },
      },
    );
    if (!knownPlace)
      await notify(tx, { userId: usable.id, kind: 'identity.new_sign_in', params: { ip: tx.ip } });
    const methods: ('totp' | 'passkey')[] = [];
    if (usable.totpEnabled) methods.push('totp');
    if (passkeys.length) methods.push('passkey');
    return { token, stage, methods };
  });
}

/** The second step: a TOTP code for a session that passed the password step. */
export async function completeWithTotp(
  ctx: Ctx,
  config: Config,
  sessionId: string,
  userId: string,
  code: string,
) {
  const user = await q.findUserById(ctx.db, userId);
  if (!user) throw badCredentials();
  if (isLocked(user.lockedUntil, ctx.now))
    throw new AppError('locked', 'identity.locked', { minutes: lockout.minutes });
  if (!(await checkTotp(ctx, config, user, code))) {
    await recordFailure(ctx, user, user.username, 'totp');
    throw new AppError('unauthorized', 'identity.bad_totp');
  }
  await inTransaction(ctx, async (tx) => {
    await promoteSession(tx, config, sessionId, true);
    await q.updateUser(tx.db, user.id, { failedLogins: 0 });
    await recordAudit(tx, { action: 'identity.sign_in.totp', entityType: 'user', entityId: user.id });
  });
}
