import { randomBytes } from 'node:crypto';
import type { Vote } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { committeeAccess } from '../committees.access.ts';
import { pledgeVersion } from './pledge.ts';
import { findPollInfo, type PollInfo, pollMessage } from './polls.ts';

// Casting a vote. Each eligible member is counted once because the database says so: the primary key of
// named_votes (poll, member) or of poll_participation refuses a second row, whatever the number of parallel
// requests. Every vote holds a share lock on its poll row, so closing (an update of that row) waits for the
// votes in flight and counts all of them, and a vote arriving after the close sees it closed.
//
// Secret ballots (§2.3, the OpenSlides "non-nominal" trust model): one transaction writes "this member took
// part" and, separately, a ballot with no member, no time and a random id and receipt. Since rows sit in the
// table in insertion order (which a database reader can see), each secret vote also rewrites the poll's ballots
// in a random order under the poll's exclusive lock: the order of ballots says nothing about the order of
// votes. The audit entry records only participation. Old row versions stay on disk until VACUUM; reading them
// needs superuser tools (pageinspect) or the disk, outside this model.

type Choice = 'yes' | 'no' | 'abstain';

export async function castVote(
  ctx: Ctx,
  actor: Actor,
  pollId: string,
  input: z.infer<typeof Vote>,
): Promise<{ receipt: string | null }> {
  const info = await findPollInfo(ctx, pollId);
  if (!info) throw notFound();
  // A poll of a committee the actor cannot see does not exist for them (404, as on every committee route).
  await committeeAccess(ctx, actor, info.committeeId);
  // One look before any lock: the voter's seat, their pledge, and whether they already voted (a double click, a
  // retry storm is answered here; the primary key inside the transaction stays the guarantee).
  const [member] = await selectRows<{ id: string; pledged: boolean; voted: boolean }>(
    ctx.db,
    sql`select m.id, (u.kind <> 'external' or exists (select 1 from security_pledges sp where sp.user_id = u.id
                        and sp.version = ${pledgeVersion})) as pledged,
          exists (select 1 from named_votes v where v.poll_id = ${pollId} and v.member_id = m.id)
            or exists (select 1 from poll_participation v where v.poll_id = ${pollId} and v.member_id = m.id) as voted
        from committee_members m join users u on u.id = m.user_id
        where m.committee_id = ${info.committeeId} and m.user_id = ${actor.userId} and m.active and m.role <> 'secretary'
        limit 1`,
  );
  if (!member) throw new AppError('forbidden', 'committees.not_eligible');
  if (!member.pledged) throw new AppError('forbidden', 'committees.pledge_required');
  const written = info.mode === 'written';
  const reason = input.reason?.trim() || null;
  if (written && !info.secret && !reason) throw new AppError('bad_request', 'committees.reason_required');
  if (member.voted && (!written || info.secret))
    throw new AppError(
      'conflict',
      info.secret && written ? 'committees.secret_no_change' : 'committees.already_voted',
    );
  return inTransaction(ctx, async (tx) => {
    const [state] = await selectRows<{
      status: string;
      closes_at: string | null;
      eligible: boolean;
      recused: boolean;
    }>(
      tx.db,
      sql`select p.status, p.closes_at, p.eligible ? ${member.id}::text as eligible,
            exists (select 1 from item_conflicts c where c.item_id = p.item_id and c.member_id = ${member.id}) as recused
          from polls p where p.id = ${pollId} ${info.secret ? sql`for update` : sql`for share`}`,
    );
    if (state!.status !== 'open' || (state!.closes_at && new Date(state!.closes_at) <= tx.now))
      throw new AppError('conflict', 'committees.poll_closed');
    if (state!.recused) throw new AppError('forbidden', 'committees.recused');
    if (!state!.eligible) throw new AppError('forbidden', 'committees.not_eligible');
    const poll = info;
    const receipt = poll.secret
      ? await castSecret(tx, poll, member.id, input.choice)
      : await castNamed(tx, poll, member.id, input.choice, reason);
    await pushCounts(tx, poll);
    // Last, so the audit chain's head row (a lock every vote of the agency takes) is held only until commit.
    await recordAudit(tx, {
      action: 'committees.poll.voted',
      entityType: 'poll',
      entityId: poll.id,
      agencyId: poll.agencyId,
      detail: poll.secret ? { member: member.id, secret: true } : { member: member.id, choice: input.choice },
    });
    return { receipt };
  });
}

