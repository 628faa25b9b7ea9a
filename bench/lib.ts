import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@civicdesk/server/src/app.ts';
import { systemCtx } from '@civicdesk/server/src/bootstrap.ts';
import { seedDemo } from '@civicdesk/server/src/modules/demo/demo.seed.ts';
import { ensureDefaultTiers } from '@civicdesk/server/src/modules/org/org.service.ts';
import type { Database } from '@civicdesk/server/src/platform/db/db.ts';
import type { App } from '@civicdesk/server/src/platform/http/types.ts';
import { openTestDatabase } from '@civicdesk/server/test/databases.ts';
import { testConfig } from '@civicdesk/server/test/test-app.ts';
import autocannon from 'autocannon';
import { generate } from 'otplib';

export { percentile, startTsWorker } from './util.ts';

// Shared helpers for bench/*.bench.ts: the real application on a private database, autocannon with bounded
// settings, and one JSON file per benchmark and database in bench/results/.

export type DbKind = 'pglite' | 'postgres';
export type LoadFigures = {
  requestsPerSec: number;
  latencyP50: number;
  latencyP99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};
export type Memory = { rssAfterSeedMb: number; peakRssMb: number };
export type BenchResult = {
  name: string;
  db: DbKind;
  date: string;
  machine: { cpu: string; cores: number; totalMemoryGb: number; node: string; loadAverage: number[] };
  settings: typeof settings;
  memory: Memory;
  figures: Record<string, LoadFigures>;
  /** Benchmark-specific figures beyond the per-scenario rows (e.g. pgbench, query plans, statement counts). */
  extra?: Record<string, unknown>;
};

export const demoPassword = 'civicdesk-demo';
export const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

const envInt = (name: string, fallback: number, min = 1) => {
  const raw = process.env[name];
  const n = Math.floor(Number(raw));
  return raw && Number.isFinite(n) && n >= min ? n : fallback;
};
export const settings = {
  durationSec: envInt('BENCH_DURATION', 10),
  // an unrecorded run first, so JIT warm-up and first-query planning stay out of the figures (0: none)
  warmupSec: envInt('BENCH_WARMUP', 5, 0),
  connections: envInt('BENCH_CONNECTIONS', 50),
  // autocannon in a worker thread keeps the load generator off the server's event loop (0: same thread)
  workers: envInt('BENCH_WORKERS', 1, 0),
};

/** PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) is set, else in-memory PGlite. */
export function databaseKind(): DbKind {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url) process.env.DATABASE_URL = url; // openTestDatabase reads DATABASE_URL
  return url ? 'postgres' : 'pglite';
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export type Server = {
  url: string;
  app: App;
  db: DbKind;
  /** The application's database handle, for seeding and checks beside the HTTP load. */
  database: Database;
  /** The private PostgreSQL database's URL (undefined on PGlite). */
  dbUrl?: string;
  memory: Memory;
  close(): Promise<void>;
};

/** Builds the application on a private database, seeds the demo organisation and listens on 127.0.0.1:0. */
export async function startServer(): Promise<Server> {
  const db = databaseKind();
  const config = testConfig({ loginRateLimit: 1_000_000_000, logLevel: 'silent' });
  const testDb = await openTestDatabase();
  await ensureDefaultTiers(testDb.database.db);
  await seedDemo(systemCtx(testDb.database), config);
  const app = await buildApp({ config, database: testDb.database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const rss = process.memoryUsage().rss; // peak (sampled below) also holds autocannon's worker thread
  const memory = { rssAfterSeedMb: mb(rss), peakRssMb: mb(rss) };
  const sampler = setInterval(() => {
    memory.peakRssMb = Math.max(memory.peakRssMb, mb(process.memoryUsage().rss));
  }, 100);
  sampler.unref();
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    db,
    database: testDb.database,
    dbUrl: testDb.url,
    memory,
    async close() {
      clearInterval(sampler);
      await app.close();
      await testDb.drop();
    },
  };
}

/** Signs in once with a password and returns the Cookie header. */
export async function signIn(url: string, username: string, password = demoPassword): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const token = res.headers.getSetCookie().find((c) => c.startsWith('cd_session='));
  if (!token) throw new Error('no session cookie');
  return token.split(';')[0]!;
}

/** Signs in a person who must use a second factor (the platform admin): enrols TOTP on the way. */
export async function signInEnrolled(url: string, username: string): Promise<string> {
  const cookie = await signIn(url, username);
  const post = (path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const { secret } = (await (await post('/api/me/totp/setup')).json()) as { secret: string };
  const enabled = await post('/api/me/totp/enable', { code: await generate({ secret }) });
  if (enabled.status !== 200) throw new Error(`TOTP enrolment of ${username} failed: ${enabled.status}`);
  return cookie;
}

export type LoadOptions = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
};

/** Runs autocannon for the configured duration and connections and keeps the figures that matter. */
export async function load(opts: LoadOptions): Promise<LoadFigures> {
  const run = (duration: number) =>
    autocannon({
      url: opts.url,
      method: opts.method ?? 'GET',
      headers: opts.headers,
      body: opts.body,
      connections: settings.connections,
      duration,
      timeout: 30,
      ...(settings.workers > 0 ? { workers: settings.workers } : {}),
    });
  if (settings.warmupSec > 0) await run(settings.warmupSec);
  const r = await run(settings.durationSec);
  return {
    requestsPerSec: Math.round(r.requests.average * 10) / 10,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

export function machine(): BenchResult['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), // other work on the machine shows here
  };
}

/** Prints the figures and writes bench/results/<name>-<db>.json. */
export function report(
  name: string,
  db: DbKind,
  memory: Memory,
  figures: Record<string, LoadFigures>,
  extra?: Record<string, unknown>,
): BenchResult {
  const result: BenchResult = {
    name,
    db,
    date: new Date().toISOString(),
    machine: machine(),
    settings,
    memory,
    figures,
    ...(extra ? { extra } : {}),
  };
  console.log(
    `\n${name} on ${db}: RSS after seeding ${memory.rssAfterSeedMb} MB, peak ${memory.peakRssMb} MB`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(figures).map(([k, f]) => [
        k,
        {
          'req/s': f.requestsPerSec,
          'p50 ms': f.latencyP50,
          'p99 ms': f.latencyP99,
          errors: f.errors,
          non2xx: f.non2xx,
        },
      ]),
    ),
  );
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}-${db}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return result;
}
