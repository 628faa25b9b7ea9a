import type { MeetingDetail } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import { quorumNow } from './attendance.ts';
import { readInfo } from './minutes.ts';
import { assertPledged } from './pledge.ts';
import { pollsForMeeting } from './poll-view.ts';

// The meeting as one member (or the secretary) sees it: agenda with materials, recusals and polls, attendance,
// the quorum as it stands, and what the viewer may do. Closed items are shown to everyone inside the committee
// but flagged (the public version of the minutes leaves them out). A handful of queries, whatever the size.

type Role = MeetingDetail['me']['role'];

export async function buildMeetingDetail(ctx: Ctx, actor: Actor, meetingId: string): Promise<MeetingDetail> {
  const access = await meetingAccess(ctx, actor, meetingId);
  await assertPledged(ctx, actor);
  const [row] = await q.selectMeetings(ctx.db, sql`mt.id = ${meetingId}`);
  if (!row) throw notFound();
  const meeting = q.meetingDto(row);
  const [items, materials, recused, attendance, quorum, polls, minutes] = await Promise.all([
    selectRows<{
      id: string;
      seq: number;
      kind: string;
      title: string;
      description: string;
      closed: boolean;
      secret: boolean;
    }>(
      ctx.db,
      sql`select id, seq, kind, title, description, closed, secret from agenda_items where meeting_id = ${meetingId} order by seq`,
    ),
    selectRows<{ id: string; item_id: string; name: string; size: number }>(
      ctx.db,
      sql`select m.id, m.item_id, m.name, m.size from item_materials m join agenda_items i on i.id = m.item_id
          where i.meeting_id = ${meetingId} order by m.created_at, m.name`,
    ),
    selectRows<{ item_id: string; member_id: string; name: string; reason: string }>(
      ctx.db,
      sql`select c.item_id, c.member_id, u.display_name as name, c.reason from item_conflicts c
          join agenda_items i on i.id = c.item_id join committee_members m on m.id = c.member_id join users u on u.id = m.user_id
          where i.meeting_id = ${meetingId} order by c.declared_at`,
    ),
    selectRows<Record<string, unknown>>(
      ctx.db,
      sql`select m.id as member_id, u.display_name as name, m.role, u.kind, a.response, a.present, a.checked_in_at, a.checked_in_by
          from committee_members m join users u on u.id = m.user_id
          left join meeting_attendance a on a.member_id = m.id and a.meeting_id = ${meetingId}
          where m.committee_id = ${access.committeeId} and (m.active or a.member_id is not null)
          order by case m.role when 'chair' then 0 when 'vice_chair' then 1 when 'member' then 2 else 3 end,
            m.succession nulls last, u.display_name`,
    ),
    quorumNow(ctx, meetingId),
    pollsForMeeting(ctx, actor, meetingId, access),
    minutesOf(ctx, meeting.status, meetingId, access.memberId),
  ]);
  return {
    ...meeting,
    items: items.map((i) => ({
      id: i.id,
      seq: Number(i.seq),
      kind: i.kind as MeetingDetail['items'][number]['kind'],
      title: i.title,
      description: i.description,
      closed: Boolean(i.closed),
      secret: Boolean(i.secret),
      materials: materials
        .filter((m) => m.item_id === i.id)
        .map((m) => ({ id: m.id, name: m.name, size: Number(m.size) })),
      recused: recused
        .filter((r) => r.item_id === i.id)
        .map((r) => ({ memberId: r.member_id, name: r.name, reason: r.reason })),
      myConflict: recused.find((r) => r.item_id === i.id && r.member_id === access.memberId)?.reason ?? null,
      polls: polls.get(i.id) ?? [],
    })),
    attendance: attendance.map((a) => ({
      memberId: a.member_id as string,
      name: a.name as string,
      role: a.role as NonNullable<Role>,
      external: a.kind === 'external',
      response: (a.response as 'attending' | 'absent' | null) ?? null,
      present: Boolean(a.present),
      checkedInAt: q.iso(a.checked_in_at as Date | null),
      checkedInBy: (a.checked_in_by as 'self' | 'secretary' | null) ?? null,
    })),
    quorumNow: quorum,
    me: {
      memberId: access.memberId,
      role: access.role as Role,
      canManage: access.manage,
      isChair: access.role === 'chair',
    },
    minutes,
  };
}

/** The minutes (S2's use-cases/minutes.ts), once the meeting is closed and they are drafted. */
async function minutesOf(
  ctx: Ctx,
  status: string,
  meetingId: string,
  memberId: string | null,
): Promise<MeetingDetail['minutes']> {
  if (status !== 'closed') return null;
  const [row] = await selectRows<{ n: number }>(
    ctx.db,
    sql`select 1 as n from meeting_minutes where meeting_id = ${meetingId}`,
  );
  return row ? readInfo(ctx, meetingId, memberId) : null;
}
