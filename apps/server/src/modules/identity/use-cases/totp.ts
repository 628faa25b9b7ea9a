import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Config } from '../../../config.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { seal, unseal } from '../../../platform/seal.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import * as q from '../identity.queries.ts';
import { isSecondFactorRequired } from '../identity.service.ts';

// RFC 6238 TOTP: 30-second steps, ±1 step of clock drift, and a used step can never be used again (replay).

/** Checks a code and, when right, records its time step so the same code is refused next time. */
export async function checkTotp(ctx: Ctx, config: Config, user: q.User, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const secret = unseal(config.secret, user.totpSecret);
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    afterTimeStep: user.totpLastStep ?? undefined,
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) return false;
  await q.updateUser(ctx.db, user.id, { totpLastStep: (result as { timeStep: number }).timeStep });
  return true;
}

export async function setupTotp(ctx: Ctx, config: Config, actor: Actor) {
  const user = await q.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('unauthorized', 'error.unauthorized');
  if (user.totpEnabled) throw new AppError('conflict', 'identity.totp_already_enabled');
  const secret = generateSecret();
  await q.updateUser(ctx.db, user.id, { totpSecret: seal(config.secret, secret), totpLastStep: null });
  const uri = generateURI({ issuer: 'CivicDesk', label: user.username, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

export async function enableTotp(ctx: Ctx, config: Config, actor: Actor, code: string) {
  return inTransaction(ctx, async (tx) => {
    const user = await q.findUserById(tx.db, actor.userId);
    if (!user?.totpSecret) throw new AppError('bad_request', 'identity.totp_not_set_up');
    if (user.totpEnabled) throw new AppError('conflict', 'identity.totp_already_enabled');
    if (!(await checkTotp(tx, config, user, code))) throw new AppError('bad_request', 'identity.bad_totp');
    await q.updateUser(tx.db, user.id, { totpEnabled: true });
    await recordAudit(tx, { action: 'identity.totp.enabled', entityType: 'user', entityId: user.id });
    await notify(tx, { userId: user.id, kind: 'identity.totp_enabled' });
  });
}

export async function disableTotp(ctx: Ctx, config: Config, actor: Actor, code: string) {
  return inTransaction(ctx, async (tx) => {
    const user = await q.findUserById(tx.db, actor.userId);
    if (!user?.totpEnabled) throw new AppError('bad_request', 'identity.totp_not_enabled');
    if (!(await checkTotp(tx, config, user, code))) throw new AppError('bad_request', 'identity.bad_totp');
    const passkeys = await q.listPasskeys(tx.db, user.id);
    if (passkeys.length === 0 && (await isSecondFactorRequired(tx, config, user))) {
      throw new AppError('conflict', 'identity.totp_required_by_policy');
    }
    await q.updateUser(tx.db, user.id, { totpEnabled: false, totpSecret: null, totpLastStep: null });
    await recordAudit(tx, { action: 'identity.totp.disabled', entityType: 'user', entityId: user.id });
  });
}
