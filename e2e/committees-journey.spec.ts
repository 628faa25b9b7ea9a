import type { MeetingDetail, MinutesInfo as MinutesSchema, Poll } from '@civicdesk/contracts/committees';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
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
  committeeMessage,
  committeeNamed,
  confirmStep,
  meetingOfMode,
  refusal,
} from './support/committees.ts';
import {
  type ApiSession,
  Authenticator,
  apiSession,
  confirmIdentity,
  demoPerson,
  dismissToasts,
  failureScreenshot,
  type Lang,
  poll,
  readText,
  serverMessage,
  signInThroughForm,
  text,
  tr,
  warnIfNoChromium,
} from './support/journeys.ts';
import { MISSING, pdfFile, pdfsig } from './support/pdf.ts';
import { type E2eServer, startServer } from './support/server.ts';

type MinutesInfo = z.infer<typeof MinutesSchema>;

// Committee journeys on the demo data. At UBND tỉnh Lâm Sơn the public-investment appraisal council (chair
// phochutich, vice-chair truongphong.vx, members chuyenvien.kt and the external expert chuyengia, secretary
// thuky) holds its noticed online meeting: check-in, quorum, a recusal, a named and a secret vote, closing,
// minutes confirmed and signed by the chair, the signed PDF checked with poppler. Then its written deliberation
// ends in a resolution signed by the chair and every member who voted, filed in the outgoing register. Last,
// an external member of the Korean district's committee finds nothing of the province's council.

warnIfNoChromium();

const lsCommittee = 'Hội đồng thẩm định dự án đầu tư công tỉnh Lâm Sơn';
const hbCommittee = '한빛구 도시계획위원회';
const lang: Lang = demoPerson('thuky').lang; // everyone at UBND-LS works in Vietnamese

