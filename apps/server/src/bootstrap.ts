import pino from 'pino';
import type { Config } from './config.ts';
import { type DemoAccount, seedDemo } from './modules/demo/demo.seed.ts';
import { ensureDefaultTiers } from './modules/org/org.service.ts';
import { type Database, openDatabase } from './platform/db/db.ts';
import type { Ctx } from './platform/http/context.ts';
import { createHub } from './platform/realtime/hub.ts';

/** A context for work done by the system itself (start-up, CLI): no actor, no client address. */
export function systemCtx(database: Database): Ctx {
  return {
    db: database.db,
    actor: null,
    ip: '',
    now: new Date(),
    locale: 'en',
    log: pino({ level: 'warn' }),
    hub: createHub(database),
  };
}

/** Opens the database (running migrations), ensures defaults and, in demo mode, seeds an empty database. */
export async function bootstrap(
  config: Config,
): Promise<{ database: Database; demoAccounts: DemoAccount[] }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await ensureDefaultTiers(database.db);
  const demoAccounts = config.demo ? await seedDemo(systemCtx(database), config) : [];
  return { database, demoAccounts };
}
