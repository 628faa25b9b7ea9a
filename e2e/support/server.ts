import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { buildApp } from '@civicdesk/server/src/app.ts';
import { systemCtx } from '@civicdesk/server/src/bootstrap.ts';
import type { Config } from '@civicdesk/server/src/config.ts';
import { seedDemo } from '@civicdesk/server/src/modules/demo/demo.seed.ts';
import { ensureDefaultTiers } from '@civicdesk/server/src/modules/org/org.service.ts';
import type { App } from '@civicdesk/server/src/platform/http/types.ts';
import { openTestDatabase, type TestDatabase } from '@civicdesk/server/test/databases.ts';
import { testConfig } from '@civicdesk/server/test/test-app.ts';

// The real server with the built web client and the demo data, on a private database and a free port.
// E2E_WEB_DIST points at another build of the web client (e.g. one that a concurrent rebuild cannot touch).
export const webDist = path.resolve(
  process.env.E2E_WEB_DIST ?? path.join(import.meta.dirname, '../../apps/web/dist'),
);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export type E2eServer = { url: string; app: App; close(): Promise<void> };

export async function startServer(opts: { config?: Partial<Config> } = {}): Promise<E2eServer> {
  if (!existsSync(path.join(webDist, 'index.html')))
    throw new Error('apps/web/dist is missing: run "npm run build"');
  const port = await freePort();
  // localhost (not 127.0.0.1) is a secure context, which passkeys need.
  const url = `http://localhost:${port}`;
  const config = testConfig({ port, publicUrl: url, webDist, loginRateLimit: 1000, ...opts.config });
  const db: TestDatabase = await openTestDatabase();
  await ensureDefaultTiers(db.database.db);
  await seedDemo(systemCtx(db.database), config);
  const app = await buildApp({ config, database: db.database, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
