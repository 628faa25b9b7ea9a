import { readFile } from 'node:fs/promises';
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
  confirmIdentity,
  failureScreenshot,
  signInThroughForm,
  warnIfNoChromium,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// Public services: a citizen registers in the portal and applies for a building permit with a drawing attached;
// the head of unit assigns it, the official asks for more information, the citizen answers, the official
// approves (signing the licence after confirming who they are), and the citizen downloads the signed licence,
// which the public verification page recognises as authentic.

warnIfNoChromium();

const drawing = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe.runIf(hasChromium)('public services journey', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lastPage: Page | undefined;
  const auth = new Authenticator();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await failureScreenshot(lastPage, task.name);
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function fresh(phone = false) {
    const context = await newContext(browser, server.url, { phone });
    contexts.push(context);
    lastPage = await context.newPage();
    return lastPage;
  }
  async function staff(username: string) {
    const page = await fresh();
    await signInThroughForm(page, auth, username);
    return page;
  }
  async function choose(page: Page, testId: string, option: RegExp) {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).first().click();
  }

  it('a citizen applies, answers a request, and downloads a signed licence that /verify accepts', async () => {
    // 1. Register on a phone; without SMTP the confirmation link is shown (demo only), then sign in.
    const citizen = await fresh(true);
    await citizen.goto('/portal/register');
    const form = citizen.getByTestId('main-content');
    await form.getByLabel('Full name').fill('Lê Văn Công');
    await form.getByLabel('E-mail').fill('le.van.cong@example.test');
    await form.getByLabel('Username').fill('levancong');
    await form.getByLabel('Password').fill('citizen-pass-123');
    await form.getByLabel('Citizen ID number (optional)').fill('001088004321');
    await form.getByRole('button', { name: 'Register' }).click();
    await citizen.getByTestId('verify-link').click();
    await citizen.getByText('Your e-mail address is confirmed').waitFor();
    await citizen.goto('/portal/login');
    await citizen.getByTestId('portal-username').fill('levancong');
    await citizen.getByTestId('portal-password').fill('citizen-pass-123');
    await citizen.getByTestId('portal-login').click();
    await citizen.waitForURL('**/portal/submissions');

    // 2. Apply for the building permit, with the drawing attached.
    await citizen.goto('/portal');
    await citizen.getByTestId('portal-procedure').filter({ hasText: 'Cấp giấy phép xây dựng' }).click();
    await citizen.getByTestId('field-citizenId').fill('001088004321');
    const site = citizen.getByTestId('field-site');
    await site.getByPlaceholder('Street and number').fill('8 Bà Triệu');
    await site.getByPlaceholder('Ward / district').fill('Phường Hoàng Văn Thụ');
    await site.getByPlaceholder('City / province').fill('Lạng Sơn');
    await citizen.getByTestId('field-floors').fill('2');
    await citizen.getByTestId('field-area').fill('120');
    await choose(citizen, 'field-kind', /New building/);
    await citizen
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'ban-ve.pdf', mimeType: 'application/pdf', buffer: drawing });
    await citizen.getByText('Attached: ban-ve.pdf').waitFor();
    await citizen.getByTestId('submit-application').click();
    await citizen.waitForURL(/\/portal\/submissions\/[0-9a-f-]{36}$/);
    const submissionId = citizen.url().split('/').pop()!;
    expect(await citizen.getByTestId('submission-state').getAttribute('data-state')).toBe('submitted');

    // 3. The head of unit assigns it to the official.
    const head = await staff('truongphong.vx');
    await head.goto(`/services/submissions/${submissionId}`);
    await choose(head, 'assignee', /Hoàng Văn Nam/);
    await head.getByTestId('assign').click();
    await head.getByTestId('event-assigned').waitFor();

    // 4. The official asks for more information: the clock stops.
    const official = await staff('chuyenvien');
    await official.goto(`/services/submissions/${submissionId}`);
    await official.getByRole('link', { name: 'ban-ve.pdf' }).waitFor();
    await official.getByTestId('decision-text').fill('Đề nghị bổ sung bản vẽ mặt cắt.');
    await official.getByTestId('request-info').click();
    await official.getByTestId('waiting-applicant').waitFor();

    // 5. The citizen answers in the portal.
    await citizen.reload();
    await citizen.getByText('Đề nghị bổ sung bản vẽ mặt cắt.').first().waitFor();
    await citizen.getByTestId('answer-message').fill('Đã bổ sung bản vẽ mặt cắt.');
    await citizen.getByTestId('send-answer').click();
    await citizen.getByTestId('answer-message').waitFor({ state: 'detached' });

    // 6. The official approves: confirms identity, the licence is signed and filed.
    await official.reload();
    await official.getByTestId('decision-text').fill('Hồ sơ đầy đủ, phù hợp quy hoạch.');
    await official.getByTestId('approve').click();
    await confirmIdentity(official);
    await official.locator('[data-testid="submission-state"][data-state="approved"]').waitFor();

    // 7. The citizen downloads the signed licence; the public check calls it authentic.
    await citizen.reload();
    const download = citizen.waitForEvent('download');
    await citizen.getByTestId('download-result').click();
    const pdf = await readFile((await (await download).path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(citizen, 'portal-approved-375');
    const visitor = await fresh();
    await visitor.goto('/verify');
    const chooser = visitor.waitForEvent('filechooser');
    await visitor.getByTestId('verify-drop-button').click();
    await (await chooser).setFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: pdf });
    const verdict = visitor.getByTestId('verify-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('authentic');
  }, 300_000);

  // Every new screen, on a desktop and on a 375 px phone (saved when E2E_SCREENSHOTS names a folder).
  it('shows the portal and the agency screens on desktop and phone', async () => {
    const guest = await fresh();
    const procedures = (await (await guest.request.get('/api/portal/procedures')).json()) as {
      id: string;
      code: string;
    }[];
    const permit = procedures.find((p) => p.code === 'GPXD-RL')!;
    const created = await guest.request.post('/api/portal/submissions', {
      data: {
        procedureId: permit.id,
        values: {
          citizenId: '001077000999',
          site: { street: '1 Lê Lợi', district: 'Phường 1', city: 'Lạng Sơn' },
          floors: 1,
          area: 60,
          kind: 'new',
        },
        applicantName: 'Trần Khách',
        submit: true,
      },
    });
    const { trackingCode } = (await created.json()) as { trackingCode: string };
    for (const phone of [false, true]) {
      const size = phone ? '375' : 'desktop';
      const page = await fresh(phone);
      for (const [path, name] of [
        ['/portal', 'catalogue'],
        [`/portal/procedures/${permit.id}`, 'apply'],
        ['/portal/register', 'register'],
        ['/portal/login', 'login'],
      ] as const) {
        await page.goto(path);
        await page.getByTestId('main-content').waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `portal-${name}-${size}`);
        if (!phone) expect(await seriousA11yViolations(page), `${name}`).toEqual([]);
        else expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
      await page.goto('/portal/track');
      await page.getByTestId('track-code').fill(trackingCode);
      await page.getByTestId('track-submit').click();
      await page.getByTestId('submission-state').waitFor();
      await screenshot(page, `portal-track-${size}`);
      await page.getByTestId('track-code').fill('AAAAAAAAAAAAAAAAAAAAAAAA');
      await page.getByTestId('track-submit').click();
      await page.getByTestId('main-content').getByRole('alert').waitFor();
      await screenshot(page, `portal-track-forged-${size}`);

      await page.goto('/portal/login');
      await page.getByTestId('portal-username').fill('congdan');
      await page.getByTestId('portal-password').fill('civicdesk-demo');
      await page.getByTestId('portal-login').click();
      await page.getByTestId('my-submission').first().waitFor();
      await screenshot(page, `portal-mine-${size}`);
      for (const state of ['info_requested', 'approved']) {
        await page.goto('/portal/submissions');
        await page
          .getByTestId('my-submission')
          .filter({ has: page.locator(`[data-state="${state}"]`) })
          .first()
          .click();
        await page.waitForURL(/submissions\/[0-9a-f-]{36}$/);
        // The list (whose rows carry the same state badges) must be gone before the case page is read.
        await page.getByTestId('my-submission').first().waitFor({ state: 'detached' });
        await page.getByTestId('submission-state').waitFor();
        await screenshot(page, `portal-case-${state}-${size}`);
      }
      await page.goto('/portal/records');
      await page.getByTestId('access-log').or(page.getByText('Nobody has looked up')).first().waitFor();
      await screenshot(page, `portal-records-${size}`);

      const context = await newContext(browser, server.url, { phone });
      contexts.push(context);
      const head = await context.newPage();
      lastPage = head;
      await signInThroughForm(head, auth, 'truongphong.vx');
      await head.goto('/services');
      await head.getByTestId('queue-row').first().waitFor();
      await screenshot(head, `services-queue-${size}`);
      await head.getByTestId('queue-row').first().getByRole('link').click();
      await head.waitForURL(/submissions\/[0-9a-f-]{36}$/);
      await head.getByTestId('queue-row').first().waitFor({ state: 'detached' });
      await head.getByTestId('submission-state').waitFor();
      await screenshot(head, `services-submission-${size}`);
      await head.goto('/services/registry');
      await head.getByTestId('lookup-identifier').fill('020190001234');
      await head.getByTestId('lookup-purpose').fill('Thẩm định hồ sơ');
      await head.getByTestId('lookup').click();
      await head.getByTestId('main-content').getByRole('alert').or(head.getByText(/GP/)).first().waitFor();
      await screenshot(head, `services-registry-${size}`);
    }
    const admin = await staff('quantri');
    await admin.goto('/services/catalogue');
    await admin.getByTestId('new-procedure').waitFor();
    await admin.waitForLoadState('networkidle');
    await screenshot(admin, 'services-catalogue-desktop');
    await admin
      .getByRole('button', { name: /Sửa|Edit/ })
      .first()
      .click();
    await admin.getByTestId('save-procedure').waitFor();
    await screenshot(admin, 'services-procedure-editor-desktop', { fullPage: false });
    await admin.goto('/services/holidays');
    await admin.getByTestId('add-holiday').waitFor();
    await admin.waitForLoadState('networkidle');
    await screenshot(admin, 'services-holidays-desktop');
  }, 300_000);
});
