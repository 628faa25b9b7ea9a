import { demoAgencies } from '@civicdesk/server/src/modules/demo/demo.data.ts';
import { identityMessages } from '@civicdesk/server/src/modules/identity/identity.messages.ts';
import { platformMessages } from '@civicdesk/server/src/platform/i18n/platform.messages.ts';
import { generate } from 'otplib';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import en from '../../apps/web/src/lib/i18n/en.json';
import ko from '../../apps/web/src/lib/i18n/ko.json';
import vi from '../../apps/web/src/lib/i18n/vi.json';
import { chromiumPath, hasChromium, type Page } from './browser.ts';
import type { E2eServer } from './server.ts';

// Building blocks of the browser journeys: signing in through the form, TOTP codes that never reuse a time
// step, API sessions for setup and checks, and the UI texts of each language (taken from the web client's
// own bundles, so a test reads what a person reads without copying translations).

export const demoPassword = 'civicdesk-demo';

/** One line per spec file where Chromium is missing, so a skipped run says why. */
export function warnIfNoChromium() {
  if (!hasChromium)
    console.warn(
      `[e2e] Chromium not found at ${chromiumPath}: browser journeys skipped (apt-get install -y chromium fonts-nanum)`,
    );
}

/** A demo account as the seed creates it: name, agency, role and the language saved in the profile. */
export function demoPerson(username: string) {
  for (const agency of demoAgencies) {
    const p = agency.people.find((x) => x.username === username);
    if (p)
      return {
        ...p,
        agencyCode: agency.code,
        agencyName: agency.name,
        lang: (agency.country === 'kr' ? 'ko' : 'vi') as Lang,
      };
  }
  throw new Error(`no demo account ${username}`);
}

type Bundle = Record<string, unknown>;
const bundles: Record<'en' | 'ko' | 'vi', Bundle> = { en, ko, vi };
export type Lang = keyof typeof bundles;

/** A UI text in one language, with {{params}} and $t(nested.key) resolved like i18next does. */
export function tr(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const lookup = (k: string): string => {
    const value = k
      .split('.')
      .reduce<unknown>((node, part) => (node as Bundle | undefined)?.[part], bundles[lang]);
    if (typeof value !== 'string') throw new Error(`no text ${lang}:${k}`);
    return value;
  };
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  return fill(lookup(key)).replace(/\$t\(([^)]+)\)/g, (_, nested: string) => fill(lookup(nested)));
}

/** An error message as the server words it in one language (e.g. 'identity.bad_totp', 'error.forbidden'). */
export function serverMessage(lang: Lang, key: string): string {
  const message = identityMessages[lang]?.[key] ?? platformMessages[lang]?.[key];
  if (!message) throw new Error(`no server message ${lang}:${key}`);
  return message;
}

/** The rendered text of a locator, for expect.poll (the UI may still be re-rendering, e.g. after a language switch). */
export const text = (locator: Locator) => () => readText(locator, 2_000);

/** The text a person sees (Playwright's Locator.innerText: rendered, laid-out text). */
export function readText(locator: Locator, timeout?: number): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node: the rendered text is the point
  return locator.innerText({ timeout });
}

/** expect.poll with a timeout that suits a loaded 2-core machine (vitest's default is one second). */
export const poll = <T>(fn: () => T | Promise<T>, timeout = 10_000) =>
  expect.poll(fn, { timeout, interval: 100 });

/** Whether the element lies wholly inside the viewport (an off-canvas menu is "visible" to Playwright). */
export const onScreen = (locator: Locator) => () =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 &&
      r.height > 0 &&
      r.left >= 0 &&
      r.right <= innerWidth &&
      r.top >= 0 &&
      r.bottom <= innerHeight
    );
  });

