import { Ok } from '@civicdesk/contracts/common';
import {
  LoginRequest,
  LoginResponse,
  Me,
  PasskeyInfo,
  PasskeyLogin,
  PasskeyLoginVerify,
  PasskeyRegister,
  PasswordChange,
  ProfileUpdate,
  SessionInfo,
  TotpCode,
  TotpSetup,
  WebAuthnJson,
} from '@civicdesk/contracts/identity';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { unauthorized } from '../../platform/http/errors.ts';
import { type App, requestCtx, userCtx } from '../../platform/http/types.ts';
import * as q from './identity.queries.ts';
import { changePassword, getMe, updateProfile } from './identity.service.ts';
import {
  authenticateWithPasskey,
  authenticationOptions,
  registerPasskey,
  registrationOptions,
  removePasskey,
} from './use-cases/passkeys.ts';
import { listSessions, revokeAll, revokeOne } from './use-cases/session-admin.ts';
import { clearSessionCookie, setSessionCookie } from './use-cases/sessions.ts';
import { completeWithTotp, signIn } from './use-cases/sign-in.ts';
import { disableTotp, enableTotp, setupTotp } from './use-cases/totp.ts';

const tags = ['auth'];
const ok = { ok: true as const };

/** A session that passed the password step, in the stages the route accepts. */
function stagedCtx(req: FastifyRequest, stages: ('full' | 'mfa' | 'enroll')[]) {
  if (!req.actor || !req.sessionStage || !stages.includes(req.sessionStage)) throw unauthorized();
  return { ...requestCtx(req), actor: req.actor, stage: req.sessionStage };
}

