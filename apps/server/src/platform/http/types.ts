import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Database } from '../db/db.ts';
import type { Catalog, Locale } from '../i18n/i18n.ts';
import type { Hub } from '../realtime/hub.ts';
import { type Actor, type Ctx, requireActor } from './context.ts';
import { unauthorized } from './errors.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type Deps = { config: Config; database: Database; hub: Hub };

/** A domain module: its name, translated messages and routes. The list in modules.ts is the system. */
export type Module = {
  name: string;
  messages?: Catalog;
  register(app: App, deps: Deps): void | Promise<void>;
};

export type SessionStage = 'full' | 'mfa' | 'enroll';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionStage: SessionStage | null;
    locale: Locale;
    deps: Deps;
  }
}

export function requestCtx(req: FastifyRequest): Ctx {
  const { database, hub } = req.deps;
  return {
    db: database.db,
    actor: req.actor,
    ip: req.ip,
    now: new Date(),
    locale: req.locale,
    log: req.log,
    hub,
  };
}

/** A context for work the server does on its own (scheduled jobs): no actor, no client. */
export function requestlessCtx(deps: Deps, log: FastifyBaseLogger): Ctx {
  return { db: deps.database.db, actor: null, ip: '', now: new Date(), locale: 'en', log, hub: deps.hub };
}

/** The context of a fully signed-in person; anyone else gets 401. */
export function userCtx(req: FastifyRequest): Ctx & { actor: Actor } {
  if (!req.actor || req.sessionStage !== 'full') throw unauthorized();
  const ctx = requestCtx(req);
  return { ...ctx, actor: requireActor(ctx) };
}