/** Waits until an element's open transition has finished (axe reads colours mid-fade as low contrast). */
export const settled = (locator: Locator) =>
  poll(() => locator.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The authenticator app of every account a test file enrols. The server accepts the current 30-s step ±1 and
 * never the same (or an earlier) step twice, so each code is for the step after the last one used; when
 * that step is still too far ahead, this waits for the clock.
 */
export class Authenticator {
  private secrets = new Map<string, string>();
  private lastStep = new Map<string, number>();

  remember(username: string, secret: string) {
    this.secrets.set(username, secret.replace(/\s+/g, ''));
    this.lastStep.delete(username);
  }

  async code(username: string): Promise<string> {
    const secret = this.secrets.get(username);
    if (!secret) throw new Error(`no TOTP secret for ${username}`);
    for (;;) {
      const now = Math.floor(Date.now() / 30_000);
      const step = Math.max(now, (this.lastStep.get(username) ?? Number.NEGATIVE_INFINITY) + 1);
      if (step <= now + 1) {
        this.lastStep.set(username, step);
        return generate({ secret, epoch: step * 30 });
      }
      await sleep(1000);
    }
  }

  /** Six digits that are not a valid code for this account at any step the server would accept now. */
  async wrongCode(username: string): Promise<string> {
    const secret = this.secrets.get(username);
    if (!secret) throw new Error(`no TOTP secret for ${username}`);
    const now = Math.floor(Date.now() / 30_000);
    const valid = new Set(
      await Promise.all([-1, 0, 1, 2].map((d) => generate({ secret, epoch: (now + d) * 30 }))),
    );
    for (let n = 0; ; n++) {
      const candidate = String((123456 + n * 111_111) % 1_000_000).padStart(6, '0');
      if (!valid.has(candidate)) return candidate;
    }
  }
}

// ---- Through the browser ----

/** Opens the sign-in page and submits username and password (the page's language does not matter). */
export async function submitPassword(page: Page, username: string, password = demoPassword) {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  const form = page.getByTestId('login-form');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}

/** Waits for the signed-in shell. */
export async function expectShell(page: Page) {
  await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
}

/** At the forced-enrolment page: reads the secret shown, confirms with a code; ends in the app. */
export async function enrolTotpOnPage(page: Page, auth: Authenticator, username: string) {
  await page.waitForURL('**/enroll');
  const shown = (await readText(page.getByTestId('totp-secret'))).trim();
  expect(shown).toMatch(/^[A-Z2-7 ]{16,}$/);
  auth.remember(username, shown);
  const form = page.getByTestId('totp-enable-form');
  await form.locator('input[name="totp"]').fill(await auth.code(username));
  await form.locator('button[type="submit"]').click();
  await expectShell(page);
}

/** On a failed test: a full-page screenshot in $E2E_SCREENSHOTS, else in test-results/e2e (git-ignored). */
export async function failureScreenshot(page: Page | undefined, testName: string) {
  if (!page || page.isClosed()) return;
  const dir = process.env.E2E_SCREENSHOTS ?? 'test-results/e2e';
  const file = `${dir}/FAILED-${testName.replace(/[^\w.-]+/g, '-').slice(0, 80)}.png`;
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.warn(`[e2e] failed at ${page.url()}; screenshot: ${file}`);
}

/** Waits until one of the named conditions holds; returns its name. */
export async function firstOf<T extends string>(
  checks: Record<T, () => Promise<boolean>>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const [name, check] of Object.entries(checks) as [T, () => Promise<boolean>][])
      if (await check().catch(() => false)) return name;
    await sleep(100);
  }
  throw new Error(`none of ${Object.keys(checks).join(', ')} within ${timeoutMs} ms`);
}

/** Signs in through the form, completing whatever second factor the account is at (enrolment or code). */
export async function signInThroughForm(page: Page, auth: Authenticator, username: string) {
  await submitPassword(page, username);
  const outcome = await firstOf({
    in: () => page.getByTestId('user-menu').isVisible(),
    mfa: () => page.getByTestId('mfa-form').isVisible(),
    enroll: () => page.getByTestId('totp-secret').isVisible(),
  });
  if (outcome === 'enroll') await enrolTotpOnPage(page, auth, username);
  if (outcome === 'mfa') {
    const form = page.getByTestId('mfa-form');
    await form.locator('input[name="totp"]').fill(await auth.code(username));
    await form.locator('button[type="submit"]').click();
  }
  await expectShell(page);
}

/**
 * Signing asks who the person is first (step-up): the final approval and the seal at issuance open the
 * identity-check dialog instead of a plain confirmation. Types the opinion when given, then the password.
 */
