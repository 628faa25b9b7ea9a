import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../platform/db/db.ts';
import { agendaItems, committeeMembers, committees, meetings } from './committees.tables.ts';

// SQL of the committees module, no rules. Row locks (`for update`) serialise the changes that check a count
// first (one chair, quorum at opening, a meeting's status).

export type CommitteeRow = typeof committees.$inferSelect;
export type MemberRow = typeof committeeMembers.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type ItemRow = typeof agendaItems.$inferSelect;

export const iso = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).toISOString());

export async function findCommittee(db: Db, id: string, lock = false): Promise<CommitteeRow | undefined> {
  const q = db.select().from(committees).where(eq(committees.id, id));
  return (await (lock ? q.for('update') : q))[0];
}

export async function findMeeting(db: Db, id: string, lock = false): Promise<MeetingRow | undefined> {
  const q = db.select().from(meetings).where(eq(meetings.id, id));
  return (await (lock ? q.for('update') : q))[0];
}

export async function findItem(db: Db, meetingId: string, itemId: string): Promise<ItemRow | undefined> {
  return (
    await db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
  )[0];
}

export async function findMember(
  db: Db,
  committeeId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  return (
    await db
      .select()
      .from(committeeMembers)
      .where(and(eq(committeeMembers.id, memberId), eq(committeeMembers.committeeId, committeeId)))
  )[0];
}

export async function listMembershipsOfUser(
  db: Db,
  committeeId: string,
  userId: string,
): Promise<MemberRow[]> {
  return db
    .select()
    .from(committeeMembers)
    .where(and(eq(committeeMembers.committeeId, committeeId), eq(committeeMembers.userId, userId)));
}

/** Active members holding a role (chair, vice-chair) in the committee, other than `exceptId`. */
export async function countActiveInRole(db: Db, committeeId: string, role: string, exceptId: string | null) {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from committee_members where committee_id = ${committeeId} and active
        and role = ${role} and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  return row?.n ?? 0;
}

/** Other committees (across the platform) in which the user currently sits as a voting member. */
export async function countOtherSeats(db: Db, userId: string, committeeId: string) {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(distinct committee_id)::int as n from committee_members
        where user_id = ${userId} and active and role <> 'secretary' and committee_id <> ${committeeId}`,
  );
  return row?.n ?? 0;
}

/** Everyone told about a meeting's changes: its committee's active members and the agency's secretaries. */
export async function meetingAudience(db: Db, meetingId: string): Promise<string[]> {
  const rows = await selectRows<{ user_id: string }>(
    db,
    sql`select m.user_id from meetings mt join committee_members m on m.committee_id = mt.committee_id and m.active
        where mt.id = ${meetingId}
        union
        select p.user_id from meetings mt join committees c on c.id = mt.committee_id
          join posts p on p.agency_id = c.agency_id and p.active and p.role = 'secretary'
        where mt.id = ${meetingId}`,
  );
  return rows.map((r) => r.user_id);
}

/** The active chair's member id and name. */
export async function findChair(db: Db, committeeId: string) {
  const [row] = await selectRows<{ id: string; name: string }>(
    db,
    sql`select m.id, u.display_name as name from committee_members m join users u on u.id = m.user_id
        where m.committee_id = ${committeeId} and m.active and m.role = 'chair' limit 1`,
  );
  return row ?? null;
}

export async function hasPledged(db: Db, userId: string, version: string): Promise<Date | null> {
  const [row] = await selectRows<{ pledged_at: Date | string }>(
    db,
    sql`select pledged_at from security_pledges where user_id = ${userId} and version = ${version}`,
  );
  return row ? new Date(row.pledged_at) : null;
}

/** Meetings with their committee's name and chair, as the Meeting DTO. */
export function meetingDto(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    committeeId: r.committee_id as string,
    committeeName: r.committee_name as string,
    title: r.title as string,
    mode: r.mode as MeetingRow['mode'],
    status: r.status as MeetingRow['status'],
    startsAt: iso(r.starts_at as Date)!,
    location: (r.location as string | null) ?? null,
    deadline: iso(r.deadline as Date | null),
    writtenGround: (r.written_ground as string | null) ?? null,
    videoRoomUrl: (r.video_room_url as string | null) ?? null,
    videoMeetingId: (r.video_meeting_id as string | null) ?? null,
    noticedAt: iso(r.noticed_at as Date | null),
    openedAt: iso(r.opened_at as Date | null),
    closedAt: iso(r.closed_at as Date | null),
    quorumAtOpen: (r.quorum_at_open as MeetingRow['quorumAtOpen']) ?? null,
    chairName: (r.chair_name as string | null) ?? null,
  };
}

export function selectMeetings(db: Db, where: SQL) {
  return selectRows<Record<string, unknown>>(
    db,
    sql`select mt.*, c.name as committee_name,
          (select u.display_name from committee_members m join users u on u.id = m.user_id
           where m.committee_id = mt.committee_id and m.active and m.role = 'chair' limit 1) as chair_name,
          (select v.id from video_meetings v where v.committee_meeting_id = mt.id) as video_meeting_id
        from meetings mt join committees c on c.id = mt.committee_id
        where ${where} order by mt.starts_at desc`,
  );
}
