import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';
import { sha256Hex } from '../../../platform/canonical.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { isLocale } from '../../../platform/i18n/i18n.ts';
import type { Stage } from '../identity.policy.ts';
import * as q from '../identity.queries.ts';

// Server-side, opaque sessions: the cookie carries 256 random bits; the database keeps only their SHA-256,
// so a leaked table cannot be replayed. Expiry slides with activity; revocation takes effect on the next request.
export const cookieName = 'cd_session';
const touchEveryMs = 60_000;

export async function openSession(
  ctx: Ctx,
  config: Config,
  userId: string,
  stage: Stage,
  userAgent?: string,
) {
  const token = randomBytes(32).toString('base64url');
  const id = sha256Hex(token);
  const ttl = stage === 'full' ? config.sessionHours * 3600_000 : 10 * 60_000;
  await q.insertSession(ctx.db, {
    id,
    userId,
    stage,
    mfa: false,
    ip: ctx.ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ttl),
  });
  return { token, id };
}

export async function promoteSession(ctx: Ctx, config: Config, id: string, mfa: boolean) {
  await q.updateSession(ctx.db, id, {
    stage: 'full',
    mfa,
    expiresAt: new Date(ctx.now.getTime() + config.sessionHours * 3600_000),
  });
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(cookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    maxAge: config.sessionHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(cookieName, { path: '/' });
}

/** onRequest hook: resolves the cookie to an actor (or leaves the request anonymous). */
export async function resolveSession(req: FastifyRequest) {
  const token = req.cookies[cookieName];
  if (!token || token.length > 100) return;
  const { database, config } = req.deps;
  const now = new Date();
  const id = sha256Hex(token);
  const found = await q.findLiveSession(database.db, id, now);
  if (!found) return;
  const { session, user } = found;
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind,
    isPlatformAdmin: user.isPlatformAdmin,
    sessionId: session.id,
    reauthAt: session.reauthAt,
  };
  req.actor = actor;
  req.sessionStage = session.stage;
  if (!req.headers['accept-language'] && isLocale(user.locale)) req.locale = user.locale;
  if (session.stage === 'full' && now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) {
    await q.updateSession(database.db, id, {
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionHours * 3600_000),
    });
  }
}
