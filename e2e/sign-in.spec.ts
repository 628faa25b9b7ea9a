import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  hasChromium,
  launchBrowser,
  newContext,
  type Page,
  screenshot,
} from './support/browser.ts';
import {
  Authenticator,
  demoPerson,
  enrolTotpOnPage,
  failureScreenshot,
  poll,
  readText,
  serverMessage,
  signInThroughForm,
  signOut,
  submitPassword,
  text,
  tr,
  warnIfNoChromium,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// Journeys 1, 2, 3 and 7 of the foundation: signing in for every role, two-factor sign-in, the language
// switch, and passkeys.

warnIfNoChromium();

describe.runIf(hasChromium)('sign-in journeys', () => {
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

  async function freshPage(opts: { locale?: string } = {}) {
    context = await newContext(browser, server.url, opts);
    lastPage = await context.newPage();
    return lastPage;
  }

  // A sample covering every role; guchung is in the Korean district office, chuyengia an external member.
  it.each(['chuyenvien', 'chutich', 'vanthu', 'thuky', 'canbo.tanphu', 'guchung', 'chuyengia'])(
    '%s signs in through the form and sees their name, agency and post',
    async (username) => {
      const person = demoPerson(username);
      const page = await freshPage();
      await submitPassword(page, username);
      if (person.role === 'external_member') {
        // External members must set up a second factor before anything else, and then see only their
        // committees: no home page, no documents, just the committee they sit on.
        await page.waitForURL('**/enroll');
        await enrolTotpOnPage(page, auth, username);
        // (a client-side redirect: the path is polled rather than awaited as a page load)
        await poll(() => new URL(page.url()).pathname).toBe('/committees');
        await page.getByTestId('committee-card').first().waitFor();
        await poll(text(page.getByTestId('user-menu'))).toContain(person.name);
        await poll(text(page.getByTestId('agency-context'))).toBe(person.agencyName);
        expect(await page.getByTestId('nav-home').count()).toBe(0);
        expect(await page.getByTestId('nav-org').count()).toBe(0);
        return;
      }
      await page.getByTestId('user-menu').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');

      // The UI comes up in the language saved in the person's profile, whatever the browser prefers.
      const lang = person.lang;
      await poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      await poll(text(page.getByTestId('agency-context'))).toBe(person.agencyName);
      await poll(text(page.getByTestId('user-menu'))).toContain(person.name);
      await poll(text(page.getByRole('heading', { level: 1 }))).toContain(person.name);
      const posts = page.locator('#home-posts');
      await poll(text(posts)).toContain(tr(lang, `roles.${person.role}`));
      await poll(text(posts)).toContain(person.agencyName);
      if (person.position) await poll(text(posts)).toContain(person.position);
      // None of these roles administers anything: no administration menu.
      await poll(text(page.getByTestId('nav-home'))).toBe(tr(lang, 'nav.home'));
      expect(await page.getByTestId('nav-org').count()).toBe(0);

      if (username === 'guchung') {
        // Korean agency: dates read YYYY. M. D. (행정업무운영규정), here the sign-in time of this session.
        await page.getByTestId('user-menu').click();
        await page.getByRole('menuitem', { name: tr('ko', 'userMenu.profile') }).click();
        await page.waitForURL('**/profile');
        const today = await page.evaluate(() => {
          const d = new Date();
          return `${d.getFullYear()}. ${d.getMonth() + 1}. ${d.getDate()}.`;
        });
        const current = page.locator('[data-testid="session-list"] tr[data-current]');
        await current.waitFor();
        expect(await readText(current)).toMatch(new RegExp(`${today.replace(/\./g, '\\.')} \\d{2}:\\d{2}`));
        await poll(text(page.getByRole('heading', { level: 1 }))).toBe(tr('ko', 'profile.title'));
        await screenshot(page, 'profile-ko');
      }
      if (username === 'chuyenvien') await screenshot(page, 'home-official-vi');
      await signOut(page);
    },
  );

  it('admin enrols TOTP at first sign-in, then signs in with the next code; a wrong code is refused', async () => {
    const page = await freshPage();
    await submitPassword(page, 'admin');
    await page.waitForURL('**/enroll');
    await poll(text(page.getByRole('heading', { level: 1 }))).toBe(tr('en', 'enroll.title'));
    await screenshot(page, 'enroll');
    await enrolTotpOnPage(page, auth, 'admin');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('nav-org').isVisible()).toBe(true);
    const me = await page.request.get('/api/me');
    expect(await me.json()).toMatchObject({ username: 'admin', totpEnabled: true, stage: 'full' });
    await signOut(page);

    await submitPassword(page, 'admin');
    await page.getByTestId('mfa-step').waitFor();
    await poll(text(page.getByRole('heading', { level: 1 }))).toBe(tr('en', 'auth.mfaTitle'));
    // Still outside: the half-signed-in session opens nothing.
    expect((await page.request.get('/api/me')).status()).toBe(401);

    const form = page.getByTestId('mfa-form');
    const code = form.locator('input[name="totp"]');
    await code.fill(await auth.wrongCode('admin'));
    await form.locator('button[type="submit"]').click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    await poll(text(alert)).toBe(serverMessage('en', 'identity.bad_totp'));
    expect(await page.getByTestId('user-menu').count()).toBe(0);

    await code.fill(await auth.code('admin'));
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await poll(text(page.getByTestId('agency-context'))).toBe(demoPerson('quantri').agencyName);
    await signOut(page);
  });

  it('switches language on the sign-in page, and after sign-in saves the choice to the profile', async () => {
    const page = await freshPage();
    await page.goto('/login');
    const title = page.getByRole('heading', { level: 1 });
    const lang = () => page.locator('html').getAttribute('lang');
    await poll(text(title)).toBe(tr('en', 'auth.signInTitle'));
    expect(await lang()).toBe('en');

    for (const l of ['ko', 'vi'] as const) {
      await page.getByTestId('language-switch').click();
      await page.getByTestId(`language-option-${l}`).click();
      await poll(text(title)).toBe(tr(l, 'auth.signInTitle'));
      expect(await lang()).toBe(l);
      expect(await page.getByLabel(tr(l, 'auth.username')).count()).toBe(1);
      await poll(text(page.getByTestId('login-form').locator('button[type="submit"]'))).toBe(
        tr(l, 'auth.signIn'),
      );
      if (l === 'ko') await screenshot(page, 'sign-in-ko');
    }

    // chanhvanphong's profile says Vietnamese; switching to English in the app saves it.
    await signInThroughForm(page, auth, 'chanhvanphong');
    expect(await lang()).toBe('vi');
    await page.getByTestId('language-switch').click();
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH',
    );
    await page.getByTestId('language-option-en').click();
    expect((await saved).status()).toBe(200);
    await poll(lang).toBe('en');
    await poll(text(page.getByTestId('nav-home'))).toBe(tr('en', 'nav.home'));

    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(await lang()).toBe('en');
    await poll(text(page.getByTestId('nav-home'))).toBe(tr('en', 'nav.home'));
    expect(await (await page.request.get('/api/me')).json()).toMatchObject({ locale: 'en' });
    await context?.close();

    // Another browser that prefers Korean: the sign-in page is Korean, the app then follows the profile.
    const other = await freshPage({ locale: 'ko-KR' });
    await other.goto('/login');
    await poll(text(other.getByRole('heading', { level: 1 }))).toBe(tr('ko', 'auth.signInTitle'));
    await signInThroughForm(other, auth, 'chanhvanphong');
    await poll(() => other.locator('html').getAttribute('lang')).toBe('en');
    await poll(text(other.getByTestId('nav-home'))).toBe(tr('en', 'nav.home'));
  });

  it('an official adds a passkey on the profile page and signs in with it, without a password', async () => {
    const person = demoPerson('chuyenvien.kt');
    const page = await freshPage();
    const cdp = await context!.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    await signInThroughForm(page, auth, 'chuyenvien.kt');
    await page.goto('/profile');
    const form = page.getByTestId('passkey-add-form');
    await form.locator('input[name="passkey-name"]').fill('Máy tính cơ quan');
    await form.locator('button[type="submit"]').click();
    const list = page.getByTestId('passkey-list');
    await list.waitFor();
    await poll(text(list)).toContain('Máy tính cơ quan');
    await poll(text(list)).toContain(tr('vi', 'passkeys.never'));
    await screenshot(page, 'profile-passkey');
    await signOut(page);

    await page.getByTestId('passkey-sign-in').click();
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await poll(text(page.getByTestId('user-menu'))).toContain(person.name);
    expect(await (await page.request.get('/api/me')).json()).toMatchObject({
      username: 'chuyenvien.kt',
      stage: 'full',
      passkeys: 1,
    });
    // The passkey now shows as used.
    await page.goto('/profile');
    await list.waitFor();
    await poll(text(list)).not.toContain(tr('vi', 'passkeys.never'));
  });
});
