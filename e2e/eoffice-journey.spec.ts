import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  hasChromium,
  launchBrowser,
  newContext,
  type Page,
  seriousA11yViolations,
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
import { alterOneByte, MISSING, pdfFile, pdfsig, pdfText, qpdfCheck, scanQr } from './support/pdf.ts';
import { type E2eServer, startServer } from './support/server.ts';

// E-office journey 1: a công văn from the commune of Tân Phú to the province, issued, received, distributed,
// assigned, answered by a reply approved on the chairman's behalf (KT.), and the reply seen by the sender.
// Approving signs the PDF and issuing seals it; the journey ends where a citizen checks that PDF: through the
// QR link printed on it, without an account, and by uploading it (and a forged copy) on the public page.

warnIfNoChromium();

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.runIf(hasChromium)('e-office journey across two agencies', () => {
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
  async function as(username: string) {
    const context = await newContext(browser, server.url);
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
  /** A fresh browser profile with no session: anyone who scanned the QR code. */
  async function anonymous() {
    const context = await newContext(browser, server.url);
    contexts.push(context);
    lastPage = await context.newPage();
    return lastPage;
  }
  /** Each signature row's state ('valid', 'untrusted', 'altered'), in signing order. */
  async function states(rows: Locator) {
    return Promise.all((await rows.all()).map((row) => row.getAttribute('data-state')));
  }
  /** Chooses a PDF on the public /verify page; returns the verdict shown. */
  async function checkFile(page: Page, name: string, bytes: Buffer) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('verify-drop-button').click();
    await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor();
    return verdict.getAttribute('data-verdict');
  }
  async function docStatus(id: string, who: string) {
    return (await (await api(who)).get<{ status: string }>(`/api/documents/${id}`)).body.status;
  }
  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations)}`).toEqual([]);
  }
  /** The final approval signs the document: "Sign and approve" asks for the password first. */
  async function signAndApprove(page: Page, opinion?: string) {
    await press(page, 'action-approve');
    await confirmIdentity(page, { opinion });
  }
  /** "Seal and issue": the clerk confirms who they are, the agency seal is applied, then copies go out. */
  async function issue(page: Page) {
    await press(page, 'action-issue');
    await confirmIdentity(page);
    await poll(text(page.getByTestId('document-number'))).toMatch(/\d{2}\/UBND-VX/);
    return (await readText(page.getByTestId('document-number'))).match(/\d+\/UBND-VX/)![0];
  }

  it('drafts, signs and seals in Tân Phú; the province receives, assigns, replies under KT.; anyone verifies the PDF', async () => {
    const province = demoPerson('vanthu').agencyName;
    const subject = `Báo cáo tình hình văn hóa xã hội ${Date.now()}`;

    // 1. canbo.tanphu drafts a công văn to the province in the editor and submits it to the chairman.
    let page = await as('canbo.tanphu');
    await page.goto('/inbox');
    await page.getByTestId('inbox-tab-drafts').waitFor();
    await expectAccessible(page, 'inbox');
    await page.getByTestId('new-document').click();
    await page.waitForURL('**/documents/new');
    await page.getByTestId('field-subject').fill(subject);
    const body = page.getByTestId('body-editor');
    await body.click();
    await page.keyboard.type('Kính gửi UBND tỉnh báo cáo tình hình quý III.');
    await choose(page, page.getByTestId('recipient-agency'), province);
    await poll(text(page.getByTestId('recipient-row'))).toContain(province);
    await expectAccessible(page, 'editor');
    await page.getByTestId('save-document').click();
    await page.waitForURL(/\/documents\/[^/]+\/edit$/);
    const docId = page.url().split('/').at(-2)!;
    await press(page, 'open-submit');
    await submitTo(page, 'chutich.tanphu');
    await page.waitForURL(`**/documents/${docId}`);
    const draft = await (await api('canbo.tanphu')).get<{
      typeCode: string;
      bodyHtml: string;
      recipients: { name: string }[];
    }>(`/api/documents/${docId}`);
    expect(draft.body).toMatchObject({ typeCode: 'CV', recipients: [{ name: province }] });
    expect(draft.body.bodyHtml).toContain('tình hình quý III');
    await poll(() => docStatus(docId, 'canbo.tanphu')).toBe('in_approval');

    // 2. The chairman approves from his to-approve tab.
    page = await as('chutich.tanphu');
    await page.goto('/inbox/to-approve');
    await page.getByTestId('inbox-document').filter({ hasText: subject }).click();
    await page.waitForURL(`**/documents/${docId}`);
    await page.getByTestId('approval-track').waitFor();
    await expectAccessible(page, 'document page');
    await signAndApprove(page, 'Đồng ý ban hành.');
    await poll(() => docStatus(docId, 'canbo.tanphu')).toBe('approved');

    // 3. The commune clerk issues it: the number follows the one the demo already issued.
    page = await as('vanthu.tanphu');
    await page.goto(`/documents/${docId}`);
    const number = await issue(page);
    await poll(() => docStatus(docId, 'canbo.tanphu')).toBe('issued');

    // 4. The province clerk finds it among incoming copies, receives it and distributes it to unit VX.
    page = await as('vanthu');
    await page.goto('/inbox/incoming');
    await page.getByTestId('inbox-delivery').filter({ hasText: subject }).click();
    await page.waitForURL(/\/deliveries\/[^/]+$/);
    const deliveryId = page.url().split('/').at(-1)!;
    await poll(text(page.getByTestId('delivery-subject'))).toBe(subject);
    await poll(text(page.locator('main'))).toContain(number);
    await expectAccessible(page, 'incoming copy page');
    await press(page, 'action-receive');
    await poll(text(page.getByTestId('incoming-number'))).toMatch(/^\d+\/\d{4}$/);
    await press(page, 'action-distribute');
    await choose(page, page.getByTestId('pick-input'), 'Phòng Văn hóa - Xã hội');
    await page.getByTestId('pick-confirm').click();
    await page.getByTestId('distribute-dialog').waitFor({ state: 'detached' });
    type Delivery = {
      state: string;
      unitName: string | null;
      leadName: string | null;
      deadline: string | null;
    };
    const delivery = async () =>
      (await (await api('vanthu')).get<Delivery>(`/api/deliveries/${deliveryId}`)).body;
    await poll(delivery).toMatchObject({ state: 'received', unitName: 'Phòng Văn hóa - Xã hội' });

    // 5. The head of unit VX assigns chuyenvien as lead, with a deadline a week from now.
    page = await as('truongphong.vx');
    await page.goto(`/deliveries/${deliveryId}`);
    await press(page, 'action-assign');
    await choose(page, page.getByTestId('assign-lead'), demoPerson('chuyenvien').name);
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('assign-deadline').fill(due);
    await page.getByTestId('assign-confirm').click();
    await page.getByTestId('assign-dialog').waitFor({ state: 'detached' });
    await poll(delivery).toMatchObject({ leadName: demoPerson('chuyenvien').name });
    expect((await delivery()).deadline?.slice(0, 10)).toBe(due);
    await poll(text(page.getByTestId('delivery-people'))).toContain(demoPerson('chuyenvien').name);

    // 6. chuyenvien replies: a draft addressed to the sender, submitted to the chairman.
    page = await as('chuyenvien');
    await page.goto('/inbox/handle');
    await page.getByTestId('inbox-delivery').filter({ hasText: subject }).click();
    await page.waitForURL(`**/deliveries/${deliveryId}`);
    await press(page, 'action-reply');
    await page.waitForURL(/\/documents\/[^/]+\/edit$/);
    const replyId = page.url().split('/').at(-2)!;
    await poll(text(page.getByTestId('recipient-row'))).toContain(demoPerson('canbo.tanphu').agencyName);
    await page.getByTestId('body-editor').click();
    await page.keyboard.type('UBND tỉnh ghi nhận báo cáo của xã.');
    await press(page, 'open-submit');
    await submitTo(page, 'chutich');
    await page.waitForURL(`**/documents/${replyId}`);
    expect(
      (await (await api('chuyenvien')).get<{ bodyHtml: string }>(`/api/documents/${replyId}`)).body.bodyHtml,
    ).toContain('ghi nhận báo cáo');

    // 7. The vice-chairman approves for the chairman: the track shows KT.
    page = await as('phochutich');
    await page.goto(`/documents/${replyId}`);
    await signAndApprove(page);
    await poll(() => docStatus(replyId, 'chuyenvien')).toBe('approved');
    await poll(text(page.getByTestId('approval-track'))).toContain('KT.');
    await poll(text(page.getByTestId('approval-track'))).toContain(demoPerson('phochutich').name);

    // 8. The province clerk issues the reply.
    page = await as('vanthu');
    await page.goto(`/documents/${replyId}`);
    const replyNumber = await issue(page);
    await poll(delivery).toMatchObject({ state: 'received' });
    await page.goto(`/deliveries/${deliveryId}`);
    await poll(text(page.locator('main'))).toContain(replyNumber);

    // 9. Back in Tân Phú, the drafter's recipients table shows the province's copy answered by the reply.
    page = await as('canbo.tanphu');
    await page.goto(`/documents/${docId}`);
    const row = page.getByTestId('deliveries-table').locator('tbody tr').filter({ hasText: province });
    await poll(text(row)).toContain(replyNumber);
    await poll(text(row)).toContain(demoPerson('chuyenvien').name);

    // 10. Her document carries two valid signatures: the chairman's, applied when he approved it, and the
    //     commune's seal, applied when the clerk issued it.
    const approver = demoPerson('chutich.tanphu');
    const lang = demoPerson('canbo.tanphu').lang;
    const panel = page.getByRole('region', { name: tr(lang, 'signatures.panelTitle') });
    const rows = panel.getByTestId('signature-row');
    await poll(() => rows.count()).toBe(2);
    expect(await panel.getByTestId('verify-verdict').getAttribute('data-verdict')).toBe('authentic');
    expect(await states(rows)).toEqual(['valid', 'valid']);
    expect(await readText(rows.nth(0))).toContain(approver.name);
    expect(await readText(rows.nth(0))).toContain(tr(lang, 'signatures.roles.approver'));
    expect(await readText(rows.nth(1))).toContain(approver.agencyName);
    expect(await readText(rows.nth(1))).toContain(tr(lang, 'signatures.roles.seal'));

    // 11. She downloads the signed PDF in her session. The link printed under its QR code leads to the public
    //     record, and tools that share no code with CivicDesk find the signatures valid and the file sound.
    const download = await page.request.get(`/api/documents/${docId}/pdf`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    const pdf = await download.body();
    const file = pdfFile(pdf, 'issued.pdf');
    const link = pdfText(file).match(new RegExp(`${escapeRe(server.url)}/verify/[\\w-]+`))?.[0];
    expect(link, 'the verification link printed on the PDF').toBeDefined();
    const panelLink = await panel.getByTestId('open-public-verification').getAttribute('href');
    expect(`${server.url}${panelLink}`).toBe(link);
    const scanned = scanQr(file);
    if (scanned !== MISSING) expect(scanned, 'the QR code on page 1').toBe(link);
    const poppler = pdfsig(file);
    if (poppler !== MISSING)
      expect(poppler.map((s) => s.validation)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    const structure = qpdfCheck(file);
    if (structure !== MISSING) expect(structure.ok, structure.output).toBe(true);

    // 12. Anyone who scans it, in a browser with no session, reads the verdict, both signers and the number.
    const visitor = await anonymous();
    await visitor.goto(link!);
    const verdict = visitor.getByTestId('verify-verdict');
    await verdict.waitFor();
    expect((await visitor.request.get('/api/me')).status()).toBe(401);
    expect(await verdict.getAttribute('data-verdict')).toBe('authentic');
    expect(await readText(verdict)).toContain(tr('en', 'signatures.verdict.authentic.title'));
    const publicRows = visitor.getByTestId('signature-row');
    expect(await states(publicRows)).toEqual(['valid', 'valid']);
    expect(await readText(publicRows.nth(0))).toContain(approver.name);
    expect(await readText(publicRows.nth(1))).toContain(approver.agencyName);
    const summary = await readText(visitor.getByTestId('verify-summary'));
    expect(summary).toContain(number);
    expect(summary).toContain(approver.agencyName);

    // 13. On the public file check, the downloaded PDF is recognised as that document; a copy with one byte
    //     changed is called altered, and poppler agrees.
    await visitor.goto('/verify');
    expect(await checkFile(visitor, 'issued.pdf', pdf)).toBe('authentic');
    expect(await readText(visitor.getByTestId('main-content'))).toContain(number);
    await visitor.getByTestId('verify-another').click();
    await verdict.waitFor({ state: 'detached' });
    const altered = alterOneByte(pdf);
    expect(await checkFile(visitor, 'altered.pdf', altered)).toBe('altered');
    expect(await readText(verdict)).toContain(tr('en', 'signatures.verdict.altered.title'));
    const forged = pdfsig(pdfFile(altered, 'altered.pdf'));
    if (forged !== MISSING) expect(forged.some((s) => s.valid)).toBe(false);
  }, 300_000);
});