export function identityRoutes(app: App, config: Config) {
  const loginLimit = { max: config.loginRateLimit, timeWindow: '1 minute' };
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: loginLimit },
      schema: { tags, body: LoginRequest, response: { 200: LoginResponse } },
    },
    async (req, reply) => {
      const result = await signIn(requestCtx(req), config, {
        ...req.body,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(reply, config, result.token);
      return { stage: result.stage, methods: result.stage === 'mfa' ? result.methods : undefined };
    },
  );
  app.post(
    '/api/auth/mfa/totp',
    { config: { rateLimit: loginLimit }, schema: { tags, body: TotpCode, response: { 200: LoginResponse } } },
    async (req) => {
      const ctx = stagedCtx(req, ['mfa']);
      await completeWithTotp(ctx, config, ctx.actor.sessionId!, ctx.actor.userId, req.body.code);
      return { stage: 'full' as const };
    },
  );
  app.post(
    '/api/auth/passkey/options',
    {
      config: { rateLimit: loginLimit },
      schema: { tags, body: PasskeyLogin, response: { 200: WebAuthnJson } },
    },
    async (req) => {
      const pending = req.sessionStage === 'mfa' ? req.actor : null;
      return (await authenticationOptions(
        requestCtx(req),
        config,
        pending?.userId ?? null,
      )) as unknown as Record<string, unknown>;
    },
  );
  app.post(
    '/api/auth/passkey/verify',
    {
      config: { rateLimit: loginLimit },
      schema: { tags, body: PasskeyLoginVerify, response: { 200: LoginResponse } },
    },
    async (req, reply) => {
      const pending =
        req.sessionStage === 'mfa' && req.actor
          ? { sessionId: req.actor.sessionId!, userId: req.actor.userId }
          : null;
      const token = await authenticateWithPasskey(
        requestCtx(req),
        config,
        req.body.response,
        pending,
        req.headers['user-agent'],
      );
      if (token) setSessionCookie(reply, config, token);
      return { stage: 'full' as const };
    },
  );
  app.post('/api/auth/logout', { schema: { tags, response: { 200: Ok } } }, async (req, reply) => {
    if (req.actor?.sessionId) await revokeOne(requestCtx(req), req.actor, req.actor.sessionId);
    clearSessionCookie(reply);
    return ok;
  });
  app.post('/api/auth/logout-all', { schema: { tags, response: { 200: Ok } } }, async (req, reply) => {
    const ctx = userCtx(req);
    await revokeAll(ctx, ctx.actor);
    clearSessionCookie(reply);
    return ok;
  });

  app.get('/api/me', { schema: { tags: ['me'], response: { 200: Me } } }, async (req) => {
    const ctx = stagedCtx(req, ['full', 'enroll']);
    return getMe(ctx, config, ctx.actor, ctx.stage);
  });
  app.patch(
    '/api/me',
    { schema: { tags: ['me'], body: ProfileUpdate, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await updateProfile(ctx, ctx.actor, req.body);
      return ok;
    },
  );
  app.post(
    '/api/me/password',
    { schema: { tags: ['me'], body: PasswordChange, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await changePassword(ctx, ctx.actor, req.body.current, req.body.next);
      return ok;
    },
  );
  meSecurityRoutes(app, config);
}

function meSecurityRoutes(app: App, config: Config) {
  const tags = ['me'];
  const ById = z.object({ id: z.string().min(1).max(200) });
  app.post('/api/me/totp/setup', { schema: { tags, response: { 200: TotpSetup } } }, async (req) => {
    const ctx = stagedCtx(req, ['full', 'enroll']);
    return setupTotp(ctx, config, ctx.actor);
  });
  app.post(
    '/api/me/totp/enable',
    { schema: { tags, body: TotpCode, response: { 200: LoginResponse } } },
    async (req) => {
      const ctx = stagedCtx(req, ['full', 'enroll']);
      await enableTotp(ctx, config, ctx.actor, req.body.code);
      if (ctx.stage === 'enroll')
        await q.updateSession(ctx.db, ctx.actor.sessionId!, { stage: 'full', mfa: true });
      return { stage: 'full' as const };
    },
  );
  app.post(
    '/api/me/totp/disable',
    { schema: { tags, body: TotpCode, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await disableTotp(ctx, config, ctx.actor, req.body.code);
      return ok;
    },
  );
  app.get('/api/me/sessions', { schema: { tags, response: { 200: z.array(SessionInfo) } } }, async (req) => {
    const ctx = userCtx(req);
    return listSessions(ctx, ctx.actor);
  });
  app.delete(
    '/api/me/sessions/:id',
    { schema: { tags, params: ById, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await revokeOne(ctx, ctx.actor, req.params.id);
      return ok;
    },
  );
  app.get('/api/me/passkeys', { schema: { tags, response: { 200: z.array(PasskeyInfo) } } }, async (req) => {
    const ctx = userCtx(req);
    return (await q.listPasskeys(ctx.db, ctx.actor.userId)).map((p) => ({
      id: p.id,
      name: p.name,
      createdAt: p.createdAt.toISOString(),
      lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
    }));
  });
  app.post('/api/me/passkeys/options', { schema: { tags, response: { 200: WebAuthnJson } } }, async (req) => {
    const ctx = stagedCtx(req, ['full', 'enroll']);
    return (await registrationOptions(ctx, config, ctx.actor)) as unknown as Record<string, unknown>;
  });
  app.post(
    '/api/me/passkeys',
    { schema: { tags, body: PasskeyRegister, response: { 201: Ok } } },
    async (req, reply) => {
      const ctx = stagedCtx(req, ['full', 'enroll']);
      await registerPasskey(ctx, config, ctx.actor, req.body.name, req.body.response);
      if (ctx.stage === 'enroll')
        await q.updateSession(ctx.db, ctx.actor.sessionId!, { stage: 'full', mfa: true });
      return reply.status(201).send(ok);
    },
  );
  app.delete(
    '/api/me/passkeys/:id',
    { schema: { tags, params: ById, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await removePasskey(ctx, ctx.actor, req.params.id);
      return ok;
    },
  );
}
