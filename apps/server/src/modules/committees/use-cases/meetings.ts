import { randomUUID } from 'node:crypto';
import type { MeetingInput } from '@civicdesk/contracts/committees';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden } from '../../../platform/http/errors.ts';
import { isLocale, translate } from '../../../platform/i18n/i18n.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { type Access, committeeAccess, meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import { meetings } from '../committees.tables.ts';
import { ensureAttendance, publishMeeting, quorumNow } from './attendance.ts';
import { ensureMinutes } from './minutes.ts';
import { assertPledged } from './pledge.ts';
import { closeOpenPolls } from './polls.ts';
import { closeWrittenMeeting, openWrittenPolls } from './written.ts';

// Meetings in person, online (a video room: the video module fills the seam at `videoRoomUrl`) or written
// (서면심의, only where the rules allow it, with the chair's ground and a deadline). draft → noticed → open →
// closed; a live meeting opens only with its quorum (개의정족수), which is stored with the opening.

type Input = z.infer<typeof MeetingInput>;

export async function listMeetings(ctx: Ctx, actor: Actor, committeeId: string) {
  await committeeAccess(ctx, actor, committeeId);
  await assertPledged(ctx, actor);
  return (await q.selectMeetings(ctx.db, sql`mt.committee_id = ${committeeId}`)).map(q.meetingDto);
}

async function checkInput(tx: Ctx, committee: q.CommitteeRow, input: Input) {
  if (input.mode !== 'written') return { ...input, deadline: null, writtenGround: null };
  if (!committee.rules.writtenAllowed) throw new AppError('conflict', 'committees.written_not_allowed');
  if (!input.writtenGround?.trim()) throw new AppError('bad_request', 'committees.written_ground_required');
  if (!input.deadline) throw new AppError('bad_request', 'committees.deadline_required');
  if (new Date(input.deadline) <= tx.now || new Date(input.deadline) <= new Date(input.startsAt))
    throw new AppError('bad_request', 'committees.deadline_order');
  return input;
}

const videoRoom = (config: Config, id: string, mode: Input['mode']) =>
  mode === 'online' ? `${config.publicUrl.replace(/\/$/, '')}/meetings/${id}/video` : null;

export async function createMeeting(
  ctx: Ctx,
  config: Config,
  actor: Actor,
  committeeId: string,
  input: Input,
) {
  const access = await committeeAccess(ctx, actor, committeeId);
  if (!access.manage) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const committee = (await q.findCommittee(tx.db, committeeId))!;
    const checked = await checkInput(tx, committee, input);
    const id = randomUUID();
    const [row] = await tx.db
      .insert(meetings)
      .values({
        id,
        committeeId,
        title: checked.title,
        mode: checked.mode,
        startsAt: new Date(checked.startsAt),
        location: checked.location,
        deadline: checked.deadline ? new Date(checked.deadline) : null,
        writtenGround: checked.writtenGround,
        videoRoomUrl: videoRoom(config, id, checked.mode),
        createdAt: tx.now,
      })
      .returning();
    await recordAudit(tx, {
      action: 'committees.meeting_created',
      entityType: 'meeting',
      entityId: id,
      agencyId: access.agencyId,
      after: row,
    });
    return id;
  });
}

export async function updateMeeting(
  ctx: Ctx,
  config: Config,
  actor: Actor,
  meetingId: string,
  patch: Partial<Input>,
) {
  const access = await meetingAccess(ctx, actor, meetingId);
  if (!access.manage) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const before = (await q.findMeeting(tx.db, meetingId, true))!;
    if (before.status !== 'draft') throw new AppError('conflict', 'committees.meeting_not_draft');
    const committee = (await q.findCommittee(tx.db, before.committeeId))!;
    const merged: Input = {
      title: patch.title ?? before.title,
      mode: patch.mode ?? before.mode,
      startsAt: patch.startsAt ?? before.startsAt.toISOString(),
      location: patch.location !== undefined ? patch.location : before.location,
      deadline: patch.deadline !== undefined ? patch.deadline : q.iso(before.deadline),
      writtenGround: patch.writtenGround !== undefined ? patch.writtenGround : before.writtenGround,
    };
    const checked = await checkInput(tx, committee, merged);
    const [after] = await tx.db
      .update(meetings)
      .set({
        title: checked.title,
        mode: checked.mode,
        startsAt: new Date(checked.startsAt),
        location: checked.location,
        deadline: checked.deadline ? new Date(checked.deadline) : null,
        writtenGround: checked.writtenGround,
        videoRoomUrl: videoRoom(config, meetingId, checked.mode),
      })
      .where(eq(meetings.id, meetingId))
      .returning();
    await recordAudit(tx, {
      action: 'committees.meeting_updated',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      before,
      after,
    });
  });
}

type Recipient = { user_id: string; email: string | null; locale: string; display_name: string };

async function tellMembers(tx: Ctx, meeting: q.MeetingRow, kind: string, committeeName: string) {
  const people = await selectRows<Recipient>(
    tx.db,
    sql`select u.id as user_id, u.email, u.locale, u.display_name from committee_members m join users u on u.id = m.user_id
        where m.committee_id = ${meeting.committeeId} and m.active and u.active`,
  );
  for (const p of people)
    await notify(tx, {
      userId: p.user_id,
      kind,
      params: { committee: committeeName, title: meeting.title, startsAt: meeting.startsAt.toISOString() },
      link: `/meetings/${meeting.id}`,
    });
  return people;
}

/**
 * Sends the notice (소집 통지 / giấy mời): in-app to every active member and by e-mail where SMTP is set;
 * attendance rows are made for all. A written deliberation opens at once: members answer until the deadline.
 */
