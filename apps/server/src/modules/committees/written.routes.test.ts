import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeFixture } from '../../../test/committee-votes.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { systemCtx } from '../../bootstrap.ts';
import { selectRows } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/http/context.ts';
import type { Mailer } from '../../platform/mail.ts';
import { openWrittenPolls, runWrittenDeliberation } from './use-cases/written.ts';

// Written deliberation (서면심의): polls open on every resolution/deliberation item at notice, members vote with
// a reason and may change a named vote until the deadline, reminders go out once a day in the last 48 hours,
// and the job closes the polls (quorum on responses) and the meeting at the deadline, drafting the minutes.

describe('written deliberation', () => {
  let t: TestApp;
  const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(t.db.database.db, q);
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  it('opens polls at notice, takes reasoned and changed votes, reminds, and closes at the deadline', async () => {
    const deadline = new Date(Date.now() + 24 * 3600_000);
    const f = await committeeFixture(t, {
      members: 5,
      externals: 2,
      mode: 'written',
      deadline,
      items: [{ kind: 'resolution' }, { kind: 'report' }, { kind: 'deliberation', secret: true }],
    });
    const ctx = systemCtx(t.db.database);
    expect(await inTransaction(ctx, (tx) => openWrittenPolls(tx, f.meetingId))).toBe(2);
    expect(await inTransaction(ctx, (tx) => openWrittenPolls(tx, f.meetingId))).toBe(0);
    const polls = await rows<{
      id: string;
      item_id: string;
      closes_at: string;
      eligible: string[];
      secret: boolean;
    }>(
      sql`select p.id, p.item_id, p.closes_at, p.eligible, p.secret from polls p join agenda_items i on i.id = p.item_id
          where i.meeting_id = ${f.meetingId} order by i.seq`,
    );
    expect(polls.map((p) => p.item_id)).toEqual([f.itemIds[0], f.itemIds[2]]);
    expect(new Date(polls[0]!.closes_at).getTime()).toBe(deadline.getTime());
    expect(polls[0]!.eligible).toHaveLength(5);
    const [named, secret] = polls;
    const vote = (who: number, pollId: string, choice: string, reason?: string) =>
      f.call(f.members[who]!.cookie, 'POST', `/api/polls/${pollId}/vote`, { choice, reason });

    const noReason = await vote(0, named!.id, 'yes');
    expect([noReason.status, noReason.body.error.key]).toEqual([400, 'committees.reason_required']);
    expect((await vote(0, named!.id, 'yes', 'Hồ sơ đầy đủ')).status).toBe(200);
    expect((await vote(1, named!.id, 'no', 'Cần bổ sung ý kiến Sở Tài chính')).status).toBe(200);
    // Changed until close: the last vote and reason count.
    expect((await vote(1, named!.id, 'yes', 'Đã nhận ý kiến bổ sung')).status).toBe(200);
    expect((await vote(2, named!.id, 'yes', 'Đồng ý')).status).toBe(200);
    const [changed] = await rows<{ choice: string; reason: string }>(
      sql`select choice, reason from named_votes where poll_id = ${named!.id} and member_id = ${f.members[1]!.memberId}`,
    );
    expect(changed).toEqual({ choice: 'yes', reason: 'Đã nhận ý kiến bổ sung' });
    // A secret written ballot cannot be changed.
    expect((await vote(0, secret!.id, 'yes')).body.receipt).toBeTruthy();
    const again = await vote(0, secret!.id, 'no');
    expect([again.status, again.body.error.key]).toEqual([409, 'committees.secret_no_change']);

    // Reminders: within 48 h of the deadline, to those who still have an item to vote on, once a day.
    const sent: string[] = [];
    const mailer: Mailer = { send: async (m) => void sent.push(m.to) };
    const first = await runWrittenDeliberation({ ...ctx, now: new Date() }, mailer);
    expect(first.reminders).toBe(4); // members 1–4 still owe the secret item (3 and 4 both items); member 0 is done
    expect(sent).toHaveLength(4);
    const notes = await rows<{ n: number }>(
      sql`select count(*)::int as n from notifications where kind = 'committees.written_reminder' and link = ${`/meetings/${f.meetingId}`}`,
    );
    expect(notes[0]!.n).toBe(4);
    expect(
      (await runWrittenDeliberation({ ...ctx, now: new Date(Date.now() + 3600_000) }, mailer)).reminders,
    ).toBe(0);

    // At the deadline the job closes both polls, the meeting, and drafts the minutes.
    const late = await runWrittenDeliberation({ ...ctx, now: new Date(deadline.getTime() + 60_000) }, null);
    expect(late).toMatchObject({ pollsClosed: 2, meetingsClosed: 1 });
    const [m] = await rows<{ status: string }>(sql`select status from meetings where id = ${f.meetingId}`);
    expect(m!.status).toBe('closed');
    const [p1] = await rows<{
      tally: Record<string, number>;
      outcome: Record<string, unknown>;
      quorum: Record<string, unknown>;
    }>(sql`select tally, outcome, quorum from polls where id = ${named!.id}`);
    // Quorum on responses: 3 of 5 replied (majority = 3); 3 yes of 3 replies passes.
    expect(p1!.quorum).toMatchObject({ members: 5, present: 3, required: 3, met: true });
    expect(p1!.tally).toMatchObject({ yes: 3, voted: 3, eligible: 5 });
    expect(p1!.outcome).toMatchObject({ passed: true, base: 3, decidedBy: 'threshold_met' });
    const [p2] = await rows<{ outcome: Record<string, unknown> }>(
      sql`select outcome from polls where id = ${secret!.id}`,
    );
    expect(p2!.outcome).toMatchObject({ passed: false, decidedBy: 'no_quorum' });
    expect((await vote(3, named!.id, 'yes', 'muộn')).body.error.key).toBe('committees.poll_closed');
    const minutes = await f.call(f.manager.cookie, 'GET', `/api/meetings/${f.meetingId}/minutes`);
    expect(minutes.body).toMatchObject({ status: 'draft', signatures: [] });
  });

  it('closes early at the secretary’s request, refuses it for members and for meetings that are not written', async () => {
    const f = await committeeFixture(t, {
      members: 3,
      mode: 'written',
      deadline: new Date(Date.now() + 5 * 86400_000),
    });
    const ctx = systemCtx(t.db.database);
    await inTransaction(ctx, (tx) => openWrittenPolls(tx, f.meetingId));
    expect(
      (await f.call(f.members[0]!.cookie, 'POST', `/api/meetings/${f.meetingId}/written/close`)).status,
    ).toBe(403);
    expect(
      (await f.call(f.manager.cookie, 'POST', `/api/meetings/${f.meetingId}/written/close`)).body,
    ).toEqual({ ok: true });
    const [m] = await rows<{ status: string; open: number }>(
      sql`select status, (select count(*)::int from polls p join agenda_items i on i.id = p.item_id
                          where i.meeting_id = mt.id and p.status = 'open') as open from meetings mt where id = ${f.meetingId}`,
    );
    expect(m).toEqual({ status: 'closed', open: 0 });
    const g = await committeeFixture(t, { members: 3 });
    expect(
      (await g.call(g.manager.cookie, 'POST', `/api/meetings/${g.meetingId}/written/close`)).body.error.key,
    ).toBe('committees.not_written');
  });
});
