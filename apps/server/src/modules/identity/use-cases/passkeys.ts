import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Config } from '../../../config.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import * as q from '../identity.queries.ts';
import { openSession, promoteSession } from './sessions.ts';

// Passkeys (WebAuthn): as a second factor after the password, or alone (a user-verified passkey is itself
// two factors: the device and the PIN or biometric). Challenges are kept server-side and used once.
const challengeTtlMs = 5 * 60_000;
const rp = (config: Config) => ({
  rpID: new URL(config.publicUrl).hostname,
  origin: new URL(config.publicUrl).origin,
});
const transportsOf = (s: string | null) => (s ? (s.split(',') as AuthenticatorTransportFuture[]) : undefined);
const passkeyFailed = () => new AppError('unauthorized', 'identity.passkey_failed');

async function saveChallenge(
  ctx: Ctx,
  challenge: string,
  purpose: 'register' | 'authenticate',
  userId: string | null,
) {
  await q.insertChallenge(ctx.db, {
    challenge,
    purpose,
    userId,
    expiresAt: new Date(ctx.now.getTime() + challengeTtlMs),
  });
}

/** The challenge must exist, be unexpired and (when bound) belong to this user; it is consumed either way. */
const challengeCheck =
  (ctx: Ctx, purpose: 'register' | 'authenticate', userId: string | null) => async (challenge: string) => {
    const row = await q.takeChallenge(ctx.db, challenge, purpose, ctx.now);
    return !!row && row.expiresAt > ctx.now && (row.userId === null || row.userId === userId);
  };

export async function registrationOptions(ctx: Ctx, config: Config, actor: Actor) {
  const existing = await q.listPasskeys(ctx.db, actor.userId);
  const options = await generateRegistrationOptions({
    rpName: 'CivicDesk',
    rpID: rp(config).rpID,
    userName: actor.username,
    userDisplayName: actor.displayName,
    userID: new TextEncoder().encode(actor.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await saveChallenge(ctx, options.challenge, 'register', actor.userId);
  return options;
}

export async function registerPasskey(
  ctx: Ctx,
  config: Config,
  actor: Actor,
  name: string,
  response: unknown,
) {
  const verification = await verifyRegistrationResponse({
    response: response as RegistrationResponseJSON,
    expectedChallenge: challengeCheck(ctx, 'register', actor.userId),
    expectedOrigin: rp(config).origin,
    expectedRPID: rp(config).rpID,
    requireUserVerification: false,
  }).catch(() => ({ verified: false, registrationInfo: undefined }));
  const info = verification.registrationInfo;
  if (!verification.verified || !info) throw new AppError('bad_request', 'identity.passkey_failed');
  await inTransaction(ctx, async (tx) => {
    await q.insertPasskey(tx.db, {
      id: info.credential.id,
      userId: actor.userId,
      publicKey: info.credential.publicKey,
      counter: info.credential.counter,
      transports: info.credential.transports?.join(',') ?? null,
      name,
    });
    await recordAudit(tx, {
      action: 'identity.passkey.added',
      entityType: 'passkey',
      entityId: info.credential.id,
      detail: { name },
    });
    await notify(tx, { userId: actor.userId, kind: 'identity.passkey_added', params: { name } });
  });
}

export async function removePasskey(ctx: Ctx, actor: Actor, id: string) {
  await inTransaction(ctx, async (tx) => {
    const removed = await q.deletePasskey(tx.db, actor.userId, id);
    if (removed.length === 0) throw notFound();
    await recordAudit(tx, { action: 'identity.passkey.removed', entityType: 'passkey', entityId: id });
  });
}

/** Options for signing in: bound to the pending session's user in the MFA step, or open (discoverable). */
export async function authenticationOptions(ctx: Ctx, config: Config, userId: string | null) {
  const keys = userId ? await q.listPasskeys(ctx.db, userId) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp(config).rpID,
    allowCredentials: keys.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    userVerification: userId ? 'preferred' : 'required',
  });
  await saveChallenge(ctx, options.challenge, 'authenticate', userId);
  return options;
}

/** Checks an assertion against the stored key; `userId` binds it to one person (second factor, step-up). */
export async function verifyAssertion(
  ctx: Ctx,
  config: Config,
  response: { id?: unknown },
  userId: string | null,
  requireUserVerification: boolean,
) {
  const key = typeof response.id === 'string' ? await q.findPasskey(ctx.db, response.id) : undefined;
  if (!key || (userId && key.userId !== userId)) throw passkeyFailed();
  const user = await q.findUserById(ctx.db, key.userId);
  if (!user?.active) throw passkeyFailed();
  const result = await verifyAuthenticationResponse({
    response: response as AuthenticationResponseJSON,
    expectedChallenge: challengeCheck(ctx, 'authenticate', userId),
    expectedOrigin: rp(config).origin,
    expectedRPID: rp(config).rpID,
    credential: {
      id: key.id,
      publicKey: new Uint8Array(key.publicKey),
      counter: key.counter,
      transports: transportsOf(key.transports),
    },
    requireUserVerification,
  }).catch(() => ({ verified: false, authenticationInfo: undefined }));
  if (!result.verified || !result.authenticationInfo) throw passkeyFailed();
  await q.updatePasskey(ctx.db, key.id, {
    counter: result.authenticationInfo.newCounter,
    lastUsedAt: ctx.now,
  });
  return { key, user };
}

/**
 * Verifies an assertion. With a pending MFA session the passkey must be that user's and the session is promoted;
 * without one, a passwordless sign-in opens a new full session. Returns the new token, if any.
 */
export async function authenticateWithPasskey(
  ctx: Ctx,
  config: Config,
  response: { id?: unknown },
  pending: { sessionId: string; userId: string } | null,
  userAgent?: string,
): Promise<string | null> {
  const { key, user } = await verifyAssertion(ctx, config, response, pending?.userId ?? null, !pending);
  return inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      action: 'identity.sign_in.passkey',
      entityType: 'user',
      entityId: user.id,
      detail: { passkey: key.name },
    });
    if (pending) {
      await promoteSession(tx, config, pending.sessionId, true);
      return null;
    }
    const { id, token } = await openSession(tx, config, user.id, 'full', userAgent);
    await promoteSession(tx, config, id, true);
    return token;
  });
}
