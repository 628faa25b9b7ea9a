import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { isLocale, translate } from '../../../platform/i18n/i18n.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import { ensureMinutes } from './minutes.ts';
import { closeOpenPolls, closePollTx, insertPoll } from './polls.ts';

// Written deliberation (서면심의, §3.3 — Loomio's proposal with a deadline, §2.1): at notice a poll opens on
// every deliberation and resolution item, closing at the meeting's deadline; members vote with a reason and may
// change a named vote until then; those who have not voted are reminded once a day in the last 48 hours; at
// the deadline the polls close (quorum counted on the responses), the meeting closes and its minutes are drafted.

const REMIND_WITHIN_HOURS = 48;

/** Opens a poll on every deliberation/resolution item that has none; called by the notice of a written meeting. */
export async function openWrittenPolls(tx: Ctx, meetingId: string): Promise<number> {
  const meeting = await q.findMeeting(tx.db, meetingId, true);
  if (!meeting) throw notFound();
  if (meeting.mode !== 'written') throw new AppError('conflict', 'committees.not_written');
  const committee = (await q.findCommittee(tx.db, meeting.committeeId))!;
  const items = await selectRows<{ id: string }>(
    tx.db,
    sql`select i.id from agenda_items i where i.meeting_id = ${meetingId} and i.kind in ('deliberation', 'resolution')
          and not exists (select 1 from polls p where p.item_id = i.id) order by i.seq`,
  );
  for (const { id } of items) {
    const item = (await q.findItem(tx.db, meetingId, id))!;
    const poll = await insertPoll(tx, meeting, item, committee.rules, item.secret);
    await recordAudit(tx, {
      action: 'committees.poll.opened',
      entityType: 'poll',
      entityId: poll.id,
      agencyId: committee.agencyId,
      after: {
        item: item.id,
        secret: poll.secret,
        eligible: poll.eligible,
        closesAt: poll.closesAt,
        written: true,
      },
    });
  }
  return items.length;
}

/** Closes every poll and the meeting itself, then drafts the minutes (the deadline, or the secretary early). */
export async function closeWrittenMeeting(tx: Ctx, meetingId: string): Promise<void> {
  const meeting = await q.findMeeting(tx.db, meetingId, true);
  if (!meeting) throw notFound();
  if (meeting.mode !== 'written') throw new AppError('conflict', 'committees.not_written');
  if (meeting.status === 'closed') return;
  await closeOpenPolls(tx, meetingId);
  await tx.db.execute(
    sql`update meetings set status = 'closed', closed_at = ${tx.now.toISOString()}::timestamptz where id = ${meetingId}`,
  );
  const committee = (await q.findCommittee(tx.db, meeting.committeeId))!;
  await recordAudit(tx, {
    action: 'committees.meeting.closed',
    entityType: 'meeting',
    entityId: meetingId,
    agencyId: committee.agencyId,
    detail: { written: true },
  });
  await ensureMinutes(tx, meetingId);
  await tx.hub.publish(tx.db, {
    userIds: await q.meetingAudience(tx.db, meetingId),
    message: { type: 'committees.meeting', meetingId },
  });
}

export async function closeWrittenEarly(ctx: Ctx, actor: Actor, meetingId: string): Promise<void> {
  const access = await meetingAccess(ctx, actor, meetingId);
  if (!access.manage) throw forbidden();
  await inTransaction(ctx, (tx) => closeWrittenMeeting(tx, meetingId));
}

type Reminder = {
  meeting_id: string;
  title: string;
  deadline: Date | string;
  user_id: string;
  email: string | null;
  locale: string;
  name: string;
};

/**
 * One pass of the written-deliberation job at `ctx.now`: closes polls past their deadline, closes written
 * meetings whose polls are all closed, and reminds members who still have an item to vote on, at most once a day
 * per meeting within the last 48 hours. Each poll and meeting closes in its own transaction.
 */
export async function runWrittenDeliberation(ctx: Ctx, mailer: Mailer | null) {
  const now = ctx.now.toISOString();
  const due = await selectRows<{ id: string }>(
    ctx.db,
    sql`select p.id from polls p join agenda_items i on i.id = p.item_id join meetings mt on mt.id = i.meeting_id
        where mt.mode = 'written' and p.status = 'open' and p.closes_at <= ${now}::timestamptz`,
  );
  let pollsClosed = 0;
  for (const p of due) if (await inTransaction(ctx, (tx) => closePollTx(tx, p.id))) pollsClosed++;
  const done = await selectRows<{ id: string }>(
    ctx.db,
    sql`select mt.id from meetings mt where mt.mode = 'written' and mt.status in ('noticed', 'open')
          and exists (select 1 from agenda_items i join polls p on p.item_id = i.id where i.meeting_id = mt.id)
          and not exists (select 1 from agenda_items i join polls p on p.item_id = i.id
                          where i.meeting_id = mt.id and p.status = 'open')`,
  );
  for (const m of done) await inTransaction(ctx, (tx) => closeWrittenMeeting(tx, m.id));
  const reminders = await inTransaction(ctx, (tx) => sendReminders(tx, mailer));
  return { pollsClosed, meetingsClosed: done.length, reminders };
}

async function sendReminders(tx: Ctx, mailer: Mailer | null): Promise<number> {
  const now = tx.now.toISOString();
  // Members eligible on an open poll who have not voted; one notification per day and meeting is the record
  // of the last reminder (no extra column).
  const rows = await selectRows<Reminder>(
    tx.db,
    sql`select distinct mt.id as meeting_id, mt.title, mt.deadline, u.id as user_id, u.email, u.locale, u.display_name as name
        from polls p join agenda_items i on i.id = p.item_id join meetings mt on mt.id = i.meeting_id
          join committee_members m on p.eligible ? m.id::text join users u on u.id = m.user_id
        where mt.mode = 'written' and p.status = 'open' and m.active
          and p.closes_at > ${now}::timestamptz
          and p.closes_at <= ${now}::timestamptz + make_interval(hours => ${REMIND_WITHIN_HOURS})
          and not exists (select 1 from named_votes v where v.poll_id = p.id and v.member_id = m.id)
          and not exists (select 1 from poll_participation v where v.poll_id = p.id and v.member_id = m.id)
          and not exists (select 1 from notifications n where n.user_id = u.id and n.kind = 'committees.written_reminder'
                            and n.link = '/meetings/' || mt.id::text
                            and n.created_at > ${now}::timestamptz - interval '1 day')`,
  );
  for (const r of rows) {
    const deadline = new Date(r.deadline).toISOString().slice(0, 16).replace('T', ' ');
    await notify(tx, {
      userId: r.user_id,
      kind: 'committees.written_reminder',
      params: { title: r.title, deadline },
      link: `/meetings/${r.meeting_id}`,
    });
    if (mailer && r.email) {
      const locale = isLocale(r.locale) ? r.locale : 'en';
      await mailer.send({
        to: r.email,
        subject: translate(locale, 'mail.written_reminder.subject', { title: r.title, deadline }),
        text: translate(locale, 'mail.written_reminder.body', { name: r.name, title: r.title, deadline }),
      });
    }
  }
  return rows.length;
}
