import type { Config } from '../../../config.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import * as q from '../identity.queries.ts';
import { verifyPassword } from '../identity.service.ts';
import { authenticationOptions, verifyAssertion } from './passkeys.ts';
import { checkTotp } from './totp.ts';

// Step-up re-authentication: before signing (and voting) the person proves again, on this session, that they
// are who the session says — with the password, a TOTP code or a user-verified passkey. The proof lasts a few
// minutes (STEP_UP_MINUTES, 5 by default): long enough to sign what they just read, not for a stolen laptop.

export function assertFreshStepUp(actor: Actor, config: Pick<Config, 'stepUpMinutes'>, now: Date) {
  const fresh = !!actor.reauthAt && now.getTime() - actor.reauthAt.getTime() < config.stepUpMinutes * 60_000;
  if (!fresh) throw new AppError('forbidden', 'identity.step_up_required');
}

async function record(ctx: Ctx, config: Config, actor: Actor, method: string) {
  return inTransaction(ctx, async (tx) => {
    await q.updateSession(tx.db, actor.sessionId!, { reauthAt: tx.now });
    await recordAudit(tx, {
      action: 'identity.step_up',
      entityType: 'user',
      entityId: actor.userId,
      detail: { method },
    });
    return { until: new Date(tx.now.getTime() + config.stepUpMinutes * 60_000).toISOString() };
  });
}

async function failed(ctx: Ctx, actor: Actor, method: string): Promise<never> {
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'identity.step_up.failed',
      entityType: 'user',
      entityId: actor.userId,
      detail: { method },
    }),
  );
  throw new AppError('unauthorized', method === 'totp' ? 'identity.bad_totp' : 'identity.bad_credentials');
}

export async function stepUp(
  ctx: Ctx,
  config: Config,
  actor: Actor,
  input: { password: string } | { code: string },
) {
  const user = await q.findUserById(ctx.db, actor.userId);
  if (!user || !actor.sessionId) throw new AppError('unauthorized', 'identity.bad_credentials');
  if ('password' in input) {
    if (!(await verifyPassword(user.passwordHash, input.password))) return failed(ctx, actor, 'password');
    return record(ctx, config, actor, 'password');
  }
  if (!(await checkTotp(ctx, config, user, input.code))) return failed(ctx, actor, 'totp');
  return record(ctx, config, actor, 'totp');
}

export const stepUpPasskeyOptions = (ctx: Ctx, config: Config, actor: Actor) =>
  authenticationOptions(ctx, config, actor.userId);

export async function stepUpWithPasskey(ctx: Ctx, config: Config, actor: Actor, response: { id?: unknown }) {
  if (!actor.sessionId) throw new AppError('unauthorized', 'identity.passkey_failed');
  await verifyAssertion(ctx, config, response, actor.userId, true);
  return record(ctx, config, actor, 'passkey');
}
