import { randomUUID } from 'node:crypto';
import type {
  VideoMeetingDetail,
  VideoMeetingInput,
  VideoMeetingUpdate,
} from '@civicdesk/contracts/meetings';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { bookResource } from '../rooms/use-cases/book.ts';
import { cancelBookingsOfMeeting } from '../rooms/use-cases/cancel.ts';
import { meetingAccess } from './meetings.access.ts';
import * as q from './meetings.queries.ts';
import { meetingInvitees, videoMeetings } from './meetings.tables.ts';

// Scheduling video meetings: who hosts, who is invited, the room booked for them, and the committee meeting a
// video room serves. The running meeting is the live room's business (live/).

type Input = z.output<typeof VideoMeetingInput>;
type Update = z.output<typeof VideoMeetingUpdate>;

export async function getMeeting(ctx: Ctx, actor: Actor, id: string): Promise<VideoMeetingDetail> {
  const [meeting] = await q.selectMeetings(ctx.db, actor, sql`v.id = ${id}`, sql`v.starts_at`);
  if (!meeting) throw notFound();
  const canSeeDetail = meeting.me.invited || (await meetingAccess(ctx, actor, id)).admin;
  return {
    ...meeting,
    invitees: canSeeDetail ? await q.selectInvitees(ctx.db, id) : [],
    recordings: canSeeDetail ? await q.selectRecordings(ctx.db, id) : [],
  };
}

export function listMeetings(ctx: Ctx, actor: Actor, when: 'upcoming' | 'past' | 'live') {
  const now = ctx.now;
  if (when === 'live') return q.selectMeetings(ctx.db, actor, sql`v.status = 'live'`, sql`v.starts_at`);
  if (when === 'past')
    return q.selectMeetings(
      ctx.db,
      actor,
      sql`(v.status in ('ended','cancelled') or (v.status = 'scheduled' and v.ends_at < ${now}))`,
      sql`v.starts_at desc`,
    );
  return q.selectMeetings(
    ctx.db,
    actor,
    sql`v.status = 'scheduled' and v.ends_at >= ${now}`,
    sql`v.starts_at`,
  );
}

async function assertStaffOf(ctx: Ctx, actor: Actor, agencyId: string) {
  const [row] = await selectRows<{ ok: boolean }>(
    ctx.db,
    sql`select exists (select 1 from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and active
          and role in ('agency_admin','clerk','head','official','secretary')) as ok`,
  );
  if (!row?.ok) throw new AppError('forbidden', 'meetings.not_staff');
}

async function saveInvitees(ctx: Ctx, actor: Actor, meetingId: string, invitees: Input['invitees']) {
  if ((await q.countForeignInvitees(ctx.db, actor, invitees)) > 0)
    throw new AppError('bad_request', 'meetings.invitee_unknown');
  await ctx.db.delete(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId));
  const unique = [...new Map(invitees.map((i) => [`${i.kind}:${i.id}`, i])).values()];
  if (unique.length)
    await ctx.db
      .insert(meetingInvitees)
      .values(unique.map((i) => ({ meetingId, kind: i.kind, refId: i.id })));
}

/** Tells every invited person (directly, or through their unit or agency) about the meeting. */
async function notifyInvitees(ctx: Ctx, meetingId: string, title: string, kind: string) {
  const rows = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`select distinct p.user_id from video_meeting_invitees i
          join posts p on (i.kind = 'unit' and p.unit_id = i.ref_id) or (i.kind = 'agency' and p.agency_id = i.ref_id)
          where i.meeting_id = ${meetingId} and p.active and p.role <> 'citizen'
        union select ref_id from video_meeting_invitees where meeting_id = ${meetingId} and kind = 'user'
        limit 5000`,
  );
  for (const r of rows)
    if (r.user_id !== ctx.actor?.userId)
      await notify(ctx, { userId: r.user_id, kind, params: { title }, link: `/meetings/${meetingId}` });
}

