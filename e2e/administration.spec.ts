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
  type AgencyRow,
  type ApiSession,
  Authenticator,
  agencyByCode,
  apiSession,
  demoPerson,
  dismissToasts,
  failureScreenshot,
  openNav,
  type PersonRow,
  personByUsername,
  poll,
  readText,
  serverMessage,
  settled,
  signInThroughForm,
  signOut,
  submitPassword,
  text,
  tr,
  warnIfNoChromium,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// Journeys 4, 5, 6 and 9 of the foundation: an agency admin builds a unit and a person, agency scope holds
// against a neighbouring commune's admin, a notification arrives live, and the audit log records it all.

warnIfNoChromium();

const newUnit = { code: 'CDS', name: 'Trung tâm Chuyển đổi số' };
const forbiddenVi = serverMessage('vi', 'error.forbidden');
const newPerson = { username: 'tran.thi.moi', name: 'Trần Thị Mới', password: 'mat-khau-ban-dau-2026' };

describe.runIf(hasChromium)('administration journeys', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let lastPage: Page | undefined;
  const auth = new Authenticator();
  const sessions = new Map<string, Promise<ApiSession>>();
  /** One API session per account for the whole file (each sign-in would spend a TOTP step). */
  const as = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, apiSession(server, auth, username));
    return sessions.get(username)!;
  };

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

  async function freshPage() {
    context = await newContext(browser, server.url);
    lastPage = await context.newPage();
    return lastPage;
  }

  it('the province admin creates a unit and a person in it; the person signs in and sees the post', async () => {
    const page = await freshPage();
    await signInThroughForm(page, auth, 'quantri'); // enrols TOTP on the way
    const province = demoPerson('quantri').agencyName;

    await openNav(page, 'nav-org');
    await poll(text(page.locator('#agency-panel-title'))).toBe(province);
    await page.getByRole('tab', { name: tr('vi', 'org.tabs.units') }).click();
    await page.getByRole('button', { name: tr('vi', 'org.units.new') }).click();
    const unitDialog = page.getByRole('dialog', { name: tr('vi', 'org.units.new') });
    await unitDialog.locator('input[name="code"]').fill(newUnit.code);
    await unitDialog.locator('input[name="name"]').fill(newUnit.name);
    await unitDialog.getByRole('button', { name: tr('vi', 'common.create') }).click();
    await unitDialog.waitFor({ state: 'detached' });
    await poll(text(page.getByTestId('unit-tree'))).toContain(newUnit.name);
    await screenshot(page, 'org-units');

    await openNav(page, 'nav-people');
    await page.getByTestId('people-table').waitFor();
    await page.getByRole('button', { name: tr('vi', 'people.new') }).click();
    const form = page.getByTestId('create-person-form');
    await form.locator('input[name="username"]').fill(newPerson.username);
    await form.locator('input[name="displayName"]').fill(newPerson.name);
    await form.locator('input[name="password"]').fill(newPerson.password);
    const choose = async (label: string, option: string) => {
      await form.getByRole('textbox', { name: label, exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose(tr('vi', 'people.unit'), newUnit.name);
    await choose(tr('vi', 'people.position'), 'Trưởng phòng');
    await choose(tr('vi', 'people.role'), tr('vi', 'roles.head'));
    await screenshot(page, 'people-create');
    await form.getByRole('button', { name: tr('vi', 'common.create') }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.locator(`[data-testid="people-table"] tr[data-username="${newPerson.username}"]`);
    await poll(text(row)).toContain(newPerson.name);
    expect(await readText(row)).toContain(tr('vi', 'roles.head'));
    expect(await readText(row)).toContain(`${newUnit.name} · Trưởng phòng`);

    // The server holds what the form said.
    const quantri = await as('quantri');
    const ls = await agencyByCode(quantri, 'UBND-LS');
    const person = await personByUsername(quantri, ls.id, newPerson.username);
    expect(person.posts).toEqual([
      expect.objectContaining({ agencyId: ls.id, unitName: newUnit.name, role: 'head', active: true }),
    ]);
    await signOut(page);

    // The new person signs in with the initial password (staff on the agency network: no second factor).
    await submitPassword(page, newPerson.username, newPerson.password);
    await page.getByTestId('user-menu').waitFor();
    const posts = page.locator('#home-posts');
    await poll(text(posts)).toContain(`${newUnit.name} · Trưởng phòng`);
    expect(await readText(posts)).toContain(province);
    expect(await readText(posts)).toContain(tr('vi', 'roles.head'));
    await poll(text(page.getByTestId('user-menu'))).toContain(newPerson.name);
  });

  it("a commune admin can neither see nor change another commune's people and units", async () => {
    const page = await freshPage();
    await signInThroughForm(page, auth, 'quantri.tanphu');
    const tanPhu = demoPerson('quantri.tanphu').agencyName;
    const hoaAnName = demoPerson('canbo.hoaan').agencyName;

    // People: the agency picker offers their own commune only.
    await openNav(page, 'nav-people');
    await page.getByTestId('people-table').waitFor();
    const picker = page.getByRole('textbox', { name: tr('vi', 'common.agency'), exact: true });
    expect(await picker.inputValue()).toBe(tanPhu);
    await picker.click();
    await poll(() => page.getByRole('option').allInnerTexts()).toEqual([tanPhu]);
    await page.keyboard.press('Escape');

    // Organisation: Hòa An is visible in the tree but read-only; their own commune is editable.
    await openNav(page, 'nav-org');
    await page.getByTestId('agency-node-UBND-HA').click();
    await poll(text(page.locator('#agency-panel-title'))).toBe(hoaAnName);
    await poll(() => page.getByText(tr('vi', 'org.readOnly')).isVisible()).toBe(true);
    // Its internal directory (units, positions) is not offered to a non-member; nothing offers a change.
    expect(await page.getByRole('tab', { name: tr('vi', 'org.tabs.units') }).count()).toBe(0);
    expect(await page.getByTestId('unit-tree').count()).toBe(0);
    expect(await page.getByRole('button', { name: tr('vi', 'org.units.new') }).count()).toBe(0);
    await screenshot(page, 'org-other-commune');
    await page.getByTestId('agency-node-UBND-TP').click();
    await poll(text(page.locator('#agency-panel-title'))).toBe(tanPhu);
    expect(await page.getByText(tr('vi', 'org.readOnly')).count()).toBe(0);
    await page.getByRole('tab', { name: tr('vi', 'org.tabs.units') }).click();
    await page.getByTestId('unit-tree').waitFor();
    expect(await page.getByRole('button', { name: tr('vi', 'org.units.new') }).count()).toBe(1);

    // Straight to the API with their cookies: refused, whatever the UI shows.
    const admin = await as('admin');
    const hoaAn: AgencyRow = await agencyByCode(admin, 'UBND-HA');
    const victim: PersonRow = await personByUsername(admin, hoaAn.id, 'canbo.hoaan');
    const self: PersonRow = await personByUsername(
      admin,
      (await agencyByCode(admin, 'UBND-TP')).id,
      'quantri.tanphu',
    );
    const unitsBefore = (await admin.get<{ code: string }[]>(`/api/agencies/${hoaAn.id}/units`)).body;

    const attempts = [
      await page.request.get(`/api/agencies/${hoaAn.id}/people`),
      await page.request.post(`/api/agencies/${hoaAn.id}/units`, {
        data: { code: 'XAM', name: 'Đơn vị lạ' },
      }),
      await page.request.patch(`/api/people/${victim.id}`, {
        data: { displayName: 'Bị sửa', active: false },
      }),
      await page.request.post(`/api/people/${self.id}/posts`, {
        data: { agencyId: hoaAn.id, role: 'agency_admin' },
      }),
    ];
    expect(attempts.map((r) => r.status())).toEqual([403, 403, 403, 403]);
    expect(await attempts[0]!.json()).toMatchObject({ error: { code: 'forbidden' } });

    // The page for Hòa An's people says so too, and lists no one.
    await page.goto(`/admin/people?agency=${hoaAn.id}`);
    await poll(text(page.getByTestId('main-content').getByRole('alert'))).toBe(forbiddenVi);
    expect(await page.getByTestId('people-table').count()).toBe(0);

    // Nothing changed (checked by the province's platform admin).
    expect((await admin.get(`/api/agencies/${hoaAn.id}/units`)).body).toEqual(unitsBefore);
    const after = await personByUsername(admin, hoaAn.id, 'canbo.hoaan');
    expect(after).toMatchObject({ displayName: victim.displayName, active: true });
    const selfAfter = await personByUsername(
      admin,
      (await agencyByCode(admin, 'UBND-TP')).id,
      'quantri.tanphu',
    );
    expect(selfAfter.posts.map((p) => p.agencyId)).not.toContain(hoaAn.id);
  });

  it('a new post given by an admin shows up live in the bell of the person who has the app open', async () => {
    const page = await freshPage();
    const hello = new Promise<void>((resolve) => {
      page.on('websocket', (ws) => {
        if (!ws.url().endsWith('/api/realtime')) return;
        ws.on('framereceived', (frame) => {
          if (String(frame.payload).includes('"hello"')) resolve();
        });
      });
    });
    await signInThroughForm(page, auth, 'canbo.hoaan');
    await hello; // the server has attached this page's socket
    const badge = page.getByTestId('unread-badge');
    await badge.waitFor();
    const before = Number(await readText(badge));
    // Marks this document (a reload would lose it) and records every toast shown from now on (they fade).
    await page.evaluate(() => {
      const toasts: string[] = [];
      Object.assign(window, { __stillThisPage: true, __toasts: toasts });
      new MutationObserver((changes) => {
        for (const change of changes)
          for (const node of change.addedNodes)
            if (node instanceof HTMLElement)
              for (const toast of [node, ...node.querySelectorAll('*')])
                if (toast.classList.contains('mantine-Notification-root'))
                  toasts.push(toast.textContent ?? '');
      }).observe(document.body, { childList: true, subtree: true });
    });

    const admin = await as('admin');
    const hoaAn = await agencyByCode(admin, 'UBND-HA');
    const person = await personByUsername(admin, hoaAn.id, 'canbo.hoaan');
    const vp = (await admin.get<{ id: string; code: string }[]>(`/api/agencies/${hoaAn.id}/units`)).body.find(
      (u) => u.code === 'VP',
    )!;
    const given = await admin.send('POST', `/api/people/${person.id}/posts`, {
      agencyId: hoaAn.id,
      unitId: vp.id,
      role: 'clerk',
    });
    expect(given.status).toBe(201);

    await poll(text(badge)).toBe(String(before + 1));
    expect(
      await page.evaluate(() => (window as unknown as { __stillThisPage?: boolean }).__stillThisPage),
    ).toBe(true);
    // It pops up as a toast too (over the header's top-right corner: close it to reach the bell).
    const expected = tr('vi', 'notifications.kinds.org.post_added', { role: 'clerk', agency: hoaAn.name });
    const toasts = () => page.evaluate(() => (window as unknown as { __toasts: string[] }).__toasts);
    await poll(toasts).toEqual([expected]);
    await dismissToasts(page);
    await page.getByTestId('notification-bell').click();
    const dropdown = page.getByRole('dialog', { name: tr('vi', 'notifications.title') });
    await poll(text(dropdown.getByTestId('notification-list'))).toContain(expected);
    await settled(dropdown);
    await screenshot(page, 'notification-live');
  });

  it('the platform admin sees these changes in the audit log, and the hash chain verifies', async () => {
    const page = await freshPage();
    await signInThroughForm(page, auth, 'admin');
    await openNav(page, 'nav-audit');
    const table = page.getByTestId('audit-table');
    await table.waitFor();

    // What quantri did in the first journey (or, run alone, what this test does now through the API).
    const quantri = await as('quantri');
    const ls = await agencyByCode(quantri, 'UBND-LS');
    let unit = (await quantri.get<{ id: string; code: string }[]>(`/api/agencies/${ls.id}/units`)).body.find(
      (u) => u.code === newUnit.code,
    );
    if (!unit) {
      unit = (
        await quantri.send<{ id: string; code: string }>('POST', `/api/agencies/${ls.id}/units`, newUnit)
      ).body;
    }
    const filters = page.getByTestId('audit-filters');
    await filters.locator('input[name="actor"]').fill('quantri');
    await filters.locator('input[name="action"]').fill('org.unit.created');
    await filters.getByRole('button', { name: tr('en', 'audit.apply') }).click();
    const rows = table.locator('tbody tr');
    await poll(() => rows.count()).toBe(1);
    const entry = await readText(rows.first());
    expect(entry).toContain('quantri');
    expect(entry).toContain('org.unit.created');
    expect(entry).toContain(ls.name);
    expect(entry).toContain(unit.id);

    await filters.getByRole('button', { name: tr('en', 'audit.reset') }).click();
    await poll(() => rows.count()).toBe(50);
    // The admin's own sign-in of this test is the newest entry but one or so: look for it on the first page.
    expect(await readText(table)).toContain('identity.sign_in.totp');
    await page.getByTestId('audit-load-more').click();
    await poll(() => rows.count()).toBeGreaterThan(50);

    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await readText(result)).toContain(tr('en', 'audit.verifyOkTitle'));
    expect(await readText(result)).toMatch(/[\d,]+ entries in \d+ chains verified/);
    await screenshot(page, 'audit-verified', { fullPage: false });
  });
});
