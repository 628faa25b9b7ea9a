import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { generate } from 'otplib';
import { buildApp } from '../src/app.ts';
import { systemCtx } from '../src/bootstrap.ts';
import type { Config } from '../src/config.ts';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { ensureDefaultTiers } from '../src/modules/org/org.service.ts';
import type { App } from '../src/platform/http/types.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export const demoPassword = 'civicdesk-demo';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    dataDir: path.join('/tmp', `civicdesk-test-${randomBytes(4).toString('hex')}`),
    demo: false,
    publicUrl: 'http://localhost',
    logLevel: 'silent',
    secret: randomBytes(32),
    trustedNetworks: ['127.0.0.0/8', '::1/128'],
    sessionHours: 12,
    loginRateLimit: 10_000,
    trustProxy: [],
    mailFrom: 'CivicDesk <no-reply@test.local>',
    reminderIntervalMinutes: 0,
    maxUploadBytes: 2 * 1024 * 1024,
    webDist: '/nonexistent',
    cookieSecure: false,
    pkcs11Modules: ['/usr/lib/softhsm/libsofthsm2.so'],
    // Test files sign long after their people stepped up once in beforeAll.
    stepUpMinutes: 60,
    // No media server unless a test brings its own (test/janus-netns.ts).
    janus: {
      mode: 'off',
      urls: [],
      bin: 'janus',
      host: '127.0.0.1',
      rtpPortRange: '20000-20200',
      streamingPortRange: '21000-21200',
    },
    ...overrides,
  };
}

export type TestApp = { app: App; config: Config; db: TestDatabase; close(): Promise<void> };

/** Builds the real application on a private database; with `demo`, seeds the demo organisation. */
/** `demo: true` seeds the demo organisation; `'full'` also its documents and committees; `'committees'` the committees only. */
export async function createTestApp(
  opts: { demo?: boolean | 'full' | 'committees'; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const config = testConfig(opts.config);
  const db = await openTestDatabase();
  await ensureDefaultTiers(db.database.db);
  if (opts.demo)
    await seedDemo(systemCtx(db.database), config, {
      documents: opts.demo === 'full',
      committees: opts.demo === 'full' || opts.demo === 'committees',
    });
  const app = await buildApp({ config, database: db.database, logger: false });
  await app.ready();
  return {
    app,
    config,
    db,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Signs in with a password and returns the Cookie header for later requests. */
export async function signIn(
  app: App,
  username: string,
  password = demoPassword,
  totp?: string,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, totp },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cd_session');
  if (!cookie) throw new Error('no session cookie');
  return `cd_session=${cookie.value}`;
}

/** Step-up re-authentication with the password, so the session may sign for the next minutes. */
export async function stepUp(app: App, cookie: string, password = demoPassword): Promise<void> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/step-up',
    headers: { cookie },
    payload: { password },
  });
  if (res.statusCode !== 200) throw new Error(`step-up failed: ${res.statusCode} ${res.body}`);
}

/** A TOTP code for the step after the last one used (replay protection refuses a reused step). */
export async function nextTotp(secret: string, stepOffset = 1): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * 30 });
}

export async function agencyIdByCode(app: App, cookie: string, code: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/agencies', headers: { cookie } });
  const found = (res.json() as { id: string; code: string }[]).find((a) => a.code === code);
  if (!found) throw new Error(`agency ${code} not visible`);
  return found.id;
}

/** Signs in a person whose role requires a second factor: enrols TOTP on the way; returns cookie and secret. */
export async function signInEnrolled(
  app: App,
  username: string,
): Promise<{ cookie: string; secret: string }> {
  const cookie = await signIn(app, username);
  const setup = await app.inject({ method: 'POST', url: '/api/me/totp/setup', headers: { cookie } });
  if (setup.statusCode !== 200) throw new Error(`totp setup failed: ${setup.body}`);
  const { secret } = setup.json() as { secret: string };
  const code = await generate({ secret });
  const enable = await app.inject({
    method: 'POST',
    url: '/api/me/totp/enable',
    headers: { cookie },
    payload: { code },
  });
  if (enable.statusCode !== 200) throw new Error(`totp enable failed: ${enable.body}`);
  return { cookie, secret };
}
