import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../../config.ts';
import { uniqueOr } from '../../platform/db/unique.ts';
import { type Actor, type Ctx, inTransaction } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { networkMatcher } from '../../platform/net.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { hasMfaRole, postsOfUsers } from '../org/org.service.ts';
import { requiresSecondFactor, type Stage } from './identity.policy.ts';
import * as q from './identity.queries.ts';

// Accounts, passwords and the signed-in person's own profile.

// argon2id with the OWASP ASVS 5.0 parameters (m = 46 MiB, t = 1, p = 1).
const argonOptions = { algorithm: 2, memoryCost: 47104, timeCost: 1, parallelism: 1 } as const;

export const countUsers = (ctx: Ctx) => q.countUsers(ctx.db);

export const hashPassword = (password: string) => hash(password, argonOptions);

/** Always spends the time of one verification, so unknown usernames cannot be told apart by timing. */
const dummyHash = hashPassword('civicdesk-timing-equaliser');
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await dummyHash), password);
  } catch {
    return false;
  }
}

export type NewUser = {
  username: string;
  displayName: string;
  email?: string | null;
  kind?: 'staff' | 'external' | 'citizen';
  locale?: 'ko' | 'vi' | 'en';
  password: string;
  isPlatformAdmin?: boolean;
};

/** Creates an account; `agencyId` files the audit entry in that agency's chain. */
export async function createUser(ctx: Ctx, input: NewUser, agencyId?: string) {
  const user = await uniqueOr(
    async () =>
      q.insertUser(ctx.db, {
        username: input.username.toLowerCase(),
        displayName: input.displayName,
        email: input.email ?? null,
        kind: input.kind ?? 'staff',
        locale: input.locale ?? 'en',
        passwordHash: await hashPassword(input.password),
        isPlatformAdmin: input.isPlatformAdmin ?? false,
        passwordChangedAt: ctx.now,
      }),
    'identity.username_taken',
    { username: input.username },
  );
  const { passwordHash: _h, totpSecret: _t, ...safe } = user;
  await recordAudit(ctx, {
    action: 'identity.user.created',
    entityType: 'user',
    entityId: user.id,
    agencyId,
    after: safe,
  });
  return user;
}

/** The first administrator of an installation without demo data (`civicdesk admin create`). */
export async function createAdministrator(
  ctx: Ctx,
  input: { username: string; displayName: string; password: string },
) {
  if (input.password.length < 12) throw new AppError('bad_request', 'identity.password_too_short');
  return inTransaction(ctx, (tx) => createUser(tx, { ...input, isPlatformAdmin: true }));
}

export async function isSecondFactorRequired(ctx: Ctx, config: Config, user: q.User): Promise<boolean> {
  return requiresSecondFactor({
    isPlatformAdmin: user.isPlatformAdmin,
    // External accounts (invited committee members) may hold no post at all: the kind itself requires it.
    hasMfaRole: user.kind === 'external' || (await hasMfaRole(ctx, user.id)),
    fromTrustedNetwork: networkMatcher(config.trustedNetworks)(ctx.ip),
  });
}

export async function getMe(ctx: Ctx, config: Config, actor: Actor, stage: Stage) {
  const user = await q.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('unauthorized', 'error.unauthorized');
  const [posts, keys] = await Promise.all([postsOfUsers(ctx, [user.id]), q.listPasskeys(ctx.db, user.id)]);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    kind: user.kind,
    locale: user.locale,
    isPlatformAdmin: user.isPlatformAdmin,
    totpEnabled: user.totpEnabled,
    passkeys: keys.length,
    mfaRequired: await isSecondFactorRequired(ctx, config, user),
    stage,
    posts: posts.filter((p) => p.active),
  };
}

export async function updateProfile(
  ctx: Ctx,
  actor: Actor,
  input: { locale?: 'ko' | 'vi' | 'en'; displayName?: string },
) {
  return inTransaction(ctx, async (tx) => {
    const before = await q.findUserById(tx.db, actor.userId);
    const after = await q.updateUser(tx.db, actor.userId, input);
    await recordAudit(tx, {
      action: 'identity.profile.updated',
      entityType: 'user',
      entityId: actor.userId,
      before: { locale: before?.locale, displayName: before?.displayName },
      after: { locale: after.locale, displayName: after.displayName },
    });
  });
}

/** Changing the password signs out every other session of the person. */
export async function changePassword(ctx: Ctx, actor: Actor, current: string, next: string) {
  const user = await q.findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('bad_request', 'identity.wrong_current_password');
  }
  if (current === next) throw new AppError('bad_request', 'identity.password_unchanged');
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx, async (tx) => {
    await q.updateUser(tx.db, user.id, { passwordHash, passwordChangedAt: tx.now });
    const revoked = await q.revokeSessions(tx.db, user.id, tx.now);
    const others = revoked.filter((s) => s.id !== actor.sessionId);
    if (actor.sessionId) await q.updateSession(tx.db, actor.sessionId, { revokedAt: null });
    await recordAudit(tx, {
      action: 'identity.password.changed',
      entityType: 'user',
      entityId: user.id,
      detail: { sessionsRevoked: others.length },
    });
    await notify(tx, { userId: user.id, kind: 'identity.password_changed' });
  });
}
