import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  hasChromium,
  launchBrowser,
  newContext,
  type Page,
} from './support/browser.ts';
import {
  type ApiSession,
  Authenticator,
  apiSession,
  confirmIdentity,
  demoPerson,
  dismissToasts,
  failureScreenshot,
  poll,
  readText,
  signInThroughForm,
  text,
  tr,
  warnIfNoChromium,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// E-office journeys 2 to 5: a return and a recall, a delegated approval and a directive with an overdue task,
// bad inputs refused with nothing changed, and approving from a phone. Setup that is not the point of a test
// (drafting and submitting) goes through the API; the step under test goes through the browser.

warnIfNoChromium();

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.runIf(hasChromium)(
  'e-office rules: return, recall, delegation, directives, bad inputs, phone',
  () => {
    let server: E2eServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let lastPage: Page | undefined;
    const auth = new Authenticator();
    const apis = new Map<string, ApiSession>();

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

    async function api(username: string) {
      if (!apis.has(username)) apis.set(username, await apiSession(server, auth, username));
      return apis.get(username)!;
    }
    /** A fresh browser profile for one person, signed in through the form. */
    async function as(username: string, phone = false) {
      const context = await newContext(browser, server.url, { phone });
      contexts.push(context);
      lastPage = await context.newPage();
      await signInThroughForm(lastPage, auth, username);
      return lastPage;
    }
    /** Chooses an option of a searchable Mantine select by (part of) its label. */
    async function choose(page: Page, input: ReturnType<Page['getByTestId']>, search: string) {
      await input.click();
      await input.fill(search);
      await page
        .getByRole('option', { name: new RegExp(escapeRe(search)) })
        .first()
        .click();
    }
    /** In the submit dialog: keeps only the approval step (the starter line has three), for `approver`. */
    async function submitTo(page: Page, approver: string) {
      const dialog = page.getByTestId('submit-dialog');
      await dialog.waitFor();
      const steps = dialog.getByTestId('line-step');
      await poll(() => steps.count()).toBe(3);
      while ((await steps.count()) > 1) await steps.first().locator('button').last().click();
      expect(await steps.first().getAttribute('data-kind')).toBe('approval');
      await choose(page, steps.first().getByTestId('line-person'), demoPerson(approver).name);
      await dialog.getByTestId('submit-line').click();
      await dialog.waitFor({ state: 'detached' });
    }
    /** Clicks after closing the toasts, which cover the sticky action bar for several seconds. */
    async function press(page: Page, testId: string) {
      await dismissToasts(page);
      await page.getByTestId(testId).click();
    }
    async function docStatus(id: string, who: string) {
      return (await (await api(who)).get<{ status: string }>(`/api/documents/${id}`)).body.status;
    }
    async function act(page: Page, action: string, opinion?: string) {
      await press(page, `action-${action}`);
      const dialog = page.getByTestId('act-dialog');
      if (opinion) await dialog.getByTestId('act-opinion').fill(opinion);
      await dialog.getByTestId('act-confirm').click();
      await dialog.waitFor({ state: 'detached' });
    }
    /** The final approval signs the document: "Sign and approve" asks for the password first. */
    async function signAndApprove(page: Page) {
      await press(page, 'action-approve');
      await confirmIdentity(page);
    }

    type Me = { id: string; posts: { agencyId: string }[] };
    const me = async (username: string) => (await (await api(username)).get<Me>('/api/me')).body;

    /** A draft of `drafter` made through the API, submitted to `approver` unless told not to. */
    async function draft(drafter: string, approver: string | null, extra: Record<string, unknown> = {}) {
      const session = await api(drafter);
      const created = await session.send<{ id: string }>('POST', '/api/documents', {
        agencyId: (await me(drafter)).posts[0]!.agencyId,
        typeCode: 'CV',
        subject: `Văn bản thử ${Date.now()}`,
        bodyHtml: '<p>Nội dung.</p>',
        ...extra,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id;
      if (approver) {
        const steps = [{ kind: 'approval', assigneeId: (await me(approver)).id }];
        const sent = await session.send('POST', `/api/documents/${id}/submit`, { steps });
        expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300);
      }
      return id;
    }

    it('the approver returns a draft with a reason; the drafter reads it, edits and resubmits', async () => {
      const id = await draft('canbo.tanphu', 'chutich.tanphu');
      let page = await as('chutich.tanphu');
      await page.goto(`/documents/${id}`);
      await act(page, 'return', 'Bổ sung số liệu quý III.');
      await poll(() => docStatus(id, 'canbo.tanphu')).toBe('returned');

      page = await as('canbo.tanphu');
      await page.goto(`/documents/${id}`);
      await poll(text(page.locator('main'))).toContain('Bổ sung số liệu quý III.');
      await press(page, 'action-edit');
      await page.waitForURL(`**/documents/${id}/edit`);
      await page.getByTestId('field-subject').fill('Báo cáo quý III (đã bổ sung số liệu)');
      await press(page, 'open-submit');
      await submitTo(page, 'chutich.tanphu');
      await poll(() => docStatus(id, 'canbo.tanphu')).toBe('in_approval');
      const doc = await (await api('canbo.tanphu')).get<{ subject: string }>(`/api/documents/${id}`);
      expect(doc.body.subject).toBe('Báo cáo quý III (đã bổ sung số liệu)');
    });

    it('the drafter recalls a submitted draft before anyone acts', async () => {
      const id = await draft('canbo.tanphu', 'chutich.tanphu');
      const page = await as('canbo.tanphu');
      await page.goto(`/documents/${id}`);
      await press(page, 'action-recall');
      await page.getByTestId('confirm-action').click();
      await poll(() => docStatus(id, 'canbo.tanphu')).not.toBe('in_approval');
      await page.getByTestId('action-edit').waitFor();
      expect(await page.getByTestId('action-recall').count()).toBe(0);
      // The approver has nothing left to act on.
      const approval = await (await api('chutich.tanphu')).get<{ actions: string[] }>(
        `/api/documents/${id}/approval`,
      );
      expect(approval.body.actions ?? []).toEqual([]);
    });

    it('phochutich approves for chutich (KT.); a directive with a past deadline shows the copy overdue', async () => {
      const [tanphu, hoaan] = [
        (await me('canbo.tanphu')).posts[0]!.agencyId,
        (await me('canbo.hoaan')).posts[0]!.agencyId,
      ];
      const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
      const future = new Date(Date.now() + 10 * 86_400_000).toISOString();
      const id = await draft('chuyenvien', 'chutich', {
        typeCode: 'CT',
        isDirective: true,
        subject: `Chỉ thị phòng chống bão ${Date.now()}`,
        recipients: [
          { kind: 'agency', agencyId: tanphu, main: true, task: 'Sơ tán dân vùng trũng', taskDeadline: past },
          { kind: 'agency', agencyId: hoaan, main: true, task: 'Kiểm tra đê điều', taskDeadline: future },
        ],
      });
      let page = await as('phochutich');
      await page.goto(`/documents/${id}`);
      await signAndApprove(page);
      await poll(() => docStatus(id, 'chuyenvien')).toBe('approved');
      await poll(text(page.getByTestId('approval-track'))).toContain('KT.');

      page = await as('vanthu');
      await page.goto(`/documents/${id}`);
      // "Seal and issue": the clerk confirms who they are before the agency seal is applied.
      await press(page, 'action-issue');
      await confirmIdentity(page);
      await poll(() => docStatus(id, 'chuyenvien')).toBe('issued');
      const rows = page.getByTestId('deliveries-table').locator('tbody tr');
      const overdue = tr(demoPerson('vanthu').lang, 'progress.overdue');
      await poll(text(rows.filter({ hasText: demoPerson('canbo.tanphu').agencyName }))).toContain(overdue);
      await poll(text(rows.filter({ hasText: demoPerson('canbo.hoaan').agencyName }))).not.toContain(overdue);
      const deliveries = await (await api('vanthu')).get<{ toAgency: string; overdue: boolean }[]>(
        `/api/documents/${id}/deliveries`,
      );
      expect(deliveries.body.map((d) => [d.toAgency, d.overdue]).sort()).toEqual(
        [
          [demoPerson('canbo.hoaan').agencyName, false],
          [demoPerson('canbo.tanphu').agencyName, true],
        ].sort(),
      );
    });

    it('refuses a disguised file, strips a script from the body and hides a draft from others', async () => {
      const id = await draft('canbo.tanphu', null, {
        bodyHtml:
          '<p>Trước</p><script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"><p>Sau</p>',
      });
      let page = await as('canbo.tanphu');
      await page.goto(`/documents/${id}/edit`);
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('attach-button').click();
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512)]);
      await (await chooser).setFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: exe });
      const refusal = page.getByTestId('attachments').getByRole('alert');
      await poll(text(refusal)).toContain('bao-cao.pdf');
      expect((await readText(refusal)).replace('bao-cao.pdf', '').trim().length).toBeGreaterThan(5);
      const stored = await (await api('canbo.tanphu')).get<{ bodyHtml: string; attachments: unknown[] }>(
        `/api/documents/${id}`,
      );
      expect(stored.body.attachments).toEqual([]);
      expect(stored.body.bodyHtml).not.toMatch(/<script|onerror/i);
      expect(stored.body.bodyHtml).toContain('Sau');

      await page.goto(`/documents/${id}`);
      const body = page.getByTestId('document-body');
      await poll(text(body)).toContain('Sau');
      expect(await body.innerHTML()).not.toMatch(/<script|onerror/i);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

      page = await as('vanthu.tanphu');
      await page.goto(`/documents/${id}`);
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByTestId('document-subject').count()).toBe(0);
      expect([403, 404]).toContain((await page.request.get(`/api/documents/${id}`)).status());
      await page.goto(`/documents/${id}/edit`);
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByTestId('document-form').count()).toBe(0);
    });

    it('on a 375 px phone the approver approves from the sticky bottom bar, with no sideways scroll', async () => {
      const id = await draft('canbo.tanphu', 'chutich.tanphu');
      const page = await as('chutich.tanphu', true);
      await page.goto(`/documents/${id}`);
      const bar = page.getByTestId('sticky-actions');
      await bar.getByTestId('action-approve').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await dismissToasts(page);
      await bar.getByTestId('action-approve').click();
      // The final approval signs: the identity check opens, full screen on a phone, without sideways scroll.
      await page.getByTestId('step-up-dialog').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await confirmIdentity(page);
      await poll(() => docStatus(id, 'canbo.tanphu')).toBe('approved');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  },
);
