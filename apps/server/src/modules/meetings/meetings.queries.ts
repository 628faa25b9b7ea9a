import type { Recording, VideoMeeting } from '@civicdesk/contracts/meetings';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { adminAgencyIds } from '../org/org.service.ts';
import { invitedMeetingIds, relayMeetingIds, visibleMeetingIds } from './meetings.access.ts';

// SQL of the meetings module: lists and details, scoped by what the actor may see.

type MeetingRow = {
  id: string;
  agency_id: string;
  agency_name: string;
  title: string;
  description: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  status: VideoMeeting['status'];
  lobby: boolean;
  host_id: string;
  host_name: string;
  committee_meeting_id: string | null;
  booking_id: string | null;
  relay_on: boolean;
  invited: boolean;
  relay: boolean;
};

const iso = (d: Date | string) => new Date(d).toISOString();

function toMeeting(r: MeetingRow, actor: Actor): VideoMeeting {
  const host = r.host_id === actor.userId;
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    title: r.title,
    description: r.description,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    status: r.status,
    lobby: r.lobby,
    hostId: r.host_id,
    hostName: r.host_name,
    committeeMeetingId: r.committee_meeting_id,
    bookingId: r.booking_id,
    relayOn: r.relay_on,
    me: { host, invited: host || r.invited, canWatchRelay: host || r.invited || r.relay },
  };
}

export async function selectMeetings(db: Db, actor: Actor, where: SQL, order: SQL, limit = 200) {
  const rows = await selectRows<MeetingRow>(
    db,
    sql`select v.id, v.agency_id, a.name as agency_name, v.title, v.description, v.starts_at, v.ends_at, v.status,
          v.lobby, v.host_id, h.display_name as host_name, v.committee_meeting_id, v.booking_id, v.relay_on,
          v.id in (${invitedMeetingIds(actor)}) as invited, v.id in (${relayMeetingIds(actor)}) as relay
        from video_meetings v join agencies a on a.id = v.agency_id join users h on h.id = v.host_id
        where v.id in (${visibleMeetingIds(actor)}) and ${where}
        order by ${order} limit ${limit}`,
  );
  return rows.map((r) => toMeeting(r, actor));
}

export async function selectInvitees(db: Db, meetingId: string) {
  return selectRows<{ kind: 'user' | 'unit' | 'agency'; id: string; name: string }>(
    db,
    sql`select i.kind, i.ref_id as id, coalesce(u.display_name, un.name, a.name, '') as name
        from video_meeting_invitees i
        left join users u on i.kind = 'user' and u.id = i.ref_id
        left join units un on i.kind = 'unit' and un.id = i.ref_id
        left join agencies a on i.kind = 'agency' and a.id = i.ref_id
        where i.meeting_id = ${meetingId} order by i.kind, name`,
  );
}

/** Invitees the actor may name: people, units and agencies of agencies where they hold a post or administer. */
export async function countForeignInvitees(
  db: Db,
  actor: Actor,
  invitees: { kind: string; id: string }[],
): Promise<number> {
  if (invitees.length === 0) return 0;
  const scope = sql`select agency_id from posts where user_id = ${actor.userId} and active union ${adminAgencyIds(actor)}`;
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from jsonb_to_recordset(${JSON.stringify(invitees)}::jsonb) as x(kind text, id uuid)
        where not (
          (x.kind = 'user' and exists (select 1 from posts p join agencies pa on pa.id = p.agency_id
             join agencies s on pa.path like s.path || '%' or s.path like pa.path || '%'
             where p.user_id = x.id and p.active and s.id in (${scope})))
          or (x.kind = 'unit' and exists (select 1 from units un join agencies ua on ua.id = un.agency_id
             join agencies s on ua.path like s.path || '%' or s.path like ua.path || '%'
             where un.id = x.id and s.id in (${scope})))
          or (x.kind = 'agency' and exists (select 1 from agencies ag join agencies s
             on ag.path like s.path || '%' or s.path like ag.path || '%' where ag.id = x.id and s.id in (${scope}))))`,
  );
  return row?.n ?? 0;
}

export async function selectRecordings(db: Db, meetingId: string): Promise<Recording[]> {
  const rows = await selectRows<{
    id: string;
    status: Recording['status'];
    started_at: Date | string;
    ended_at: Date | string | null;
    duration_seconds: number | null;
    size: number | string | null;
    error: string | null;
  }>(
    db,
    sql`select id, status, started_at, ended_at, duration_seconds, size, error from video_meeting_recordings
        where meeting_id = ${meetingId} order by started_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    startedAt: iso(r.started_at),
    endedAt: r.ended_at ? iso(r.ended_at) : null,
    durationSeconds: r.duration_seconds,
    size: r.size === null ? null : Number(r.size),
    error: r.error,
  }));
}

export async function selectAttendance(db: Db, meetingId: string) {
  const rows = await selectRows<{
    user_id: string;
    display_name: string;
    joined_at: Date | string;
    left_at: Date | string | null;
  }>(
    db,
    sql`select a.user_id, u.display_name, a.joined_at, a.left_at from video_meeting_attendance a
        join users u on u.id = a.user_id where a.meeting_id = ${meetingId} order by a.joined_at`,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    joinedAt: iso(r.joined_at),
    leftAt: r.left_at ? iso(r.left_at) : null,
  }));
}