async function castNamed(tx: Ctx, poll: PollInfo, memberId: string, choice: Choice, reason: string | null) {
  const now = tx.now.toISOString();
  // Written deliberation: a member may change a named vote (with a new reason) until the poll closes.
  const rows = await selectRows<{ poll_id: string }>(
    tx.db,
    poll.mode === 'written'
      ? sql`insert into named_votes (poll_id, member_id, choice, reason, voted_at)
            values (${poll.id}, ${memberId}, ${choice}, ${reason}, ${now}::timestamptz)
            on conflict (poll_id, member_id) do update set choice = excluded.choice, reason = excluded.reason,
              voted_at = excluded.voted_at
            returning poll_id`
      : sql`insert into named_votes (poll_id, member_id, choice, reason, voted_at)
            values (${poll.id}, ${memberId}, ${choice}, ${reason}, ${now}::timestamptz)
            on conflict (poll_id, member_id) do nothing returning poll_id`,
  );
  if (rows.length === 0) throw new AppError('conflict', 'committees.already_voted');
  return null;
}

async function castSecret(tx: Ctx, poll: PollInfo, memberId: string, choice: Choice) {
  const took = await selectRows<{ poll_id: string }>(
    tx.db,
    sql`insert into poll_participation (poll_id, member_id) values (${poll.id}, ${memberId})
        on conflict (poll_id, member_id) do nothing returning poll_id`,
  );
  if (took.length === 0)
    throw new AppError(
      'conflict',
      poll.mode === 'written' ? 'committees.secret_no_change' : 'committees.already_voted',
    );
  const receipt = randomBytes(16).toString('base64url');
  // Rewritten in random order with the new ballot among them (see the header): ids are random too.
  const kept = await selectRows<{ choice: Choice; receipt: string }>(
    tx.db,
    sql`delete from poll_ballots where poll_id = ${poll.id} returning choice, receipt`,
  );
  const all = [...kept, { choice, receipt }];
  for (let i = all.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32BE() % (i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const values = sql.join(
    all.map((b) => sql`(${poll.id}, ${b.choice}, ${b.receipt})`),
    sql`, `,
  );
  await tx.db.execute(sql`insert into poll_ballots (poll_id, choice, receipt) values ${values}`);
  return receipt;
}

/** Live counts to the committee's managers and the chair: how many voted, and for named polls what. */
async function pushCounts(tx: Ctx, poll: PollInfo) {
  const [row] = await selectRows<{ yes: number; no: number; abstain: number; voted: number }>(
    tx.db,
    poll.secret
      ? sql`select 0 as yes, 0 as no, 0 as abstain, count(*)::int as voted from poll_participation where poll_id = ${poll.id}`
      : sql`select count(*) filter (where choice = 'yes')::int as yes, count(*) filter (where choice = 'no')::int as no,
              count(*) filter (where choice = 'abstain')::int as abstain, count(*)::int as voted
            from named_votes where poll_id = ${poll.id}`,
  );
  const counts = poll.secret
    ? { voted: row!.voted, eligible: poll.eligible.length }
    : { ...row!, eligible: poll.eligible.length };
  await tx.hub.publish(tx.db, {
    userIds: await liveAudience(tx, poll.committeeId),
    message: pollMessage(poll.meetingId, poll.id, 'open', counts),
  });
}

// Who watches the live counts changes rarely: cached for a few seconds per committee (a vote burst is one query).
const audienceCache = new Map<string, { at: number; userIds: string[] }>();

async function liveAudience(tx: Ctx, committeeId: string): Promise<string[]> {
  const hit = audienceCache.get(committeeId);
  if (hit && Date.now() - hit.at < 5_000) return hit.userIds;
  const rows = await selectRows<{ user_id: string }>(
    tx.db,
    sql`select m.user_id from committee_members m
        where m.committee_id = ${committeeId} and m.active and m.role in ('chair', 'vice_chair', 'secretary')
        union select p.user_id from committees c join posts p on p.agency_id = c.agency_id and p.active
          and p.role in ('secretary', 'agency_admin')
        where c.id = ${committeeId}`,
  );
  const userIds = rows.map((r) => r.user_id);
  audienceCache.set(committeeId, { at: Date.now(), userIds });
  return userIds;
}
