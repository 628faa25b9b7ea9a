import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  hasChromium,
  launchBrowser,
  type Page,
  screenshot,
  seriousA11yViolations,
} from './support/browser.ts';
import {
  Authenticator,
  dismissToasts,
  failureScreenshot,
  openNav,
  poll,
  readText,
  signInThroughForm,
  tr,
  warnIfNoChromium,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// Scheduling video meetings in the browser, without a media server: the page says video is off, an official
// schedules a meeting for a unit with the province's video-conference room, is refused the same room at the same
// time with the server's message, edits the title (a booked meeting keeps its times), cancels, and finds it among
// the past meetings; the list fits a 375 px phone.

warnIfNoChromium();

const roomName = 'Phòng họp trực tuyến tầng 3';
const timeZone = 'Asia/Ho_Chi_Minh';
/** A calendar date in Vietnam three days from now, clear of the demo bookings (tomorrow's). */
const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + 3 * 86_400_000));

describe.runIf(hasChromium)('scheduling video meetings', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lastPage: Page | undefined;
  const auth = new Authenticator();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await failureScreenshot(lastPage, task.name);
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function as(username: string, opts: { phone?: boolean } = {}) {
    const context = await browser.newContext({
      baseURL: server.url,
      bypassCSP: true,
      locale: 'vi-VN',
      timezoneId: timeZone,
      viewport: opts.phone ? { width: 375, height: 740 } : { width: 1280, height: 860 },
      isMobile: opts.phone ?? false,
      hasTouch: opts.phone ?? false,
    });
    contexts.push(context);
    lastPage = await context.newPage();
    await signInThroughForm(lastPage, auth, username);
    return lastPage;
  }

  /** Fills the schedule form: title, 09:00–10:00 on `day`, the first unit, and the room. */
  async function fillSchedule(page: Page, title: string) {
    await page.getByTestId('meeting-schedule').click();
    const form = page.getByTestId('video-meeting-form');
    await form.waitFor();
    await page.getByTestId('meeting-title').fill(title);
    await page.getByTestId('meeting-starts').fill(`${day}T09:00`);
    await page.getByTestId('meeting-ends').fill(`${day}T10:00`);
    await page.getByTestId('invitees-unit').click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-resource').click();
    await page.getByRole('option', { name: new RegExp(roomName) }).click();
    return form;
  }

  it('schedules with a room, is refused the same room, edits, cancels', async () => {
    const page = await as('chuyenvien');
    await openNav(page, 'nav-meetings');
    // The test server runs no media server: joining is off, and the page says why.
    await page.locator('[data-testid="video-unavailable"][data-reason="disabled"]').waitFor();

    await fillSchedule(page, 'Họp rà soát kế hoạch quý IV');
    await page.getByTestId('resource-free').waitFor();
    await page.getByTestId('meeting-save').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingUrl = new URL(page.url()).pathname;
    await poll(() => readText(page.getByRole('heading', { level: 1 }))).toBe('Họp rà soát kế hoạch quý IV');
    expect(await page.getByTestId('meeting-status').getAttribute('data-status')).toBe('scheduled');
    await poll(() => readText(page.locator('#meeting-details'))).toContain(roomName);
    expect(await page.getByTestId('invitee').count()).toBe(1);
    await screenshot(page, 'meetings-detail');

    // The same room at the same time: the form warns, and the server refuses with its own words.
    await dismissToasts(page);
    await page.goto('/meetings');
    const form = await fillSchedule(page, 'Họp trùng phòng');
    await page.getByTestId('resource-taken').waitFor();
    await page.getByTestId('meeting-save').click();
    const refusal = form.getByTestId('meeting-form-error');
    await poll(() => readText(refusal)).toContain(tr('vi', 'meetings.form.conflictTitle'));
    expect(await readText(refusal)).toContain(roomName);
    await page.keyboard.press('Escape');

    // The host edits the title; the booked times stay as booked.
    await page.goto(meetingUrl);
    await page.getByTestId('meeting-edit').click();
    expect(await page.getByTestId('meeting-starts').isDisabled()).toBe(true);
    await page.getByTestId('meeting-title').fill('Họp rà soát kế hoạch năm');
    await page.getByTestId('meeting-save').click();
    await poll(() => readText(page.getByRole('heading', { level: 1 }))).toBe('Họp rà soát kế hoạch năm');

    // Cancelled: said on the page, and listed among the past meetings.
    await page.getByTestId('meeting-cancel').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: tr('vi', 'meetings.detail.cancelConfirm') })
      .click();
    await page.getByTestId('meeting-cancelled').waitFor();
    await page.goto('/meetings?when=past');
    const card = page.getByTestId('meeting-card').filter({ hasText: 'Họp rà soát kế hoạch năm' });
    await poll(() => card.getByTestId('meeting-status').getAttribute('data-status')).toBe('cancelled');
  }, 120_000);

  it('fits a 375 px phone and has no serious accessibility findings', async () => {
    const page = await as('chuyenvien', { phone: true });
    await page.goto('/meetings?when=past');
    await page.getByTestId('meeting-card').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('meeting-card').first().getByRole('link').first().click();
    await page.locator('#meeting-details').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'meetings-detail-phone');
  }, 60_000);
});