export async function noticeMeeting(
  ctx: Ctx,
  config: Config,
  mailer: Mailer | null,
  actor: Actor,
  meetingId: string,
) {
  const access = await managing(ctx, actor, meetingId);
  const { meeting, people, committee } = await inTransaction(ctx, async (tx) => {
    const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
    if (meeting.status !== 'draft') throw new AppError('conflict', 'committees.meeting_not_draft');
    const [items] = await selectRows<{ n: number }>(
      tx.db,
      sql`select count(*)::int as n from agenda_items where meeting_id = ${meetingId}`,
    );
    if (!items?.n) throw new AppError('conflict', 'committees.agenda_empty');
    const committee = (await q.findCommittee(tx.db, meeting.committeeId))!;
    const written = meeting.mode === 'written';
    if (written && meeting.deadline && meeting.deadline <= tx.now)
      throw new AppError('conflict', 'committees.deadline_order');
    const [after] = await tx.db
      .update(meetings)
      .set({ status: written ? 'open' : 'noticed', noticedAt: tx.now, openedAt: written ? tx.now : null })
      .where(eq(meetings.id, meetingId))
      .returning();
    await ensureAttendance(tx, meetingId);
    if (written) await openWrittenPolls(tx, meetingId);
    await recordAudit(tx, {
      action: 'committees.meeting_noticed',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      before: { status: meeting.status },
      after: { status: after!.status, noticedAt: tx.now.toISOString() },
    });
    const people = await tellMembers(tx, after!, 'committees.meeting_noticed', committee.name);
    await publishMeeting(tx, meetingId);
    return { meeting: after!, people, committee };
  });
  if (mailer) await mailNotice(ctx, config, mailer, meeting, committee.name, people);
}

async function mailNotice(
  ctx: Ctx,
  config: Config,
  mailer: Mailer,
  meeting: q.MeetingRow,
  committee: string,
  people: Recipient[],
) {
  const link = `${config.publicUrl.replace(/\/$/, '')}/meetings/${meeting.id}`;
  for (const p of people) {
    if (!p.email) continue;
    const locale = isLocale(p.locale) ? p.locale : 'en';
    const params = {
      name: p.display_name,
      committee,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString().slice(0, 16).replace('T', ' '),
      deadline: meeting.deadline?.toISOString().slice(0, 16).replace('T', ' ') ?? '',
      place: meeting.mode === 'online' ? (meeting.videoRoomUrl ?? link) : (meeting.location ?? ''),
      link,
    };
    await mailer
      .send({
        to: p.email,
        subject: translate(locale, 'mail.meeting_notice.subject', params),
        text: translate(locale, `mail.meeting_notice.body.${meeting.mode}`, params),
      })
      .catch((err) => ctx.log.warn({ err, meetingId: meeting.id }, 'committees: notice e-mail failed'));
  }
}

/** The committee's managers run the meeting; the chair presides and may open and close it too. */
async function managing(ctx: Ctx, actor: Actor, meetingId: string): Promise<Access> {
  const access = await meetingAccess(ctx, actor, meetingId);
  if (!access.manage && access.role !== 'chair') throw forbidden();
  return access;
}

/** Opens a live meeting (개의) when the quorum of present voting members is met; stores the quorum it had. */
export async function openMeeting(ctx: Ctx, actor: Actor, meetingId: string) {
  const access = await managing(ctx, actor, meetingId);
  await inTransaction(ctx, async (tx) => {
    const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
    if (meeting.status !== 'noticed')
      throw new AppError('conflict', 'committees.meeting_not_noticed', { status: meeting.status });
    const quorum = meeting.mode === 'written' ? null : await quorumNow(tx, meetingId);
    if (quorum && !quorum.met)
      throw new AppError(
        'conflict',
        'committees.no_quorum',
        { present: quorum.present, members: quorum.members, required: quorum.required },
        { details: { present: quorum.present, members: quorum.members, required: quorum.required } },
      );
    await tx.db
      .update(meetings)
      .set({ status: 'open', openedAt: tx.now, quorumAtOpen: quorum })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, {
      action: 'committees.meeting_opened',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      after: { status: 'open', quorum },
    });
    const committee = (await q.findCommittee(tx.db, meeting.committeeId))!;
    await tellMembers(tx, meeting, 'committees.meeting_opened', committee.name);
    await publishMeeting(tx, meetingId);
  });
}

/** Closes the meeting (폐회); polls still open on it are closed and counted first. */
export async function closeMeeting(ctx: Ctx, actor: Actor, meetingId: string) {
  const access = await managing(ctx, actor, meetingId);
  await inTransaction(ctx, async (tx) => {
    const meeting = (await q.findMeeting(tx.db, meetingId, true))!;
    if (meeting.status !== 'open')
      throw new AppError('conflict', 'committees.meeting_not_open_to_close', { status: meeting.status });
    // A written deliberation closed early by hand ends as at its deadline (polls counted, minutes drafted).
    if (meeting.mode === 'written') return closeWrittenMeeting(tx, meetingId);
    const pollsClosed = await closeOpenPolls(tx, meetingId);
    await tx.db
      .update(meetings)
      .set({ status: 'closed', closedAt: tx.now })
      .where(eq(meetings.id, meetingId));
    await ensureMinutes(tx, meetingId);
    await recordAudit(tx, {
      action: 'committees.meeting_closed',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      after: { status: 'closed', pollsClosed },
    });
    const committee = (await q.findCommittee(tx.db, meeting.committeeId))!;
    await tellMembers(tx, meeting, 'committees.meeting_closed', committee.name);
    await publishMeeting(tx, meetingId);
  });
}

/** For the video module (an online meeting's video room): the actor's access to a committee meeting, 404 if none. */
export const committeeMeetingAccess = meetingAccess;
