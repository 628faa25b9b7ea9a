import type { Poll } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import type { Access } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import type { QuorumJson } from '../committees.tables.ts';
import { votingPopulation } from './attendance.ts';

// How polls look to the person reading a meeting: counts, votes, receipts and outcomes, each shown only when the
// reader may see it (see pollsForMeeting).

type VoteRow = {
  poll_id: string;
  member_id: string;
  name: string;
  choice: 'yes' | 'no' | 'abstain';
  reason: string | null;
};

/**
 * The polls of a meeting as the actor may see them, by item. Counts are live only for the managers and the
 * presiding chair (for a secret poll only how many voted: per-choice counts moving as each member votes would
 * reveal the votes); votes, receipts and the outcome only after close. Nobody, the server included, knows a
 * secret voter's choice or receipt afterwards: myVote then carries neither (the client showed the receipt once).
 */
export async function pollsForMeeting(
  ctx: Ctx,
  _actor: Actor,
  meetingId: string,
  access: Access,
): Promise<Map<string, Poll[]>> {
  const rows = await selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select p.*, i.kind as item_kind, mt.mode from polls p join agenda_items i on i.id = p.item_id
          join meetings mt on mt.id = i.meeting_id
        where i.meeting_id = ${meetingId} order by i.seq, p.opened_at`,
  );
  const result = new Map<string, Poll[]>();
  if (rows.length === 0) return result;
  const ids = rows.map((r) => r.id as string);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [named, participants, receipts, conflicts] = await Promise.all([
    selectRows<VoteRow>(
      ctx.db,
      sql`select nv.poll_id, nv.member_id, u.display_name as name, nv.choice, nv.reason from named_votes nv
          join committee_members m on m.id = nv.member_id join users u on u.id = m.user_id
          where nv.poll_id in (${idList}) order by u.display_name`,
    ),
    selectRows<{ poll_id: string; member_id: string; name: string }>(
      ctx.db,
      sql`select pp.poll_id, pp.member_id, u.display_name as name from poll_participation pp
          join committee_members m on m.id = pp.member_id join users u on u.id = m.user_id
          where pp.poll_id in (${idList}) order by u.display_name`,
    ),
    selectRows<{ poll_id: string; receipt: string; choice: 'yes' | 'no' | 'abstain' }>(
      ctx.db,
      sql`select b.poll_id, b.receipt, b.choice from poll_ballots b join polls p on p.id = b.poll_id
          where b.poll_id in (${idList}) and p.status = 'closed' order by b.receipt`,
    ),
    access.memberId
      ? selectRows<{ item_id: string }>(
          ctx.db,
          sql`select item_id from item_conflicts where member_id = ${access.memberId}`,
        )
      : Promise.resolve([]),
  ]);
  const recusedOn = new Set(conflicts.map((c) => c.item_id));
  const presiding =
    access.role === 'chair' ||
    (!!access.memberId &&
      rows[0]!.mode !== 'written' &&
      (await votingPopulation(ctx, meetingId, rows[0]!.item_id as string)).chairMemberId === access.memberId);
  const seesLive = access.manage || presiding;
  for (const r of rows) {
    const id = r.id as string;
    const secret = Boolean(r.secret);
    const closed = r.status === 'closed';
    const votes = named.filter((v) => v.poll_id === id);
    const took = secret ? participants.filter((p) => p.poll_id === id) : votes;
    const mine = access.memberId ? took.find((v) => v.member_id === access.memberId) : undefined;
    const eligible = r.eligible as string[];
    const live = { yes: 0, no: 0, abstain: 0, eligible: eligible.length, voted: took.length };
    if (!secret) for (const v of votes) live[v.choice]++;
    const written = r.mode === 'written';
    const poll: Poll = {
      id,
      itemId: r.item_id as string,
      secret,
      status: closed ? 'closed' : 'open',
      openedAt: new Date(r.opened_at as string).toISOString(),
      closesAt: q.iso(r.closes_at as string | null),
      closedAt: q.iso(r.closed_at as string | null),
      quorum: r.quorum as QuorumJson,
      tally: closed ? (r.tally as Poll['tally']) : seesLive ? live : null,
      outcome: closed ? (r.outcome as Poll['outcome']) : null,
      votes:
        closed && !secret ? votes.map((v) => ({ name: v.name, choice: v.choice, reason: v.reason })) : null,
      receipts:
        closed && secret
          ? receipts.filter((b) => b.poll_id === id).map(({ receipt, choice }) => ({ receipt, choice }))
          : null,
      participants: closed || seesLive ? took.map((v) => v.name) : [],
      myVote: mine
        ? secret
          ? { choice: null, receipt: null, reason: null }
          : { choice: (mine as VoteRow).choice, receipt: null, reason: (mine as VoteRow).reason }
        : null,
      canVote:
        !closed &&
        !!access.memberId &&
        eligible.includes(access.memberId) &&
        !recusedOn.has(r.item_id as string) &&
        (!mine || (written && !secret)),
    };
    const list = result.get(poll.itemId) ?? [];
    list.push(poll);
    result.set(poll.itemId, list);
  }
  return result;
}
