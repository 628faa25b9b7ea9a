import type { Resource } from '@civicdesk/contracts/rooms';
import { roomsMessages } from '@civicdesk/server/src/modules/rooms/rooms.messages.ts';
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
  type ApiSession,
  Authenticator,
  apiSession,
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

// Rooms and seats in the browser: a provincial official opens tomorrow's day view (in Vietnam's time zone),
// books the video-conference room through the modal, sees the booking on the day, is refused an overlapping
// one with the server's message naming the clashing time, and cancels; the page also fits a 375 px phone.

warnIfNoChromium();

const roomName = 'Phòng họp trực tuyến tầng 3';
const timeZone = 'Asia/Ho_Chi_Minh';
/** Tomorrow's calendar date in Vietnam. */
const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + 86_400_000));

describe.runIf(hasChromium)('rooms and seats', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lastPage: Page | undefined;
  const auth = new Authenticator();
  let official: ApiSession;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    official = await apiSession(server, auth, 'chuyenvien');
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

  it('books a slot through the modal, sees it in the day view, is refused an overlap, cancels', async () => {
    const page = await as('chuyenvien');
    await openNav(page, 'nav-rooms');
    await page.getByRole('button', { name: tr('vi', 'rooms.nextDay') }).click();
    await poll(() => page.locator('input[name="day"]').inputValue()).toBe(tomorrow);
    const card = page.getByRole('article', { name: roomName });
    // The demo's booking of tomorrow 09:00–10:30 (Vietnam time) is on the day already.
    await poll(() => readText(card)).toContain('09:00–10:30');
    await screenshot(page, 'rooms-day-desktop');

    await card.getByRole('button', { name: tr('vi', 'rooms.bookAction'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: tr('vi', 'rooms.book.title', { name: roomName }) });
    await dialog.waitFor();
    expect(await dialog.locator('input[name="day"]').inputValue()).toBe(tomorrow);
    expect(await readText(dialog.getByTestId('free-slots'))).toContain(
      '00:00–09:00 · 10:30–14:00 · 16:00–24:00',
    );
    await dialog.locator('input[name="title"]').fill('Họp chuẩn bị hội nghị trực tuyến');
    await dialog.locator('input[name="start"]').fill('11:00');
    await dialog.locator('input[name="end"]').fill('12:00');
    await screenshot(page, 'rooms-book-modal-desktop', { fullPage: false });
    await dialog.getByRole('button', { name: tr('vi', 'rooms.book.submit') }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => readText(card)).toContain('11:00–12:00');
    expect(await readText(card)).toContain('Họp chuẩn bị hội nghị trực tuyến');
    const mine = await official.get<{ title: string; startsAt: string }[]>('/api/rooms/bookings/mine');
    expect(mine.body.map((b) => b.title)).toContain('Họp chuẩn bị hội nghị trực tuyến');

    await dismissToasts(page);
    await card.getByRole('button', { name: tr('vi', 'rooms.bookAction'), exact: true }).click();
    await dialog.waitFor();
    await dialog.locator('input[name="title"]').fill('Trùng giờ');
    await dialog.locator('input[name="start"]').fill('11:30');
    await dialog.locator('input[name="end"]').fill('12:30');
    await dialog.getByRole('button', { name: tr('vi', 'rooms.book.submit') }).click();
    const expected = roomsMessages.vi['rooms.conflict']!.replace('{name}', roomName)
      .replace('{start}', `${tomorrow.split('-').reverse().join('/')} 11:00`)
      .replace('{end}', '12:00');
    await poll(() => readText(dialog.getByRole('alert'))).toBe(expected);
    await screenshot(page, 'rooms-conflict-desktop', { fullPage: false });
    await dialog.getByRole('button', { name: tr('vi', 'common.cancel') }).click();
    await dialog.waitFor({ state: 'detached' });

    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);

    const row = card.getByTestId('booking-row').filter({ hasText: 'Họp chuẩn bị hội nghị trực tuyến' });
    await row.getByRole('button', { name: tr('vi', 'rooms.cancel.action') }).click();
    const confirm = page.getByRole('dialog', { name: tr('vi', 'rooms.cancel.title') });
    await confirm.getByRole('button', { name: tr('vi', 'rooms.cancel.confirm') }).click();
    await poll(() => row.count()).toBe(0);
    const after = await official.get<{ title: string }[]>('/api/rooms/bookings/mine');
    expect(after.body.map((b) => b.title)).not.toContain('Họp chuẩn bị hội nghị trực tuyến');
  });

  it('fits a 375 px phone', async () => {
    const page = await as('chuyenvien', { phone: true });
    await page.goto(`/rooms?day=${tomorrow}`);
    const card = page.getByRole('article', { name: roomName });
    await poll(() => readText(card)).toContain('09:00–10:30');
    await page.waitForTimeout(300);
    await screenshot(page, 'rooms-day-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await card.getByRole('button', { name: tr('vi', 'rooms.bookAction'), exact: true }).click();
    await page.getByRole('dialog', { name: tr('vi', 'rooms.book.title', { name: roomName }) }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'rooms-book-modal-phone', { fullPage: false });
  });

  it('lets an administrator add a seat (Korean district office)', async () => {
    const admin = await apiSession(server, auth, 'admin');
    const page = await as('admin');
    await page.goto('/rooms');
    await page.getByRole('button', { name: tr('en', 'rooms.add') }).click();
    const form = page.getByTestId('resource-form');
    await form.getByRole('textbox', { name: tr('en', 'common.agency') }).click();
    await page.getByRole('option', { name: '한빛구청' }).click();
    await form.getByText(tr('en', 'rooms.kinds.smart_seat')).click();
    await form.locator('input[name="name"]').fill('스마트워크센터 좌석 C-01');
    await form.locator('input[name="capacity"]').fill('1');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('article', { name: '스마트워크센터 좌석 C-01' }).waitFor();
    const list = await admin.get<Resource[]>('/api/rooms/resources');
    expect(list.body.find((r) => r.name === '스마트워크센터 좌석 C-01')).toMatchObject({
      kind: 'smart_seat',
    });
    await screenshot(page, 'rooms-admin-desktop');
  });
});
