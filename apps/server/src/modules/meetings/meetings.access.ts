import { type SQL, sql } from 'drizzle-orm';
import { selectRows } from '../../platform/db/db.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { adminAgencyIds } from '../org/org.service.ts';

// Who may join, watch and run a video meeting, decided in SQL. Invited: the host, people named, holders of a post
// in an invited unit or agency, and the members of the committee a committee meeting belongs to. The staff relay:
// every staff post in the meeting's agency or below it. Agency administrators see their subtree's meetings.

/** Meetings the actor may join (before the lobby decides). */
export function invitedMeetingIds(actor: Actor): SQL {
  const u = actor.userId;
  return sql`select id from video_meetings where host_id = ${u} or created_by = ${u}
    union select meeting_id from video_meeting_invitees where kind = 'user' and ref_id = ${u}
    union select i.meeting_id from video_meeting_invitees i join posts p on p.unit_id = i.ref_id
      where i.kind = 'unit' and p.user_id = ${u} and p.active
    union select i.meeting_id from video_meeting_invitees i join posts p on p.agency_id = i.ref_id
      where i.kind = 'agency' and p.user_id = ${u} and p.active and p.role <> 'citizen'
    union select v.id from video_meetings v join meetings cm on cm.id = v.committee_meeting_id
      join committee_members m on m.committee_id = cm.committee_id where m.user_id = ${u} and m.active`;
}

/** Meetings whose staff relay the actor may watch: staff of the meeting's agency or of an agency below it. */
export function relayMeetingIds(actor: Actor): SQL {
  return sql`select v.id from video_meetings v join agencies a on a.id = v.agency_id
    join agencies sub on sub.path like a.path || '%'
    join posts p on p.agency_id = sub.id
    where p.user_id = ${actor.userId} and p.active and p.role in ('agency_admin','clerk','head','official','secretary')`;
}

export function visibleMeetingIds(actor: Actor): SQL {
  return sql`${invitedMeetingIds(actor)} union ${relayMeetingIds(actor)}
    union select id from video_meetings where agency_id in (${adminAgencyIds(actor)})`;
}

export type MeetingAccess = {
  id: string;
  agencyId: string;
  hostId: string;
  status: string;
  invited: boolean;
  host: boolean;
  canWatchRelay: boolean;
  admin: boolean;
};

/** 404 unless the actor may see the meeting; what they may do with it. */
export async function meetingAccess(ctx: Ctx, actor: Actor, meetingId: string): Promise<MeetingAccess> {
  const [row] = await selectRows<{
    agency_id: string;
    host_id: string;
    status: string;
    invited: boolean;
    relay: boolean;
    admin: boolean;
  }>(
    ctx.db,
    sql`select agency_id, host_id, status,
          id in (${invitedMeetingIds(actor)}) as invited,
          id in (${relayMeetingIds(actor)}) as relay,
          agency_id in (${adminAgencyIds(actor)}) as admin
        from video_meetings where id = ${meetingId} and id in (${visibleMeetingIds(actor)})`,
  );
  if (!row) throw notFound();
  const host = row.host_id === actor.userId;
  return {
    id: meetingId,
    agencyId: row.agency_id,
    hostId: row.host_id,
    status: row.status,
    invited: row.invited || host,
    host,
    canWatchRelay: row.relay || row.invited || host,
    admin: row.admin,
  };
}
