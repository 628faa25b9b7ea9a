import type { OpenPoll, Poll } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { type Access, committeeAccess, meetingAccess } from '../committees.access.ts';
import { type Counts, outcome, quorum } from '../committees.policy.ts';
import * as q from '../committees.queries.ts';
import { type OutcomeJson, polls, type QuorumJson } from '../committees.tables.ts';
import { votingPopulation } from './attendance.ts';
import { pollsForMeeting } from './poll-view.ts';

// Polls on agenda items (표결 / biểu quyết): opened by the secretary with the eligible members fixed and the
// quorum computed and stored (개의·의결정족수 re-checked at every vote, §3.2), closed by the secretary or the
// chair — or at the deadline in written deliberation — with the outcome computed from the committee's rules
// and stored with its inputs, never read off a screen. Votes themselves are cast in ballots.ts.

type PollRow = typeof polls.$inferSelect;

/** A poll with what its rules need: the item, the meeting and the committee. */
export type PollInfo = PollRow & {
  itemTitle: string;
  itemKind: string;
  itemClosed: boolean;
  meetingId: string;
  meetingTitle: string;
  mode: 'in_person' | 'online' | 'written';
  committeeId: string;
  agencyId: string;
  rules: q.CommitteeRow['rules'];
};

export async function findPollInfo(ctx: Ctx, pollId: string, lock: '' | 'share' | 'update' = '') {
  const [r] = await selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select p.id, p.item_id, p.secret, p.status, p.eligible, p.quorum, p.opened_at, p.closes_at, p.closed_at,
          p.tally, p.outcome, i.title as item_title, i.kind as item_kind, i.closed as item_closed,
          mt.id as meeting_id, mt.title as meeting_title, mt.mode, c.id as committee_id, c.agency_id, c.rules
        from polls p join agenda_items i on i.id = p.item_id join meetings mt on mt.id = i.meeting_id
          join committees c on c.id = mt.committee_id
        where p.id = ${pollId}
        ${lock === 'share' ? sql`for share of p` : lock === 'update' ? sql`for update of p` : sql``}`,
  );
  if (!r) return undefined;
  const date = (v: unknown) => (v == null ? null : new Date(v as string));
  return {
    id: r.id as string,
    itemId: r.item_id as string,
    secret: Boolean(r.secret),
    status: r.status as PollRow['status'],
    eligible: r.eligible as string[],
    quorum: r.quorum as QuorumJson,
    openedAt: date(r.opened_at)!,
    closesAt: date(r.closes_at),
    closedAt: date(r.closed_at),
    tally: r.tally as PollRow['tally'],
    outcome: r.outcome as PollRow['outcome'],
    itemTitle: r.item_title as string,
    itemKind: r.item_kind as string,
    itemClosed: Boolean(r.item_closed),
    meetingId: r.meeting_id as string,
    meetingTitle: r.meeting_title as string,
    mode: r.mode as PollInfo['mode'],
    committeeId: r.committee_id as string,
    agencyId: r.agency_id as string,
    rules: r.rules as PollInfo['rules'],
  } satisfies PollInfo;
}

/** Voting members of the committee not recused on the item (written deliberation: everyone is called). */
export async function writtenElectorate(ctx: Ctx, committeeId: string, itemId: string) {
  return selectRows<{ id: string; role: string }>(
    ctx.db,
    sql`select m.id, m.role from committee_members m
        where m.committee_id = ${committeeId} and m.active and m.role <> 'secretary'
          and not exists (select 1 from item_conflicts c where c.item_id = ${itemId} and c.member_id = m.id)
        order by m.id`,
  );
}

/** Inserts an open poll; the caller has checked the meeting and item and holds the meeting's row lock. */
export async function insertPoll(
  tx: Ctx,
  meeting: q.MeetingRow,
  item: q.ItemRow,
  rules: q.CommitteeRow['rules'],
  secret: boolean,
): Promise<PollRow> {
  let eligible: string[];
  let quorumJson: QuorumJson;
  if (meeting.mode === 'written') {
    // Written deliberation: no quorum at opening; the quorum is counted on the responses at close (§3.3).
    const electorate = await writtenElectorate(tx, meeting.committeeId, item.id);
    eligible = electorate.filter((m) => rules.chairVotes || m.role !== 'chair').map((m) => m.id);
    quorumJson = quorum(rules.quorum, electorate.length, 0);
  } else {
    const population = await votingPopulation(tx, meeting.id, item.id);
    quorumJson = quorum(rules.quorum, population.members, population.present);
    if (!quorumJson.met)
      throw new AppError('conflict', 'committees.no_quorum', {
        present: quorumJson.present,
        members: quorumJson.members,
        required: quorumJson.required,
      });
    eligible = population.presentIds.filter((id) => rules.chairVotes || id !== population.chairMemberId);
  }
  const [row] = await tx.db
    .insert(polls)
    .values({
      itemId: item.id,
      secret,
      status: 'open',
      eligible,
      quorum: quorumJson,
      openedAt: tx.now,
      closesAt: meeting.mode === 'written' ? meeting.deadline : null,
    })
    .returning();
  return row!;
}

export async function openPoll(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
  itemId: string,
  input: z.infer<typeof OpenPoll>,
): Promise<Poll> {
  const access = await meetingAccess(ctx, actor, meetingId);
  if (!access.manage) throw forbidden();
  const pollId = await inTransaction(ctx, async (tx) => {
    const meeting = await q.findMeeting(tx.db, meetingId, true);
    const item = await q.findItem(tx.db, meetingId, itemId);
    if (!meeting || !item) throw notFound();
    if (item.kind === 'report') throw new AppError('conflict', 'committees.no_vote_on_item');
    const written = meeting.mode === 'written';
    if (written ? !['noticed', 'open'].includes(meeting.status) : meeting.status !== 'open')
      throw new AppError('conflict', 'committees.meeting_not_open');
    const [open] = await selectRows<{ id: string }>(
      tx.db,
      sql`select id from polls where item_id = ${itemId} and status = 'open' limit 1`,
    );
    if (open) throw new AppError('conflict', 'committees.poll_already_open');
    const committee = (await q.findCommittee(tx.db, meeting.committeeId))!;
    const poll = await insertPoll(tx, meeting, item, committee.rules, input.secret ?? item.secret);
    await recordAudit(tx, {
      action: 'committees.poll.opened',
      entityType: 'poll',
      entityId: poll.id,
      agencyId: committee.agencyId,
      after: { item: item.id, secret: poll.secret, eligible: poll.eligible, quorum: poll.quorum },
    });
    await tx.hub.publish(tx.db, {
      userIds: await q.meetingAudience(tx.db, meetingId),
      message: pollMessage(meetingId, poll.id, 'open', { voted: 0, eligible: poll.eligible.length }),
    });
    return poll.id;
  });
  return (await pollsForMeeting(ctx, actor, meetingId, access)).get(itemId)!.find((p) => p.id === pollId)!;
}

export const pollMessage = (
  meetingId: string,
  pollId: string,
  status: 'open' | 'closed',
  counts: Record<string, unknown>,
) => ({ type: 'committees.poll', pollId, meetingId, status, ...counts });

/** Closing by hand: the committee's managers and the chair (or the acting chair of the meeting). */
export async function closePoll(ctx: Ctx, actor: Actor, pollId: string): Promise<Poll> {
  const info = await findPollInfo(ctx, pollId);
  if (!info) throw notFound();
  const access = await committeeAccess(ctx, actor, info.committeeId);
  if (!access.manage && !(await isPresiding(ctx, info, access))) throw forbidden();
  const closed = await inTransaction(ctx, (tx) => closePollTx(tx, pollId));
  if (!closed) throw new AppError('conflict', 'committees.poll_closed');
  return (await pollsForMeeting(ctx, actor, info.meetingId, access))
    .get(info.itemId)!
    .find((p) => p.id === pollId)!;
}

/** Whether the actor chairs this meeting: the chair, or the member standing in (직무대행) while the chair is absent. */
async function isPresiding(ctx: Ctx, info: PollInfo, access: Access): Promise<boolean> {
  if (!access.memberId) return false;
  if (access.role === 'chair') return true;
  if (info.mode === 'written') return false;
  return (await votingPopulation(ctx, info.meetingId, info.itemId)).chairMemberId === access.memberId;
}

async function countVotes(tx: Ctx, poll: PollInfo): Promise<Counts & { voted: number }> {
  const [row] = await selectRows<{ yes: number; no: number; abstain: number; voted: number }>(
    tx.db,
    poll.secret
      ? sql`select count(*) filter (where choice = 'yes')::int as yes, count(*) filter (where choice = 'no')::int as no,
              count(*) filter (where choice = 'abstain')::int as abstain,
              (select count(*)::int from poll_participation where poll_id = ${poll.id}) as voted
            from poll_ballots where poll_id = ${poll.id}`
      : sql`select count(*) filter (where choice = 'yes')::int as yes, count(*) filter (where choice = 'no')::int as no,
              count(*) filter (where choice = 'abstain')::int as abstain, count(*)::int as voted
            from named_votes where poll_id = ${poll.id}`,
  );
  return row!;
}

/** The chair's own named vote (the acting chair's in the chair's absence); unknown for a secret ballot. */
async function chairVoteOf(tx: Ctx, poll: PollInfo) {
  if (poll.secret) return null;
  const chairId =
    poll.mode === 'written'
      ? (await q.findChair(tx.db, poll.committeeId))?.id
      : (await votingPopulation(tx, poll.meetingId, poll.itemId)).chairMemberId;
  if (!chairId) return null;
  const [row] = await selectRows<{ choice: 'yes' | 'no' | 'abstain' }>(
    tx.db,
    sql`select choice from named_votes where poll_id = ${poll.id} and member_id = ${chairId}`,
  );
  return row?.choice ?? null;
}

/**
 * Closes an open poll inside the caller's transaction: counts, quorum (written: on the responses received),
 * outcome by the rules, stored with their inputs; members are told and the result is pushed. Null when the
 * poll was already closed. A secret ballot never reveals the chair's choice, so under the rule "the chair
 * decides a tie" a tied secret poll fails (decidedBy 'tie_fails'): nobody may learn how the chair voted.
 */
export async function closePollTx(tx: Ctx, pollId: string): Promise<PollInfo | null> {
  const [updated] = await selectRows<{ id: string }>(
    tx.db,
    sql`update polls set status = 'closed', closed_at = ${tx.now.toISOString()}::timestamptz
        where id = ${pollId} and status = 'open' returning id`,
  );
  if (!updated) return null;
  // The update waited for every vote holding the poll's share lock: the counts below see all of them.
  const poll = (await findPollInfo(tx, pollId))!;
  const counts = await countVotes(tx, poll);
  const written = poll.mode === 'written';
  const quorumJson = written ? quorum(poll.rules.quorum, poll.quorum.members, counts.voted) : poll.quorum;
  const population = { members: quorumJson.members, present: quorumJson.present };
  let result: OutcomeJson = outcome(poll.rules, counts, population, await chairVoteOf(tx, poll));
  if (!quorumJson.met) result = { ...result, passed: false, decidedBy: 'no_quorum' };
  const tally = {
    yes: counts.yes,
    no: counts.no,
    abstain: counts.abstain,
    eligible: poll.eligible.length,
    voted: counts.voted,
  };
  await tx.db.execute(
    sql`update polls set tally = ${JSON.stringify(tally)}::jsonb, outcome = ${JSON.stringify(result)}::jsonb,
          quorum = ${JSON.stringify(quorumJson)}::jsonb where id = ${pollId}`,
  );
  await recordAudit(tx, {
    action: 'committees.poll.closed',
    entityType: 'poll',
    entityId: pollId,
    agencyId: poll.agencyId,
    after: { tally, outcome: result, quorum: quorumJson },
  });
  const audience = await q.meetingAudience(tx.db, poll.meetingId);
  for (const userId of audience)
    await notify(tx, {
      userId,
      kind: result.passed ? 'committees.poll_passed' : 'committees.poll_failed',
      params: {
        meeting: poll.meetingTitle,
        item: poll.itemTitle,
        yes: tally.yes,
        no: tally.no,
        abstain: tally.abstain,
      },
      link: `/meetings/${poll.meetingId}`,
    });
  await tx.hub.publish(tx.db, {
    userIds: audience,
    message: pollMessage(poll.meetingId, pollId, 'closed', { ...tally, passed: result.passed }),
  });
  return { ...poll, status: 'closed', tally, outcome: result, quorum: quorumJson };
}

/** Closes every open poll of a meeting (the meeting is closing); returns how many were closed. */
export async function closeOpenPolls(tx: Ctx, meetingId: string): Promise<number> {
  const open = await selectRows<{ id: string }>(
    tx.db,
    sql`select p.id from polls p join agenda_items i on i.id = p.item_id
        where i.meeting_id = ${meetingId} and p.status = 'open' order by i.seq, p.opened_at`,
  );
  let n = 0;
  for (const p of open) if (await closePollTx(tx, p.id)) n++;
  return n;
}