export async function confirmIdentity(page: Page, { opinion }: { opinion?: string } = {}) {
  const dialog = page.getByTestId('step-up-dialog');
  await dialog.waitFor();
  if (opinion) await dialog.getByTestId('act-opinion').fill(opinion);
  await dialog.getByTestId('step-up-password').fill(demoPassword);
  await dialog.getByTestId('step-up-submit').click();
  // Signing renders and signs the PDF on the server: more than a plain click's worth of time on a busy machine.
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}

/** Closes the toasts in the top-right corner, where they cover the header's menus for several seconds. */
export async function dismissToasts(page: Page) {
  const close = page.locator('.mantine-Notifications-root .mantine-Notification-closeButton');
  for (const button of await close.all()) await button.click({ timeout: 1_000 }).catch(() => undefined);
  await poll(() => close.count()).toBe(0);
}

export async function signOut(page: Page) {
  await dismissToasts(page);
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL('**/login');
  await page.getByTestId('login-form').waitFor();
  // The session is gone on the server, not just in the page.
  expect((await page.request.get('/api/me')).status()).toBe(401);
}

/** Follows a navigation entry; on phones the menu first opens from the burger. */
export async function openNav(page: Page, testId: string) {
  const burger = page.locator('button[aria-controls="app-navbar"]');
  if (await burger.isVisible()) await burger.click();
  await page.getByTestId(testId).click();
  await page.locator(`[data-testid="${testId}"][aria-current="page"]`).waitFor();
}

// ---- Through the API (setup and checks) ----

export type ApiSession = {
  cookie: string;
  get<T = unknown>(url: string): Promise<{ status: number; body: T }>;
  send<T = unknown>(
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }>;
};

/** A full session of `username` through Fastify inject, enrolling or answering TOTP when policy asks. */
export async function apiSession(
  server: E2eServer,
  auth: Authenticator,
  username: string,
): Promise<ApiSession> {
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: demoPassword },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in of ${username}: ${login.statusCode} ${login.body}`);
  const token = login.cookies.find((c) => c.name === 'cd_session')?.value;
  if (!token) throw new Error('no session cookie');
  const cookie = `cd_session=${token}`;
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await server.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : undefined) as T };
  };
  const { stage } = login.json() as { stage: 'full' | 'mfa' | 'enroll' };
  if (stage === 'enroll') {
    const setup = await call<{ secret: string }>('POST', '/api/me/totp/setup');
    auth.remember(username, setup.body.secret);
    const enable = await call('POST', '/api/me/totp/enable', { code: await auth.code(username) });
    if (enable.status !== 200)
      throw new Error(`TOTP enrolment of ${username}: ${JSON.stringify(enable.body)}`);
  } else if (stage === 'mfa') {
    const mfa = await call('POST', '/api/auth/mfa/totp', { code: await auth.code(username) });
    if (mfa.status !== 200) throw new Error(`TOTP step of ${username}: ${JSON.stringify(mfa.body)}`);
  }
  return {
    cookie,
    get: (url) => call('GET', url),
    send: (method, url, payload) => call(method, url, payload),
  };
}

export type AgencyRow = { id: string; code: string; name: string; canAdmin: boolean };
export type PersonRow = {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  posts: {
    agencyId: string;
    unitId: string | null;
    unitName: string | null;
    role: string;
    active: boolean;
  }[];
};

export async function agencyByCode(api: ApiSession, code: string): Promise<AgencyRow> {
  const { body } = await api.get<AgencyRow[]>('/api/agencies');
  const found = body.find((a) => a.code === code);
  if (!found) throw new Error(`agency ${code} not visible`);
  return found;
}

export async function personByUsername(
  api: ApiSession,
  agencyId: string,
  username: string,
): Promise<PersonRow> {
  const { status, body } = await api.get<PersonRow[]>(`/api/agencies/${agencyId}/people`);
  if (status !== 200) throw new Error(`people of ${agencyId}: ${status}`);
  const found = body.find((p) => p.username === username);
  if (!found) throw new Error(`${username} not in ${agencyId}`);
  return found;
}
