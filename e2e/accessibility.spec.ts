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
import { committeeNamed, meetingOfMode } from './support/committees.ts';
import {
  Authenticator,
  apiSession,
  failureScreenshot,
  onScreen,
  openNav,
  poll,
  settled,
  signInThroughForm,
  signOut,
  submitPassword,
  text,
  tr,
  warnIfNoChromium,
} from './support/journeys.ts';
import { alterOneByte } from './support/pdf.ts';
import { type E2eServer, startServer } from './support/server.ts';

// Journey 8 of the foundation: no serious or critical axe-core violations on any screen of the foundation,
// and the shell works on a 375 px phone (menu behind the burger, no sideways scrolling). The public
// verification pages of signed documents get the same checks: a citizen may open them from a QR code on a phone.

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

  /** A document the demo issued, signed and sealed: its public verification code and its signed PDF. */
  let issued: { code: string; pdf: Buffer } | undefined;
  async function issuedDocument() {
    if (issued) return issued;
    const clerk = await apiSession(server, auth, 'vanthu');
    const list = await clerk.get<{ items: { id: string }[] }>('/api/documents?box=issued');
    for (const { id } of list.body.items) {
      const report = await clerk.get<{ document: { code: string } | null }>(
        `/api/documents/${id}/signatures`,
      );
      if (report.status !== 200 || !report.body.document) continue;
      const pdf = await server.app.inject({
        url: `/api/documents/${id}/pdf`,
        headers: { cookie: clerk.cookie },
      });
      issued = { code: report.body.document.code, pdf: pdf.rawPayload };
      return issued;
    }
    throw new Error('the demo has no signed, issued document');
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

  it('the public verification pages and the signing-certificates page have no serious violations', async () => {
    const { found, audit } = axeReport();
    const { code, pdf } = await issuedDocument();
    // No account: what a citizen sees after scanning the QR code, or when checking a file.
    const page = await freshPage();
    await page.goto('/verify');
    await page.getByTestId('verify-drop').waitFor();
    await audit(page, 'verify a file');
    await page.goto(`/verify/${code}`);
    await page.locator('[data-testid="verify-verdict"][data-verdict="authentic"]').waitFor();
    await page.getByTestId('signature-row').first().waitFor();
    await audit(page, 'verification record');
    // The answer to a forged copy: the red verdict and each signature's problem.
    await page.goto('/verify');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('verify-drop-button').click();
    await (await chooser).setFiles({
      name: 'altered.pdf',
      mimeType: 'application/pdf',
      buffer: alterOneByte(pdf),
    });
    await page.locator('[data-testid="verify-verdict"][data-verdict="altered"]').waitFor();
    await audit(page, 'verify an altered file');

    // The agency administrator's signing certificates (the demo's issued documents gave it some).
    await signInThroughForm(page, auth, 'quantri');
    await openNav(page, 'nav-certificates');
    await page.getByTestId('certificate-row').first().waitFor();
    await audit(page, 'signing certificates');

    expect(found).toEqual({
      'verify a file': [],
      'verification record': [],
      'verify an altered file': [],
      'signing certificates': [],
    });
  });

  /** The demo's province council (Lâm Sơn): its noticed online meeting and its written deliberation. */
  async function councilMeetings() {
    const { committee, meetings } = await committeeNamed(
      await apiSession(server, auth, 'thuky'),
      'Hội đồng thẩm định dự án đầu tư công tỉnh Lâm Sơn',
    );
    return {
      committee,
      online: meetingOfMode(meetings, 'online'),
      written: meetingOfMode(meetings, 'written'),
    };
  }
  async function openMeeting(page: Page, id: string) {
    await page.goto(`/committees/meetings/${id}`);
    await page.getByTestId('meeting-status').waitFor({ timeout: 15_000 });
    await page.getByTestId('agenda-item').first().waitFor();
  }

  it('the committee meeting pages have no serious violations, for the secretary and for a member', async () => {
    const { found, audit } = axeReport();
    const { online, written } = await councilMeetings();
    const page = await freshPage();
    // The secretary: the meeting's steps, attendance switches, quorum bar and agenda with its materials.
    await signInThroughForm(page, auth, 'thuky');
    await openMeeting(page, online.id);
    await page.getByTestId('meeting-actions').waitFor();
    await page.getByTestId('quorum-bar').waitFor();
    await audit(page, 'meeting (secretary)');
    await openMeeting(page, written.id);
    await audit(page, 'written deliberation (secretary)');
    // A member: "will you attend", "I'm here", conflict declarations; the written proposal's vote with a reason.
    await signOut(page);
    await signInThroughForm(page, auth, 'chuyenvien.kt');
    await openMeeting(page, online.id);
    await page.getByTestId('check-in').waitFor();
    await audit(page, 'meeting (member)');
    await openMeeting(page, written.id);
    await page.getByTestId('vote-form').waitFor();
    await audit(page, 'written deliberation (member)');
    expect(found).toEqual({
      'meeting (secretary)': [],
      'written deliberation (secretary)': [],
      'meeting (member)': [],
      'written deliberation (member)': [],
    });
  });

  it('the public invitation page has no serious violations, valid or not', async () => {
    const { found, audit } = axeReport();
    const { committee } = await councilMeetings();
    const secretary = await apiSession(server, auth, 'thuky');
    const today = new Date().toISOString().slice(0, 10);
    const invited = await secretary.send<{ link: string }>(
      'POST',
      `/api/committees/${committee.id}/invitations`,
      {
        email: `expert.${Date.now()}@example.org`,
        name: 'TS. Nguyễn Văn Khách',
        role: 'member',
        termStart: today,
        termEnd: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`,
        locale: 'vi',
      },
    );
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    // No account yet: what the invited expert opens from the e-mail.
    const page = await freshPage();
    await page.goto(new URL(invited.body.link).pathname);
    await page.getByTestId('invite-accept').waitFor();
    await audit(page, 'invitation');
    await page.goto('/invite/not-a-real-token');
    await page.getByRole('alert').waitFor();
    await audit(page, 'invitation (invalid link)');
    expect(found).toEqual({ invitation: [], 'invitation (invalid link)': [] });
  });

  it('on a 375 px phone the external member reads and votes on committee meetings without sideways scrolling', async () => {
    const { online, written } = await councilMeetings();
    const page = await freshPage({ phone: true });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await signInThroughForm(page, auth, 'chuyengia');
    await openMeeting(page, online.id);
    await page.getByTestId('check-in').waitFor();
    await page.getByTestId('quorum-bar').waitFor();
    expect(await fits()).toBe(true);
    await screenshot(page, 'phone-meeting');
    await openMeeting(page, written.id);
    await page.getByTestId('vote-form').waitFor();
    expect(await fits()).toBe(true);
    await screenshot(page, 'phone-written-deliberation');
  });

  it('on a 375 px phone the public verification pages fit without sideways scrolling', async () => {
    const { code } = await issuedDocument();
    const page = await freshPage({ phone: true });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.goto(`/verify/${code}`);
    await page.getByTestId('verify-summary').waitFor();
    await page.getByTestId('signature-row').first().waitFor();
    expect(await fits()).toBe(true);
    await screenshot(page, 'phone-verify-record');
    await page.goto('/verify');
    await page.getByTestId('verify-drop').waitFor();
    expect(await fits()).toBe(true);
    await screenshot(page, 'phone-verify');
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