describe.runIf(hasChromium)('committee journeys', () => {
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
  /** A fresh browser profile for one person (a 375 px phone when asked), signed in through the form. */
  async function as(username: string, opts: { phone?: boolean } = {}) {
    const context = await newContext(browser, server.url, opts);
    contexts.push(context);
    lastPage = await context.newPage();
    await signInThroughForm(lastPage, auth, username);
    return lastPage;
  }
  /** Opens the meeting page (as from a notification link) and waits for it. */
  async function openMeeting(page: Page, meetingId: string) {
    lastPage = page;
    await page.goto(`/meetings/${meetingId}`);
    await page.waitForURL(`**/committees/meetings/${meetingId}`);
    await page.getByTestId('meeting-status').waitFor({ timeout: 15_000 });
  }
  const status = (page: Page) => () => page.getByTestId('meeting-status').getAttribute('data-status');
  const item = (page: Page, n: number) => page.getByTestId('agenda-item').nth(n);
  const minutesStatus = (page: Page) => () => page.getByTestId('minutes-status').getAttribute('data-status');
  async function press(page: Page, locator: Locator) {
    await dismissToasts(page);
    await locator.click();
  }
  async function meeting(id: string, who = 'thuky') {
    return (await (await api(who)).get<MeetingDetail>(`/api/meetings/${id}`)).body;
  }
  async function pollOf(meetingId: string, seq: number, who = 'thuky'): Promise<Poll> {
    const m = await meeting(meetingId, who);
    const found = m.items.find((i) => i.seq === seq)?.polls.at(-1);
    if (!found) throw new Error(`no poll on item ${seq}`);
    return found;
  }
  /** The outcome sentence the UI should print for a closed poll, from the stored outcome (as the client words it). */
  function outcomeText(p: Poll): string {
    const o = p.outcome!;
    const base = tr(
      lang,
      o.rule.endsWith('_of_present') ? 'committees.outcome.basePresent' : 'committees.outcome.baseMembers',
      { count: o.base },
    );
    return tr(lang, `committees.outcome.${o.decidedBy}`, {
      yes: p.tally?.yes ?? 0,
      no: p.tally?.no ?? 0,
      required: o.required,
      base,
      rule: tr(lang, `committees.rules.threshold.${o.rule}`),
    });
  }
  const quorumText = (met: boolean, present: number, members: number, required: number) =>
    tr(lang, met ? 'committees.quorum.met' : 'committees.quorum.notMet', { present, members, required });
  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations)}`).toEqual([]);
  }
  /** Yes / No / Abstain, then the submit button (with a reason in written deliberation). */
  async function vote(card: Locator, choice: 'yes' | 'no' | 'abstain', reason?: string) {
    const form = card.getByTestId('vote-form');
    await form.getByTestId(`vote-${choice}`).click();
    if (reason !== undefined) await form.getByTestId('vote-reason').fill(reason);
    await form.getByTestId('vote-submit').click();
  }
  /** Signs the minutes after the identity check; waits until the signature shows. */
  async function signMinutes(page: Page, name: string) {
    await press(page, page.getByTestId('minutes-sign'));
    await confirmIdentity(page);
    await poll(text(page.getByTestId('minutes-signatures')), 30_000).toContain(name);
  }
  /** The signed minutes PDF as the session downloads it; every signature valid to poppler's pdfsig. */
  async function checkSignedPdf(page: Page, meetingId: string, name: string, signatures: number) {
    const download = await page.request.get(`/api/meetings/${meetingId}/minutes/pdf`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    const file = pdfFile(await download.body(), name);
    const poppler = pdfsig(file);
    if (poppler !== MISSING)
      expect(poppler.map((s) => s.validation)).toEqual(Array(signatures).fill('Signature is Valid.'));
  }

  it('runs an online meeting: check-in and quorum, a recusal, named and secret votes, signed minutes', async () => {
    const { committee, meetings } = await committeeNamed(await api('thuky'), lsCommittee);
    const online = meetingOfMode(meetings, 'online');
    expect(online.status).toBe('noticed');
    const names = Object.fromEntries(
      ['phochutich', 'truongphong.vx', 'chuyenvien.kt', 'chuyengia'].map((u) => [u, demoPerson(u).name]),
    );

    // 1. The secretary finds the noticed meeting from the committee's page.
    const secretary = await as('thuky');
    await secretary.goto('/committees');
    await secretary.getByTestId('committee-card').filter({ hasText: lsCommittee }).getByRole('link').click();
    await secretary.waitForURL(`**/committees/${committee.id}`);
    const row = secretary.getByTestId('meeting-row').filter({ hasText: online.title });
    await poll(text(row)).toContain(tr(lang, 'committees.status.noticed'));
    await row.getByRole('link', { name: online.title }).click();
    await secretary.waitForURL(`**/committees/meetings/${online.id}`);
    await poll(status(secretary)).toBe('noticed');
    await poll(text(secretary.getByRole('heading', { level: 1 }))).toBe(online.title);
    expect(
      await item(secretary, 0).getByRole('link', { name: 'ho-so-du-an-duong-lien-xa.pdf' }).count(),
    ).toBe(1);
    await poll(text(secretary.getByTestId('quorum-bar'))).toContain(quorumText(false, 0, 4, 3));

    // 2. A member confirms he will attend and checks in; the external expert does the same on her phone. The
    //    vice-chair sends apologies.
    const member = await as('chuyenvien.kt');
    await openMeeting(member, online.id);
    await member.getByTestId('rsvp-attending').click();
    await poll(() => member.getByTestId('rsvp-attending').getAttribute('aria-pressed')).toBe('true');
    await member.getByTestId('check-in').click();
    // "You are checked in (time)": the sentence without its time.
    const checkedIn = tr(lang, 'committees.attendance.checkedIn').replace(/\s*\(.*$/, '');
    await poll(text(member.getByTestId('my-attendance'))).toContain(checkedIn);
    const expert = await as('chuyengia', { phone: true });
    await openMeeting(expert, online.id);
    await expert.getByTestId('rsvp-attending').click();
    await poll(() => expert.getByTestId('rsvp-attending').getAttribute('aria-pressed')).toBe('true');
    await expert.getByTestId('check-in').click();
    await expert.getByTestId('check-in').waitFor({ state: 'detached' });
    expect(await expert.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const apologies = await (await api('truongphong.vx')).send('POST', `/api/meetings/${online.id}/rsvp`, {
      response: 'absent',
    });
    expect(apologies.status).toBe(200);

    // 3. Two of four voting members are here, three are needed: the secretary's attempt to open is refused,
    //    in words that say why; the meeting stays noticed.
    await poll(text(secretary.getByTestId('quorum-bar'))).toContain(quorumText(false, 2, 4, 3));
    const attendance = secretary.getByTestId('attendance-list');
    await poll(text(attendance)).toContain(tr(lang, 'committees.attendance.response.absent'));
    await confirmStep(
      secretary,
      secretary.getByTestId('open-meeting'),
      lang,
      'committees.steps.openTitle',
      'committees.steps.open',
    );
    const actions = secretary.getByTestId('meeting-actions');
    await poll(text(actions.getByRole('alert'))).toBe(
      committeeMessage(lang, 'committees.no_quorum', { present: 2, members: 4, required: 3 }),
    );
    expect(await status(secretary)()).toBe('noticed');

    // 4. The chair checks in: the secretary's quorum bar turns to "met" without a reload, and the meeting opens.
    const chair = await as('phochutich');
    await openMeeting(chair, online.id);
    await chair.getByTestId('check-in').click();
    await chair.getByTestId('check-in').waitFor({ state: 'detached' });
    await poll(text(secretary.getByTestId('quorum-bar')), 30_000).toContain(quorumText(true, 3, 4, 3));
    await confirmStep(
      secretary,
      secretary.getByTestId('open-meeting'),
      lang,
      'committees.steps.openTitle',
      'committees.steps.open',
    );
    await poll(status(secretary)).toBe('open');
    expect(await actions.getByRole('alert').count()).toBe(0);
    await poll(status(expert), 30_000).toBe('open');
    await poll(text(expert.getByTestId('quorum-bar'))).toContain(tr(lang, 'committees.quorum.metShort'));

    // 5. chuyenvien.kt declares a conflict of interest on item 1 and steps aside.
    const reason = 'Người thân làm việc tại nhà thầu dự kiến';
    await press(member, item(member, 0).getByTestId('declare-conflict'));
    await member.getByTestId('conflict-reason').fill(reason);
    await member.getByTestId('conflict-submit').click();
    await member.getByTestId('conflict-reason').waitFor({ state: 'detached' });
    await poll(text(item(member, 0))).toContain(tr(lang, 'committees.conflict.youDeclared', { reason }));
    await poll(text(item(secretary, 0).getByTestId('recused')), 30_000).toContain(
      `${names['chuyenvien.kt']} (${reason})`,
    );

    // 6. A named vote on item 1. The recused member gets no vote buttons there, and the API refuses his vote.
    await press(secretary, item(secretary, 0).getByTestId('open-poll'));
    await item(secretary, 0).getByTestId('poll-open').waitFor();
    const named = await pollOf(online.id, 1);
    expect(named.secret).toBe(false);
    await poll(text(item(member, 0)), 30_000).toContain(tr(lang, 'committees.vote.recusedSelf'));
    expect(await item(member, 0).getByTestId('vote-yes').count()).toBe(0);
    const recused = await (await api('chuyenvien.kt')).send('POST', `/api/polls/${named.id}/vote`, {
      choice: 'yes',
    });
    expect(refusal(recused)).toEqual({ status: 403, key: 'committees.recused' });

    // 7. The chair votes and sees the live count; the expert votes on her phone and the chair's count moves
    //    without a reload. A second vote through the API is refused.
    await poll(() => item(chair, 0).getByTestId('vote-form').count(), 30_000).toBe(1);
    await vote(item(chair, 0), 'yes');
    const live = item(chair, 0).getByTestId('live-count');
    await poll(text(live)).toContain(tr(lang, 'committees.vote.votedOf', { voted: 1, eligible: 2 }));
    await expectAccessible(chair, 'open meeting with the live count');
    await poll(text(item(chair, 0).getByTestId('my-vote'))).toBe(
      tr(lang, 'committees.vote.castNamed', { choice: tr(lang, 'committees.vote.choices.yes') }),
    );
    await poll(() => item(expert, 0).getByTestId('vote-form').count(), 30_000).toBe(1);
    await vote(item(expert, 0), 'yes');
    await item(expert, 0).getByTestId('my-vote').waitFor();
    await poll(text(live), 30_000).toContain(tr(lang, 'committees.vote.votedOf', { voted: 2, eligible: 2 }));
    // The first of the three bars is Yes.
    await poll(text(live.getByTestId('tally').locator(':scope > *').first())).toContain('2');
    const twice = await (await api('chuyengia')).send('POST', `/api/polls/${named.id}/vote`, {
      choice: 'no',
    });
    expect(refusal(twice)).toEqual({ status: 409, key: 'committees.already_voted' });

    // 8. The secretary closes the vote: everyone reads the outcome and who voted what.
    await confirmStep(
      secretary,
      item(secretary, 0).getByTestId('close-poll'),
      lang,
      'committees.vote.closeTitle',
      'committees.vote.close',
    );
    const namedResult = await pollOf(online.id, 1);
    expect(namedResult).toMatchObject({
      status: 'closed',
      tally: { yes: 2, voted: 2 },
      outcome: { passed: true },
    });
    for (const page of [secretary, chair, member, expert])
      await poll(text(item(page, 0).getByTestId('poll-outcome')), 30_000).toBe(outcomeText(namedResult));
    const namedVotes = await readText(item(chair, 0).getByTestId('poll-results'));
    expect(namedVotes).toContain(names.phochutich);
    expect(namedVotes).toContain(names.chuyengia);
    expect(namedVotes).not.toContain(names['chuyenvien.kt']);

    // 9. A secret ballot on item 2 (planned secret on the agenda): each voter sees a receipt once.
    await press(secretary, item(secretary, 1).getByTestId('open-poll'));
    await item(secretary, 1).getByTestId('poll-open').waitFor();
    expect((await pollOf(online.id, 2)).secret).toBe(true);
    const receipts: Record<string, string> = {};
    for (const [username, page, choice] of [
      ['phochutich', chair, 'yes'],
      ['chuyenvien.kt', member, 'yes'],
      ['chuyengia', expert, 'abstain'],
    ] as const) {
      await poll(() => item(page, 1).getByTestId('vote-form').count(), 30_000).toBe(1);
      await vote(item(page, 1), choice);
      const code = item(page, 1).getByTestId('receipt-code');
      await poll(text(code)).toMatch(/^[\w-]{16,}$/);
      receipts[username] = (await readText(code)).trim();
      if (username === 'chuyengia') await expectAccessible(page, 'secret ballot receipt (phone)');
      await poll(text(item(page, 1).getByTestId('my-vote'))).toBe(tr(lang, 'committees.vote.castSecret'));
    }
    // The chair sees how many voted, never what: no per-choice bars on a secret ballot.
    const secretLive = item(chair, 1).getByTestId('live-count');
    await poll(text(secretLive), 30_000).toContain(
      tr(lang, 'committees.vote.votedOf', { voted: 3, eligible: 3 }),
    );
    expect(await secretLive.getByTestId('tally').count()).toBe(0);
    const secretId = (await pollOf(online.id, 2)).id;
    const again = await (await api('chuyenvien.kt')).send('POST', `/api/polls/${secretId}/vote`, {
      choice: 'no',
    });
    expect(refusal(again)).toEqual({ status: 409, key: 'committees.already_voted' });

    // 10. After close the receipts are published with their choices: each voter finds theirs, marked as theirs;
    //     the participants are listed and the outcome is said in words.
    await confirmStep(
      secretary,
      item(secretary, 1).getByTestId('close-poll'),
      lang,
      'committees.vote.closeTitle',
      'committees.vote.close',
    );
    const secretResult = await pollOf(online.id, 2);
    expect(secretResult).toMatchObject({ status: 'closed', tally: { yes: 2, abstain: 1, voted: 3 } });
    expect(secretResult.receipts?.map((r) => r.receipt).sort()).toEqual(Object.values(receipts).sort());
    for (const [username, page] of [
      ['phochutich', chair],
      ['chuyenvien.kt', member],
      ['chuyengia', expert],
    ] as const) {
      const card = item(page, 1);
      await poll(text(card.getByTestId('poll-outcome')), 30_000).toBe(outcomeText(secretResult));
      const mine = card.getByTestId('receipts').getByRole('listitem').filter({ hasText: receipts[username] });
      await poll(text(mine)).toContain(tr(lang, 'committees.vote.yourBallot'));
      expect(await card.getByTestId('receipts').getByRole('listitem').count()).toBe(3);
      const participants = await readText(card.getByTestId('poll-participants'));
      for (const u of ['phochutich', 'chuyenvien.kt', 'chuyengia']) expect(participants).toContain(names[u]);
    }
    await expectAccessible(member, 'published results');

    // 11. The secretary closes the meeting; a vote after that is refused.
    await confirmStep(
      secretary,
      secretary.getByTestId('close-meeting'),
      lang,
      'committees.steps.closeTitle',
      'committees.steps.close',
    );
    await poll(status(secretary)).toBe('closed');
    await poll(status(member), 30_000).toBe('closed');
    const late = await (await api('truongphong.vx')).send('POST', `/api/polls/${secretId}/vote`, {
      choice: 'no',
    });
    expect(refusal(late)).toEqual({ status: 409, key: 'committees.poll_closed' });

    // 12. Minutes: the secretary writes the discussion summary and circulates them.
    const summary = 'Hội đồng thống nhất thông qua chủ trương đầu tư dự án đường liên xã.';
    await press(secretary, secretary.getByTestId('minutes-edit'));
    await secretary.getByTestId('body-editor').click();
    await secretary.keyboard.type(summary);
    await secretary.getByTestId('minutes-save').click();
    await poll(text(secretary.getByTestId('minutes'))).toContain(summary);
    await confirmStep(
      secretary,
      secretary.getByTestId('minutes-circulate'),
      lang,
      'committees.minutes.circulateTitle',
      'committees.minutes.circulate',
    );
    await poll(minutesStatus(secretary)).toBe('circulated');

    // 13. An attendee confirms them (from the notification's link).
    await openMeeting(member, online.id);
    await press(member, member.getByTestId('minutes-confirm'));
    await poll(text(member.getByTestId('minutes-confirmations'))).toContain(names['chuyenvien.kt']);

    // 14. The chair signs after confirming who she is: the minutes are signed and filed with a number.
    await openMeeting(chair, online.id);
    await poll(minutesStatus(chair)).toBe('circulated');
    await signMinutes(chair, names.phochutich!);
    await poll(minutesStatus(chair)).toBe('signed');
    const filed = (await (await api('thuky')).get<MinutesInfo>(`/api/meetings/${online.id}/minutes`)).body;
    expect(filed).toMatchObject({ status: 'signed', hasPdf: true });
    expect(filed.numberText).toMatch(/\d+\/BB/);
    await poll(text(chair.getByTestId('minutes-number'))).toContain(filed.numberText!);
    expect(await chair.getByTestId('minutes-sign').count()).toBe(0);
    await expectAccessible(chair, 'signed minutes');

    // 15. The signed minutes, downloaded in the chair's session: poppler finds the signature valid.
    await checkSignedPdf(chair, online.id, 'online-minutes.pdf', 1);
  }, 420_000);

  it('ends a written deliberation in a resolution signed by the chair and every voter, filed in the register', async () => {
    const { meetings } = await committeeNamed(await api('thuky'), lsCommittee);
    const written = meetingOfMode(meetings, 'written');
    expect(written.status).toBe('open');
    const names = Object.fromEntries(
      ['phochutich', 'chuyenvien.kt', 'chuyengia'].map((u) => [u, demoPerson(u).name]),
    );

    // 1. The chair votes with a reason.
    const chair = await as('phochutich');
    await openMeeting(chair, written.id);
    await vote(item(chair, 0), 'yes', 'Đồng ý, dự án trường học cấp bách.');
    await poll(text(item(chair, 0).getByTestId('vote-form'))).toContain(
      tr(lang, 'committees.vote.currentWritten', { choice: tr(lang, 'committees.vote.choices.yes') }),
    );

    // 2. A member first forgets the reason: the refusal says a reason is needed. He adds one.
    const member = await as('chuyenvien.kt');
    await openMeeting(member, written.id);
    await vote(item(member, 0), 'yes');
    await poll(text(item(member, 0).getByRole('alert'))).toBe(
      committeeMessage(lang, 'committees.reason_required'),
    );
    await item(member, 0).getByTestId('vote-reason').fill('Phù hợp kế hoạch đầu tư công trung hạn.');
    await item(member, 0).getByTestId('vote-submit').click();
    await poll(text(item(member, 0).getByTestId('vote-form'))).toContain(
      tr(lang, 'committees.vote.currentWritten', { choice: tr(lang, 'committees.vote.choices.yes') }),
    );
    expect(await item(member, 0).getByRole('alert').count()).toBe(0);

    // 3. The external expert votes No on her phone, then changes her vote to Yes with a new reason.
    const expert = await as('chuyengia', { phone: true });
    await openMeeting(expert, written.id);
    await vote(item(expert, 0), 'no', 'Cần làm rõ nguồn vốn điều chuyển.');
    await poll(text(item(expert, 0).getByTestId('vote-form'))).toContain(
      tr(lang, 'committees.vote.currentWritten', { choice: tr(lang, 'committees.vote.choices.no') }),
    );
    const changed = 'Đã được giải trình, đồng ý.';
    await vote(item(expert, 0), 'yes', changed);
    await poll(text(item(expert, 0).getByTestId('vote-form'))).toContain(
      tr(lang, 'committees.vote.currentWritten', { choice: tr(lang, 'committees.vote.choices.yes') }),
    );
    expect(await expert.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(expert, 'written deliberation, vote changed (phone)');

    // 4. The secretary sees 3 of 4 answers and closes the deliberation before its deadline.
    const secretary = await as('thuky');
    await openMeeting(secretary, written.id);
    await poll(text(secretary.getByRole('region', { name: tr(lang, 'committees.written.title') }))).toContain(
      '3/4',
    );
    await confirmStep(
      secretary,
      secretary.getByTestId('close-written'),
      lang,
      'committees.steps.writtenCloseTitle',
      'committees.steps.writtenClose',
    );
    await poll(status(secretary)).toBe('closed');
    const result = await pollOf(written.id, 1);
    expect(result).toMatchObject({
      status: 'closed',
      tally: { yes: 3, no: 0, voted: 3 },
      outcome: { passed: true },
    });
    expect(result.votes?.find((v) => v.name === names.chuyengia)).toEqual({
      name: names.chuyengia,
      choice: 'yes',
      reason: changed,
    });
    await poll(text(item(secretary, 0).getByTestId('poll-outcome'))).toBe(outcomeText(result));
    const table = await readText(item(secretary, 0).getByTestId('poll-results'));
    expect(table).toContain(changed);
    expect(table).not.toContain('Cần làm rõ nguồn vốn');
    await expectAccessible(secretary, 'written deliberation results');

    // 5. The resolution is circulated, then signed by the chair and by each member who voted, each after the
    //    identity check; with the last signature it is filed.
    await confirmStep(
      secretary,
      secretary.getByTestId('minutes-circulate'),
      lang,
      'committees.minutes.circulateTitle',
      'committees.minutes.circulate',
    );
    await poll(minutesStatus(secretary)).toBe('circulated');
    for (const [username, page] of [
      ['phochutich', chair],
      ['chuyenvien.kt', member],
      ['chuyengia', expert],
    ] as const) {
      await openMeeting(page, written.id);
      await poll(minutesStatus(page)).toBe('circulated');
      await signMinutes(page, names[username]!);
    }
    await poll(minutesStatus(expert)).toBe('signed');
    const filed = (await (await api('thuky')).get<MinutesInfo>(`/api/meetings/${written.id}/minutes`)).body;
    expect(filed).toMatchObject({ status: 'signed', hasPdf: true });
    expect(filed.signatures.map((s) => s.name).sort()).toEqual(Object.values(names).sort());
    expect(filed.numberText).toMatch(/\d+\/BB/);
    await poll(text(expert.getByTestId('minutes-number'))).toContain(filed.numberText!);
    await checkSignedPdf(expert, written.id, 'written-resolution.pdf', 3);

    // 6. The filed resolution is among the agency's issued documents, with its number, for the secretary and
    //    the chair; the records clerk finds it in the outgoing register.
    for (const who of ['thuky', 'phochutich']) {
      const issued = await (await api(who)).get<{
        items: { id: string; numberText: string | null; typeCode: string }[];
      }>('/api/documents?box=issued');
      expect(issued.status).toBe(200);
      expect(issued.body.items.find((d) => d.id === filed.documentId)).toMatchObject({
        numberText: filed.numberText,
        typeCode: 'BB',
      });
    }
    const clerk = await as('vanthu');
    await clerk.goto('/registers');
    await poll(text(clerk.getByTestId('register-table')), 15_000).toContain(filed.numberText!);
  }, 300_000);

  it("an external member of another agency's committee sees only their own and gets not-found for the rest", async () => {
    const { committee, meetings } = await committeeNamed(await api('thuky'), lsCommittee);
    const ko: Lang = demoPerson('oebu').lang;

    const page = await as('oebu');
    await page.goto('/committees');
    const cards = page.getByTestId('committee-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(1);
    expect(await readText(cards.first())).toContain(hbCommittee);

    // Opened by address, the province's committee and its meetings do not exist for him.
    const notFound = serverMessage(ko, 'error.not_found');
    await page.goto(`/committees/${committee.id}`);
    await poll(text(page.getByRole('alert'))).toBe(notFound);
    for (const m of meetings) {
      await page.goto(`/committees/meetings/${m.id}`);
      await poll(text(page.getByRole('alert'))).toBe(notFound);
      expect(await page.getByTestId('meeting-status').count()).toBe(0);
    }
    // Through the API, in his browser session and in a session of his own.
    const own = await api('oebu');
    const urls = [
      `/api/committees/${committee.id}`,
      `/api/committees/${committee.id}/meetings`,
      ...meetings.flatMap((m) => [`/api/meetings/${m.id}`, `/api/meetings/${m.id}/minutes`]),
    ];
    for (const url of urls) {
      expect((await page.request.get(url)).status(), url).toBe(404);
      expect((await own.get(url)).status, url).toBe(404);
    }
    const listed = await own.get<{ name: string }[]>('/api/committees');
    expect(listed.body.map((c) => c.name)).toEqual([hbCommittee]);
  });
});
