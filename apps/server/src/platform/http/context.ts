import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db.ts';
import type { Locale } from '../i18n/i18n.ts';
import type { Hub } from '../realtime/hub.ts';

// What a service needs to do its work; routes build it per request, the CLI and seed build their own.
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'external' | 'citizen';
  isPlatformAdmin: boolean;
  sessionId: string | null;
  /** When this session last re-proved its holder (step-up); signing and voting need it to be recent. */
  reauthAt?: Date | null;
};

export type Ctx = {
  db: Db;
  actor: Actor | null;
  ip: string;
  now: Date;
  locale: Locale;
  log: FastifyBaseLogger;
  hub: Hub;
};

/** Runs `fn` in one transaction; the state change and its audit entry commit or roll back together. */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => fn({ ...ctx, db: db as unknown as Db }));
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('requireActor called on an anonymous context');
  return ctx.actor;
}