export async function createMeeting(
  ctx: Ctx,
  actor: Actor,
  input: Input,
  link: { committeeMeetingId?: string; hostId?: string } = {},
): Promise<VideoMeetingDetail> {
  const id = randomUUID();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() - startsAt.getTime() > 24 * 3600_000)
    throw new AppError('bad_request', 'meetings.too_long');
  await inTransaction(ctx, async (tx) => {
    if (!link.committeeMeetingId) await assertStaffOf(tx, actor, input.agencyId);
    await tx.db.insert(videoMeetings).values({
      id,
      agencyId: input.agencyId,
      title: input.title,
      description: input.description ?? null,
      startsAt,
      endsAt,
      lobby: input.lobby,
      hostId: link.hostId ?? actor.userId,
      createdBy: actor.userId,
      committeeMeetingId: link.committeeMeetingId ?? null,
      createdAt: tx.now,
    });
    await saveInvitees(tx, actor, id, input.invitees);
    let bookingId: string | null = null;
    if (input.resourceId) {
      bookingId = (
        await bookResource(tx, {
          resourceId: input.resourceId,
          startsAt,
          endsAt,
          title: input.title,
          meetingId: id,
        })
      ).id;
      await tx.db.update(videoMeetings).set({ bookingId }).where(eq(videoMeetings.id, id));
    }
    await recordAudit(tx, {
      action: 'meetings.scheduled',
      entityType: 'video_meeting',
      entityId: id,
      agencyId: input.agencyId,
      after: { ...input, bookingId, committeeMeetingId: link.committeeMeetingId ?? null },
    });
    await notifyInvitees(tx, id, input.title, 'meetings.invited');
  });
  return getMeeting(ctx, actor, id);
}

async function hostAccess(ctx: Ctx, actor: Actor, id: string) {
  const access = await meetingAccess(ctx, actor, id);
  if (!access.host && !access.admin) throw forbidden();
  if (access.status === 'ended' || access.status === 'cancelled')
    throw new AppError('conflict', 'meetings.already_over');
  return access;
}

export async function updateMeeting(ctx: Ctx, actor: Actor, id: string, input: Update) {
  const access = await hostAccess(ctx, actor, id);
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(videoMeetings).where(eq(videoMeetings.id, id)).for('update');
    const startsAt = input.startsAt ? new Date(input.startsAt) : before!.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : before!.endsAt;
    if (endsAt <= startsAt) throw new AppError('bad_request', 'meetings.end_before_start');
    if ((input.startsAt || input.endsAt) && before!.bookingId)
      throw new AppError('conflict', 'meetings.booked_times_fixed');
    await tx.db
      .update(videoMeetings)
      .set({
        title: input.title ?? before!.title,
        description: input.description ?? before!.description,
        lobby: input.lobby ?? before!.lobby,
        startsAt,
        endsAt,
      })
      .where(eq(videoMeetings.id, id));
    if (input.invitees) await saveInvitees(tx, actor, id, input.invitees);
    await recordAudit(tx, {
      action: 'meetings.updated',
      entityType: 'video_meeting',
      entityId: id,
      agencyId: access.agencyId,
      before,
      after: input,
    });
  });
  return getMeeting(ctx, actor, id);
}

export async function cancelMeeting(ctx: Ctx, actor: Actor, id: string) {
  const access = await hostAccess(ctx, actor, id);
  if (access.status === 'live') throw new AppError('conflict', 'meetings.live_cannot_cancel');
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(videoMeetings)
      .set({ status: 'cancelled', endedAt: tx.now })
      .where(and(eq(videoMeetings.id, id), eq(videoMeetings.status, 'scheduled')))
      .returning();
    if (!row) throw new AppError('conflict', 'meetings.already_over');
    await cancelBookingsOfMeeting(tx, id);
    await recordAudit(tx, {
      action: 'meetings.cancelled',
      entityType: 'video_meeting',
      entityId: id,
      agencyId: access.agencyId,
    });
    await notifyInvitees(tx, id, row.title, 'meetings.cancelled');
  });
  return getMeeting(ctx, actor, id);
}

export async function attendance(ctx: Ctx, actor: Actor, id: string) {
  const access = await meetingAccess(ctx, actor, id);
  if (!access.invited && !access.admin) throw notFound();
  return q.selectAttendance(ctx.db, id);
}
