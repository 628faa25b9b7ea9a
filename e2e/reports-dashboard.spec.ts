import type { Dashboard } from '@civicdesk/contracts/dashboard';
import type { Synthesis, TemplateDetail, TemplateSummary } from '@civicdesk/contracts/reports';
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
  type ApiSession,
  Authenticator,
  apiSession,
  dismissToasts,
  failureScreenshot,
  openNav,
  poll,
  readText,
  signInThroughForm,
  text,
  warnIfNoChromium,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// Periodic reports and the dashboard on the demo data: Tân Phú's clerk fills and submits this month's
// digital-transformation report; the province chairman's synthesis shows the sums (checked against the API) and
// a summary whose [n] marks cite the communes' reports; the dashboard shows the API's figures.

warnIfNoChromium();

const title = 'Báo cáo tình hình chuyển đổi số';
const digits = (s: string) => s.replace(/[^\d]/g, '');

describe.runIf(hasChromium)('reports and dashboard', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lastPage: Page | undefined;
  const auth = new Authenticator();
  let province: ApiSession;
  let template: TemplateDetail;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    province = await apiSession(server, auth, 'chutich');
    const list = await province.get<TemplateSummary[]>('/api/report-templates');
    const id = list.body.find((t) => t.title === title)!.id;
    template = (await province.get<TemplateDetail>(`/api/report-templates/${id}`)).body;
  }, 120_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await failureScreenshot(lastPage, task.name);
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations)}`).toEqual([]);
  }
  async function as(username: string, opts: { phone?: boolean } = {}) {
    const context = await newContext(browser, server.url, opts);
    contexts.push(context);
    lastPage = await context.newPage();
    await signInThroughForm(lastPage, auth, username);
    return lastPage;
  }

  it('a commune submits its report; the province sees the summed numbers and a cited summary', async () => {
    const current = template.periods[0]!;
    const page = await as('vanthu.tanphu');
    await openNav(page, 'nav-reports');
    await page.getByTestId('report-tasks').waitFor();
    await screenshot(page, 'reports-home-desktop');
    await page.locator(`a[href*="/reports/periods/${current.id}"]`).first().click();
    await page.getByTestId('field-online_applications').fill('150');
    await page.getByTestId('field-e_documents').fill('40');
    await page.getByTestId('field-signed_rate').fill('92');
    await page
      .getByTestId('field-highlights')
      .fill('Xã đã tiếp nhận 150 hồ sơ trực tuyến trong nửa đầu tháng. Tỷ lệ ký số văn bản điện tử đạt 92%.');
    await screenshot(page, 'report-form-desktop');
    await expectAccessible(page, 'report form');
    await dismissToasts(page);
    await page.getByTestId('submit-report').click();
    await page.waitForURL('**/reports');
    await page.getByTestId('report-tasks').waitFor();
    const tp = await apiSession(server, auth, 'vanthu.tanphu');
    const tasks = (await tp.get<{ period: { id: string }; status: string }[]>('/api/reports/tasks')).body;
    expect(tasks.find((x) => x.period.id === current.id)?.status).toBe('submitted');

    const chair = await as('chutich');
    await chair.goto(`/reports/periods/${current.id}/synthesis`);
    await chair.getByTestId('summary-highlights').waitFor();
    const s = (await province.get<Synthesis>(`/api/report-periods/${current.id}/synthesis`)).body;
    const apps = s.numbers.find((n) => n.key === 'online_applications')!;
    expect(apps.sum).toBe(150);
    await poll(async () => digits(await readText(chair.getByTestId('sum-online_applications')))).toBe('150');
    const hl = chair.getByTestId('summary-highlights');
    await poll(text(hl.getByTestId('summary-text'))).toMatch(/\[1\]/);
    expect(await hl.getByTestId('citations').locator('li').count()).toBe(s.texts[0]!.citations.length);
    await screenshot(chair, 'synthesis-current-desktop');

    // Last month: Tân Phú and Hòa An (demo) — the sums of both and the citations name both communes.
    const last = template.periods[1]!;
    await chair.goto(`/reports/periods/${last.id}/synthesis`);
    const lastS = (await province.get<Synthesis>(`/api/report-periods/${last.id}/synthesis`)).body;
    await poll(async () => digits(await readText(chair.getByTestId('sum-online_applications')))).toBe(
      String(lastS.numbers[0]!.sum),
    );
    expect(lastS.numbers[0]!.sum).toBe(412 + 287);
    const cites = await readText(chair.getByTestId('summary-highlights').getByTestId('citations'));
    expect(cites).toContain('Tân Phú');
    expect(cites).toContain('Hòa An');
    expect(await readText(chair.getByTestId('missing'))).toContain('Phú Lộc');
    await screenshot(chair, 'synthesis-desktop');
    await expectAccessible(chair, 'synthesis');
  });

  it('the dashboard shows the figures the API computes, with drill-down', async () => {
    const page = await as('chutich');
    await openNav(page, 'nav-dashboard');
    await page.getByTestId('kpi-cards').waitFor();
    const ls = (await province.get<{ id: string; code: string }[]>('/api/agencies')).body.find(
      (a) => a.code === 'UBND-LS',
    )!;
    const year = new Date().getUTCFullYear();
    const today = new Date().toISOString().slice(0, 10);
    const d = (
      await province.get<Dashboard>(`/api/dashboard?agencyId=${ls.id}&from=${year}-01-01&to=${today}`)
    ).body;
    await poll(async () => digits(await readText(page.getByTestId('kpi-issued')))).toBe(
      String(d.total.issued),
    );
    expect(digits(await readText(page.getByTestId('kpi-received')))).toBe(String(d.total.received));
    expect(await page.getByTestId('agency-table').locator('tbody tr').count()).toBe(d.rows.length);
    await screenshot(page, 'dashboard-desktop');
    await expectAccessible(page, 'dashboard');
    await page.getByTestId('drill-issued').click();
    await poll(async () => digits(await readText(page.getByTestId('drill-total')))).toBe(
      String(d.total.issued),
    );
    await page.waitForTimeout(500); // the drawer's slide-in
    await screenshot(page, 'dashboard-drill-desktop', { fullPage: false });
  });

  it('works on a 375 px phone', async () => {
    const page = await as('chutich', { phone: true });
    await page.goto('/dashboard');
    await page.getByTestId('kpi-cards').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.goto(`/reports/periods/${template.periods[1]!.id}/synthesis`);
    await page.getByTestId('summary-highlights').waitFor();
    await screenshot(page, 'synthesis-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.goto('/reports/new');
    await page.getByTestId('template-title').waitFor();
    await screenshot(page, 'template-editor-phone');
    const clerk = await as('vanthu.tanphu', { phone: true });
    await clerk.goto(
      `/reports/periods/${template.periods[1]!.id}?agency=${(await province.get<{ id: string; code: string }[]>('/api/agencies')).body.find((a) => a.code === 'UBND-TP')!.id}`,
    );
    await clerk.getByTestId('field-highlights').waitFor();
    await screenshot(clerk, 'report-form-phone');
  });
});
