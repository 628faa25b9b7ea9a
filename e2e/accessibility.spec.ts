import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  hasChromium,
  launchBrowser,
  newContext,
  type Page,
  screenshot,
  seriousA11yViolations,
} from './support/browser.ts';
import {
  Authenticator,
  failureScreenshot,
  onScreen,
  openNav,
  poll,
  settled,
  signInThroughForm,
  submitPassword,
  text,
  tr,
  warnIfNoChromium,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// Journey 8 of the foundation: no serious or critical axe-core violations on any screen of the foundation,
// and the shell works on a 375 px phone (menu behind the burger, no sideways scrolling).

warnIfNoChromium();

describe.runIf(hasChromium)('accessibility and phone', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let lastPage: Page | undefined;
  const auth = new Authenticator();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && !task.fails) await failureScreenshot(lastPage, task.name);
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshPage(opts: { phone?: boolean } = {}) {
    context = await newContext(browser, server.url, opts);
    lastPage = await context.newPage();
    return lastPage;
  }

  /** Violations per screen; the test's one assertion prints them all when any screen has one. */
  function axeReport() {
    const found: Record<string, Awaited<ReturnType<typeof seriousA11yViolations>>> = {};
    const audit = async (page: Page, screen: string) => {
      found[screen] = await seriousA11yViolations(page);
    };
    return { found, audit };
  }

  it('the sign-in, second-factor and enrolment screens have no serious accessibility violations', async () => {
    const { found, audit } = axeReport();
    const page = await freshPage();
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    await audit(page, 'sign-in');

    // A wrong password: the error message is part of the screen too.
    await submitPassword(page, 'chuyenvien', 'not-the-password');
    await page.getByTestId('login-form').getByRole('alert').waitFor();
    await audit(page, 'sign-in with error');

    await submitPassword(page, 'admin');
    await page.getByTestId('totp-secret').waitFor();
    await audit(page, 'enrolment');
    expect(found).toEqual({ 'sign-in': [], 'sign-in with error': [], enrolment: [] });
  });

  it('home, profile, organisation, people, delegations and audit have no serious violations', async () => {
    const { found, audit } = axeReport();
    const page = await freshPage();
    await signInThroughForm(page, auth, 'admin');
    const screens: [string, string | null, string][] = [
      ['home', null, '#home-posts'],
      ['organisation', 'nav-org', '[data-testid="agency-tree"]'],
      ['people', 'nav-people', '[data-testid="people-table"]'],
      ['delegations', 'nav-delegations', '[data-testid="delegations-table"]'],
      ['audit', 'nav-audit', '[data-testid="audit-table"]'],
    ];
    for (const [screen, nav, ready] of screens) {
      if (nav) await openNav(page, nav);
      await page.locator(ready).waitFor();
      await audit(page, screen);
    }
    await page.goto('/profile');
    await page.getByTestId('session-list').waitFor();
    await audit(page, 'profile');
    // The header's menus, opened.
    await page.getByTestId('notification-bell').click();
    await settled(page.getByRole('dialog', { name: tr('en', 'notifications.title') }));
    await audit(page, 'notifications dropdown');
    await page.keyboard.press('Escape');

    expect(found).toEqual({
      home: [],
      organisation: [],
      people: [],
      delegations: [],
      audit: [],
      profile: [],
      'notifications dropdown': [],
    });
  });

  it('on a 375 px phone the menu opens from the burger and nothing scrolls sideways', async () => {
    const page = await freshPage({ phone: true });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    expect(await width()).toBeLessThanOrEqual(375);

    await signInThroughForm(page, auth, 'admin');
    const burger = page.getByRole('button', { name: tr('en', 'nav.open') });
    const people = page.getByTestId('nav-people');
    await page.locator('#home-posts').waitFor();
    expect(await burger.isVisible()).toBe(true);
    expect(await onScreen(people)()).toBe(false);
    expect(await width()).toBeLessThanOrEqual(375);
    await screenshot(page, 'phone-home');

    await burger.click();
    await poll(onScreen(people)).toBe(true);
    const close = page.getByRole('button', { name: tr('en', 'nav.close') });
    expect(await close.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'phone-menu');
    await people.click();
    await page.getByTestId('people-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/people');
    // Choosing a page closes the menu; the wide table scrolls inside its own box, not the page.
    await poll(onScreen(people)).toBe(false);
    await poll(text(page.getByRole('heading', { level: 1 }))).toBe(tr('en', 'people.title'));
    expect(await width()).toBeLessThanOrEqual(375);
    await screenshot(page, 'phone-people');
  });

  // Below the sm breakpoint the closed menu is moved off-canvas and made inert, so Tab skips its links.
  it('on a phone, the closed menu takes no keyboard focus', async () => {
    const page = await freshPage({ phone: true });
    await signInThroughForm(page, auth, 'chuyenvien');
    await page.locator('#home-posts').waitFor();
    const focusedOffScreen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const r = el?.getBoundingClientRect();
        return r && r.right <= 0 ? (el?.getAttribute('data-testid') ?? el?.tagName ?? '') : null;
      });
      if (where) focusedOffScreen.push(where);
    }
    expect(focusedOffScreen).toEqual([]);
  });
});
