import type { CheckIn, Rsvp } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { meetingAccess } from '../committees.access.ts';
import { quorum } from '../committees.policy.ts';
import * as q from '../committees.queries.ts';
import type { QuorumJson } from '../committees.tables.ts';

// Replies to the notice, check-in (by the member online or in person, or by the secretary) and the quorum
// they make. The voting membership leaves out the secretary (not a member) and, per item, the recused.

export type VotingPopulation = {
  /** Active voting members (not the secretary), less those recused on the item. */
  members: number;
  /** Those of them present. */
  present: number;
  /** Member ids present, not recused, not secretary. */
  presentIds: string[];
  /** The active chair (whether or not present or recused); null when the seat is empty. */
  chairMemberId: string | null;
};

/** Who counts for an item's quorum and vote (itemId null: the meeting as a whole, nobody recused). */
export async function votingPopulation(
  tx: Ctx,
  meetingId: string,
  itemId: string | null,
): Promise<VotingPopulation> {
  const rows = await selectRows<{ id: string; role: string; present: boolean | null }>(
    tx.db,
    sql`select m.id, m.role, a.present from meetings mt
          join committee_members m on m.committee_id = mt.committee_id and m.active and m.role <> 'secretary'
          left join meeting_attendance a on a.meeting_id = mt.id and a.member_id = m.id
        where mt.id = ${meetingId}
          and not exists (select 1 from item_conflicts c where c.item_id = ${itemId}::uuid and c.member_id = m.id)`,
  );
  const presentIds = rows.filter((r) => r.present).map((r) => r.id);
  const chair = await selectRows<{ id: string }>(
    tx.db,
    sql`select m.id from meetings mt join committee_members m on m.committee_id = mt.committee_id
        where mt.id = ${meetingId} and m.active and m.role = 'chair' limit 1`,
  );
  return {
    members: rows.length,
    present: presentIds.length,
    presentIds,
    chairMemberId: chair[0]?.id ?? null,
  };
}

/** The quorum to open (개의정족수) as it stands now, over the whole voting membership. */
export async function quorumNow(tx: Ctx, meetingId: string): Promise<QuorumJson> {
  const [rule] = await selectRows<{ rule: QuorumJson['rule'] }>(
    tx.db,
    sql`select c.rules->>'quorum' as rule from meetings mt join committees c on c.id = mt.committee_id where mt.id = ${meetingId}`,
  );
  if (!rule) throw notFound();
  const pop = await votingPopulation(tx, meetingId, null);
  return quorum(rule.rule, pop.members, pop.present);
}

/** Tells every member's open client to refetch the meeting (delivered only if the transaction commits). */
export async function publishMeeting(tx: Ctx, meetingId: string) {
  const userIds = await q.meetingAudience(tx.db, meetingId);
  await tx.hub.publish(tx.db, { userIds, message: { type: 'committees.meeting', meetingId } });
}

/** Attendance rows for every active member, made at notice; members seated later get theirs on first use. */
export async function ensureAttendance(tx: Ctx, meetingId: string) {
  await tx.db.execute(
    sql`insert into meeting_attendance (meeting_id, member_id)
        select mt.id, m.id from meetings mt join committee_members m on m.committee_id = mt.committee_id and m.active
        where mt.id = ${meetingId}
        on conflict do nothing`,
  );
}

function assertAttendable(meeting: q.MeetingRow) {
  if (meeting.status !== 'noticed' && meeting.status !== 'open')
    throw new AppError('conflict', 'committees.attendance_closed', { status: meeting.status });
  if (meeting.mode === 'written') throw new AppError('conflict', 'committees.written_no_attendance');
}

export async function rsvp(ctx: Ctx, actor: Actor, meetingId: string, input: z.infer<typeof Rsvp>) {
  const access = await meetingAccess(ctx, actor, meetingId);
  if (!access.memberId) throw new AppError('forbidden', 'committees.not_member');
  await inTransaction(ctx, async (tx) => {
    const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
    assertAttendable(meeting);
    await ensureAttendance(tx, meetingId);
    await tx.db.execute(
      sql`update meeting_attendance set response = ${input.response}
          where meeting_id = ${meetingId} and member_id = ${access.memberId}`,
    );
    await recordAudit(tx, {
      action: 'committees.rsvp',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      detail: { memberId: access.memberId, response: input.response },
    });
    await publishMeeting(tx, meetingId);
  });
}

/** A member checks themself in or out; the secretary (a manager) records anyone's presence. */
export async function checkIn(ctx: Ctx, actor: Actor, meetingId: string, input: z.infer<typeof CheckIn>) {
  const access = await meetingAccess(ctx, actor, meetingId);
  const memberId = input.memberId ?? access.memberId;
  if (!memberId) throw new AppError('forbidden', 'committees.not_member');
  const self = memberId === access.memberId;
  if (!self && !access.manage) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
    assertAttendable(meeting);
    const member = await q.findMember(tx.db, access.committeeId, memberId);
    if (!member?.active) throw new AppError('bad_request', 'committees.not_member_of_committee');
    await ensureAttendance(tx, meetingId);
    const by = self ? 'self' : 'secretary';
    await tx.db.execute(
      sql`update meeting_attendance set present = ${input.present},
            checked_in_at = ${input.present ? tx.now.toISOString() : null}::timestamptz,
            checked_in_by = ${input.present ? by : null},
            response = case when ${input.present} then 'attending' else response end
          where meeting_id = ${meetingId} and member_id = ${memberId}`,
    );
    await recordAudit(tx, {
      action: input.present ? 'committees.checked_in' : 'committees.checked_out',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      detail: { memberId, by },
    });
    await publishMeeting(tx, meetingId);
    return quorumNow(tx, meetingId);
  });
}
