import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  committeeFixture,
  type Fixture,
  recuse,
  sessionFor,
  userIdOf,
} from '../../../test/committee-votes.ts';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';
import { selectRows } from '../../platform/db/db.ts';
import type { App } from '../../platform/http/types.ts';

// Polls through HTTP: quorum at opening, named and secret votes with every refusal, outcomes computed by the
// rules and stored with their inputs, live counts, secret-ballot unlinkability, and 1,000 parallel requests
// from a 60-member body each counted once (on PGlite, and on PostgreSQL when DATABASE_URL is set).

type Msg = Record<string, unknown>;

async function openChannel(app: App, cookie: string) {
  const seen: Msg[] = [];
  const ws = await app.injectWS(
    '/api/realtime',
    { headers: { cookie } },
    {
      onInit: (socket) =>
        socket.on('message', (data: Buffer) => seen.push(JSON.parse(data.toString()) as Msg)),
    },
  );
  return { ws, seen };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('committee polls', () => {
  let t: TestApp;
  const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(t.db.database.db, q);
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  const open = (f: Fixture, item = 0, body: Record<string, unknown> = {}) =>
    f.call(f.manager.cookie, 'POST', `/api/meetings/${f.meetingId}/items/${f.itemIds[item]}/polls`, body);
  const vote = (f: Fixture, who: number, pollId: string, choice: string, reason?: string) =>
    f.call(f.members[who]!.cookie, 'POST', `/api/polls/${pollId}/vote`, { choice, reason });

  it('refuses to open a poll without quorum, naming the numbers', async () => {
    const f = await committeeFixture(t, { members: 9, present: 4 });
    const res = await open(f);
    expect(res.status).toBe(409);
    expect(res.body.error.key).toBe('committees.no_quorum');
    expect(res.body.error.message).toMatch(/4.*9.*5|4 of 9/);
    // A member cannot open one, and a report item is not voted on.
    const g = await committeeFixture(t, { members: 5, items: [{ kind: 'report' }] });
    expect(
      (
        await g.call(
          g.members[2]!.cookie,
          'POST',
          `/api/meetings/${g.meetingId}/items/${g.itemIds[0]}/polls`,
          {},
        )
      ).status,
    ).toBe(403);
    expect((await open(g)).body.error.key).toBe('committees.no_vote_on_item');
  });

  it('runs a named vote with every refusal, live counts for the chair, and stores the outcome with its inputs', async () => {
    // 9 members, 7 present (member 7 and 8 absent); member 6 recused before opening, member 5 after.
    const f = await committeeFixture(t, { members: 9, present: 7 });
    await recuse(t, f.itemIds[0]!, f.members[6]!.memberId);
    const chair = await openChannel(t.app, f.members[0]!.cookie);
    const plain = await openChannel(t.app, f.members[3]!.cookie);
    const opened = await open(f);
    expect(opened.status).toBe(201);
    const poll = opened.body;
    expect(poll).toMatchObject({
      secret: false,
      status: 'open',
      quorum: { members: 8, present: 6, required: 5, met: true },
    });
    expect(poll.tally).toMatchObject({ eligible: 6, voted: 0 });
    expect((await open(f)).body.error.key).toBe('committees.poll_already_open');

    expect((await vote(f, 0, poll.id, 'yes')).body).toEqual({ receipt: null });
    expect((await vote(f, 1, poll.id, 'yes')).status).toBe(200);
    const twice = await vote(f, 1, poll.id, 'no');
    expect([twice.status, twice.body.error.key]).toEqual([409, 'committees.already_voted']);
    const recused = await vote(f, 6, poll.id, 'yes');
    expect([recused.status, recused.body.error.key]).toEqual([403, 'committees.recused']);
    await recuse(t, f.itemIds[0]!, f.members[5]!.memberId);
    expect((await vote(f, 5, poll.id, 'yes')).body.error.key).toBe('committees.recused');
    const absent = await vote(f, 7, poll.id, 'yes');
    expect([absent.status, absent.body.error.key]).toEqual([403, 'committees.not_eligible']);
    expect(
      (await f.call(f.manager.cookie, 'POST', `/api/polls/${poll.id}/vote`, { choice: 'yes' })).body.error
        .key,
    ).toBe('committees.not_eligible');
    // Someone outside the committee is not told the poll exists.
    const outsider = await signIn(t.app, 'canbo.tanphu');
    expect((await f.call(outsider, 'POST', `/api/polls/${poll.id}/vote`, { choice: 'yes' })).status).toBe(
      404,
    );
    expect((await vote(f, 2, poll.id, 'no')).status).toBe(200);
    expect((await vote(f, 3, poll.id, 'abstain')).status).toBe(200);

    // Live: the chair sees voted/eligible and the counts; a plain member gets nothing.
    expect(await until(() => chair.seen.some((m) => m.type === 'committees.poll' && m.voted === 4))).toBe(
      true,
    );
    const live = chair.seen.filter((m) => m.type === 'committees.poll').at(-1)!;
    expect(live).toMatchObject({
      pollId: poll.id,
      meetingId: f.meetingId,
      voted: 4,
      eligible: 6,
      yes: 2,
      no: 1,
      abstain: 1,
    });
    expect(
      plain.seen.some(
        (m) => m.type === 'committees.poll' && m.status === 'open' && 'voted' in m && m.voted !== 0,
      ),
    ).toBe(false);

    // A plain member cannot close; the chair can.
    expect((await f.call(f.members[3]!.cookie, 'POST', `/api/polls/${poll.id}/close`)).status).toBe(403);
    const closed = await f.call(f.members[0]!.cookie, 'POST', `/api/polls/${poll.id}/close`);
    expect(closed.status).toBe(200);
    // majority of present: 6 present (recusal of member 6 counted at opening) → 4 needed; 2 yes → failed.
    expect(closed.body.tally).toEqual({ yes: 2, no: 1, abstain: 1, eligible: 6, voted: 4 });
    expect(closed.body.outcome).toEqual({
      passed: false,
      rule: 'majority_of_present',
      base: 6,
      required: 4,
      tie: false,
      decidedBy: 'threshold_not_met',
    });
    expect(closed.body.votes.map((v: Msg) => v.choice).sort()).toEqual(['abstain', 'no', 'yes', 'yes']);
    expect(closed.body.participants).toHaveLength(4);
    const after = await vote(f, 4, poll.id, 'yes');
    expect([after.status, after.body.error.key]).toEqual([409, 'committees.poll_closed']);
    expect((await f.call(f.manager.cookie, 'POST', `/api/polls/${poll.id}/close`)).body.error.key).toBe(
      'committees.poll_closed',
    );

    const [stored] = await rows<{ tally: Msg; outcome: Msg; quorum: Msg; eligible: string[] }>(
      sql`select tally, outcome, quorum, eligible from polls where id = ${poll.id}`,
    );
    expect(stored!.quorum).toMatchObject({ rule: 'majority_of_members', members: 8, present: 6 });
    expect(stored!.eligible).toHaveLength(6);
    expect(stored!.outcome).toMatchObject({ decidedBy: 'threshold_not_met', base: 6 });
    const audit = await rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${poll.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'committees.poll.opened',
      ...Array(4).fill('committees.poll.voted'),
      'committees.poll.closed',
    ]);
    // Results reach everyone after close.
    expect(
      await until(() => plain.seen.some((m) => m.type === 'committees.poll' && m.status === 'closed')),
    ).toBe(true);
    chair.ws.terminate();
    plain.ws.terminate();
  });

  it('lets the chair decide a tie on a named poll; a tied secret poll fails since the chair vote is unknown', async () => {
    const rules = { tie: 'chair_decides' as const, chairVotes: true };
    const f = await committeeFixture(t, {
      members: 4,
      rules,
      items: [{ kind: 'resolution' }, { kind: 'resolution', secret: true }],
    });
    const named = (await open(f, 0)).body;
    await vote(f, 0, named.id, 'yes');
    await vote(f, 1, named.id, 'yes');
    await vote(f, 2, named.id, 'no');
    await vote(f, 3, named.id, 'no');
    const n = (await f.call(f.manager.cookie, 'POST', `/api/polls/${named.id}/close`)).body;
    expect(n.outcome).toMatchObject({ passed: true, tie: true, decidedBy: 'tie_chair_yes' });
    const secret = (await open(f, 1)).body;
    expect(secret.secret).toBe(true);
    for (const [i, c] of ['yes', 'yes', 'no', 'no'].entries()) await vote(f, i, secret.id, c);
    const s = (await f.call(f.manager.cookie, 'POST', `/api/polls/${secret.id}/close`)).body;
    expect(s.outcome).toMatchObject({ passed: false, tie: true, decidedBy: 'tie_fails' });
  });

  it('keeps a secret ballot unlinkable: receipts once, counts only after close, no row holds voter and choice', async () => {
    const f = await committeeFixture(t, {
      members: 7,
      externals: 3,
      items: [{ kind: 'resolution', secret: true }],
    });
    const chair = await openChannel(t.app, f.members[0]!.cookie);
    const poll = (await open(f)).body;
    expect(poll.secret).toBe(true);
    const choices = ['yes', 'no', 'yes', 'abstain', 'yes'];
    const receipts: string[] = [];
    for (const [i, c] of choices.entries()) {
      const res = await vote(f, i, poll.id, c);
      expect(res.status).toBe(200);
      expect(res.body.receipt).toMatch(/^[A-Za-z0-9_-]{22}$/);
      receipts.push(res.body.receipt);
    }
    const twice = await vote(f, 2, poll.id, 'no');
    expect([twice.status, twice.body.error.key]).toEqual([409, 'committees.already_voted']);
    // Live pushes carry how many voted, never what.
    expect(await until(() => chair.seen.some((m) => m.type === 'committees.poll' && m.voted === 5))).toBe(
      true,
    );
    for (const m of chair.seen.filter((x) => x.type === 'committees.poll' && x.status === 'open'))
      expect(Object.keys(m).sort()).toEqual(['eligible', 'meetingId', 'pollId', 'status', 'type', 'voted']);
    chair.ws.terminate();

    // No table has a row with both a member and a choice for this poll.
    const named = await rows<{ n: number }>(
      sql`select count(*)::int as n from named_votes where poll_id = ${poll.id}`,
    );
    expect(named[0]!.n).toBe(0);
    const columns = await rows<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns
          where table_name in ('poll_ballots', 'poll_participation') order by table_name, ordinal_position`,
    );
    expect(columns.filter((c) => c.table_name === 'poll_ballots').map((c) => c.column_name)).toEqual([
      'id',
      'poll_id',
      'choice',
      'receipt',
    ]);
    expect(columns.filter((c) => c.table_name === 'poll_participation').map((c) => c.column_name)).toEqual([
      'poll_id',
      'member_id',
    ]);
    const ballots = await rows<{ choice: string; receipt: string }>(
      sql`select choice, receipt from poll_ballots where poll_id = ${poll.id}`,
    );
    expect(ballots.map((b) => b.choice).sort()).toEqual([...choices].sort());
    expect(ballots.map((b) => b.receipt).sort()).toEqual([...receipts].sort());
    const participation = await rows<{ member_id: string }>(
      sql`select member_id from poll_participation where poll_id = ${poll.id}`,
    );
    expect(participation).toHaveLength(5);
    const audit = await rows<{ detail: Msg }>(
      sql`select detail from audit_log where entity_id = ${poll.id} and action = 'committees.poll.voted'`,
    );
    expect(audit).toHaveLength(5);
    for (const a of audit) {
      expect(a.detail).not.toHaveProperty('choice');
      expect(JSON.stringify(a.detail)).not.toMatch(/"(yes|no|abstain)"/);
    }

    // While open: nobody sees choices, the manager sees only how many voted.
    const closed = (await f.call(f.manager.cookie, 'POST', `/api/polls/${poll.id}/close`)).body;
    expect(closed.tally).toEqual({ yes: 3, no: 1, abstain: 1, eligible: 7, voted: 5 });
    expect(closed.outcome).toMatchObject({ passed: false, required: 4, decidedBy: 'threshold_not_met' });
    expect(closed.votes).toBeNull();
    expect(closed.receipts.map((r: Msg) => r.receipt).sort()).toEqual([...receipts].sort());
    expect(closed.participants).toHaveLength(5);
    // Each voter finds their receipt with the choice they made.
    for (const [i, r] of receipts.entries())
      expect(closed.receipts.find((x: Msg) => x.receipt === r).choice).toBe(choices[i]);
    const stranger = await sessionFor(t, await userIdOf(t, 'canbo.hoaan'));
    expect(
      (await f.call(stranger, 'POST', `/api/polls/${poll.id}/vote`, { choice: 'yes' })).status,
    ).toBeGreaterThanOrEqual(403);
  });

  for (const secret of [false, true])
    it(`counts each of 60 members exactly once among 1,000 parallel ${secret ? 'secret' : 'named'} votes`, async () => {
      const f = await committeeFixture(t, {
        members: 60,
        externals: 20,
        items: [{ kind: 'resolution', secret }],
      });
      const poll = (await open(f)).body;
      expect(poll.tally.eligible).toBe(60);
      const choices = ['yes', 'no', 'abstain'] as const;
      const requests = Array.from({ length: 1000 }, (_, i) => ({
        who: i % 60,
        choice: choices[(i * 7) % 3]!,
      }));
      const started = performance.now();
      const results = await Promise.all(requests.map((r) => vote(f, r.who, poll.id, r.choice)));
      const ms = performance.now() - started;
      const ok = results.filter((r) => r.status === 200);
      const dup = results.filter((r) => r.status === 409 && r.body.error.key === 'committees.already_voted');
      expect(ok).toHaveLength(60);
      expect(dup).toHaveLength(940);
      const closed = (await f.call(f.manager.cookie, 'POST', `/api/polls/${poll.id}/close`)).body;
      expect(closed.tally.voted).toBe(60);
      expect(closed.tally.yes + closed.tally.no + closed.tally.abstain).toBe(60);
      const [n] = await rows<{ named: number; took: number; ballots: number }>(
        sql`select (select count(*)::int from named_votes where poll_id = ${poll.id}) as named,
                   (select count(distinct member_id)::int from poll_participation where poll_id = ${poll.id}) as took,
                   (select count(*)::int from poll_ballots where poll_id = ${poll.id}) as ballots`,
      );
      expect(secret ? [n!.took, n!.ballots, n!.named] : [n!.named, n!.took]).toEqual(
        secret ? [60, 60, 0] : [60, 0],
      );
      console.log(`${secret ? 'secret' : 'named'}: 1,000 parallel vote requests in ${Math.round(ms)} ms`);
    }, 120_000);
});
