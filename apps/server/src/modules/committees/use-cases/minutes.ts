import type { MinutesInfo } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { sanitizeRichText } from '../../../platform/content/sanitize.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { setWorkflowFields } from '../../documents/documents.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import { assertPledged } from './pledge.ts';

// Minutes (회의록 / biên bản, §3.8): drafted automatically when a meeting closes, the secretary's summary edited
// in, circulated to the attendees for confirmation, signed by the presiding chair (for a written deliberation
// also by every member who voted: a written resolution replaces hand signatures), then filed as an issued
// document numbered in the agency's outgoing register. Any edit after circulation voids confirmations and
// signatures (board portals' rule, §0.8): the signed PDF is dropped and a filed copy is recalled.

export type MinutesRow = {
  meeting_id: string;
  status: 'draft' | 'circulated' | 'signed';
  summary_html: string;
  document_id: string | null;
  pdf_sha256: string | null;
};
export type Signer = { memberId: string; userId: string; name: string; role: string };

export async function ensureMinutes(tx: Ctx, meetingId: string) {
  await tx.db.execute(
    sql`insert into meeting_minutes (meeting_id, status, summary_html, updated_at)
        values (${meetingId}, 'draft', '', ${tx.now.toISOString()}::timestamptz) on conflict do nothing`,
  );
}

export async function lockMinutes(tx: Ctx, meetingId: string): Promise<MinutesRow> {
  const meeting = await q.findMeeting(tx.db, meetingId);
  if (!meeting) throw notFound();
  if (meeting.status !== 'closed') throw new AppError('conflict', 'committees.minutes_not_ready');
  await ensureMinutes(tx, meetingId);
  const [row] = await selectRows<MinutesRow>(
    tx.db,
    sql`select * from meeting_minutes where meeting_id = ${meetingId} for update`,
  );
  return row!;
}

/** Members who attended: present at the meeting, or — written deliberation — who voted on at least one item. */
export async function attendeeIds(ctx: Ctx, meetingId: string, mode: string): Promise<Set<string>> {
  const rows = await selectRows<{ member_id: string }>(
    ctx.db,
    mode === 'written'
      ? sql`select v.member_id from named_votes v join polls p on p.id = v.poll_id join agenda_items i on i.id = p.item_id
            where i.meeting_id = ${meetingId}
            union select v.member_id from poll_participation v join polls p on p.id = v.poll_id
              join agenda_items i on i.id = p.item_id where i.meeting_id = ${meetingId}`
      : sql`select member_id from meeting_attendance where meeting_id = ${meetingId} and present`,
  );
  return new Set(rows.map((r) => r.member_id));
}

/**
 * Who signs: the chair — or, when the chair was absent, the stand-in (직무대행: the vice-chair, then the
 * succession order) among those present; for written deliberation the chair and every member who voted.
 */
export async function requiredSigners(ctx: Ctx, meeting: q.MeetingRow): Promise<Signer[]> {
  const members = await selectRows<{
    id: string;
    user_id: string;
    name: string;
    role: string;
    succession: number | null;
  }>(
    ctx.db,
    sql`select m.id, m.user_id, u.display_name as name, m.role, m.succession from committee_members m
        join users u on u.id = m.user_id where m.committee_id = ${meeting.committeeId} and m.active and m.role <> 'secretary'
        order by case m.role when 'chair' then 0 when 'vice_chair' then 1 else 2 end, m.succession nulls last, m.id`,
  );
  const attended = await attendeeIds(ctx, meeting.id, meeting.mode);
  const toSigner = (m: (typeof members)[number], role = m.role): Signer => ({
    memberId: m.id,
    userId: m.user_id,
    name: m.name,
    role,
  });
  const chair = members.find((m) => m.role === 'chair');
  if (meeting.mode === 'written') {
    const voters = members.filter((m) => attended.has(m.id) && m.id !== chair?.id);
    return [...(chair ? [toSigner(chair)] : []), ...voters.map((m) => toSigner(m))];
  }
  if (chair && attended.has(chair.id)) return [toSigner(chair)];
  const standIn = members.find(
    (m) => m.role !== 'chair' && attended.has(m.id) && (m.role === 'vice_chair' || m.succession !== null),
  );
  if (standIn) return [toSigner(standIn, 'presiding')];
  return chair ? [toSigner(chair)] : [];
}

/** The minutes of a meeting that has them (404 otherwise). */
export async function readInfo(
  ctx: Ctx,
  meetingId: string,
  memberId: string | null = null,
): Promise<z.infer<typeof MinutesInfo>> {
  const info = await minutesForMeeting(ctx, meetingId, memberId);
  if (!info) throw notFound();
  return info;
}

export async function minutesInfo(
  ctx: Ctx,
  actor: Actor,
  meetingId: string,
): Promise<z.infer<typeof MinutesInfo>> {
  const access = await meetingAccess(ctx, actor, meetingId);
  await assertPledged(ctx, actor);
  const meeting = await q.findMeeting(ctx.db, meetingId);
  if (meeting?.status !== 'closed') throw new AppError('conflict', 'committees.minutes_not_ready');
  await inTransaction(ctx, (tx) => ensureMinutes(tx, meetingId));
  return readInfo(ctx, meetingId, access.memberId);
}

/** The minutes as the meeting view shows them; null while none exist (before the meeting closes). */
export async function minutesForMeeting(
  ctx: Ctx,
  meetingId: string,
  memberId: string | null = null,
): Promise<z.infer<typeof MinutesInfo> | null> {
  const [row] = await selectRows<MinutesRow & { number_text: string | null }>(
    ctx.db,
    sql`select mm.*, d.number_text from meeting_minutes mm left join documents d on d.id = mm.document_id
        where mm.meeting_id = ${meetingId}`,
  );
  if (!row) return null;
  const [confirmations, signatures] = await Promise.all([
    selectRows<{ name: string; at: string }>(
      ctx.db,
      sql`select u.display_name as name, c.confirmed_at as at from minutes_confirmations c
          join committee_members m on m.id = c.member_id join users u on u.id = m.user_id
          where c.meeting_id = ${meetingId} order by c.confirmed_at`,
    ),
    selectRows<{ name: string; role: string; at: string }>(
      ctx.db,
      sql`select u.display_name as name, s.role, s.signed_at as at from minutes_signatures s
          join committee_members m on m.id = s.member_id join users u on u.id = m.user_id
          where s.meeting_id = ${meetingId} order by s.signed_at`,
    ),
  ]);
  return {
    status: row.status,
    summaryHtml: row.summary_html,
    confirmations: confirmations.map((c) => ({ name: c.name, confirmedAt: q.iso(c.at)! })),
    signatures: signatures.map((s) => ({ name: s.name, role: s.role, signedAt: q.iso(s.at)! })),
    documentId: row.document_id,
    numberText: row.number_text,
    hasPdf: row.pdf_sha256 !== null,
    me: await myPart(ctx, meetingId, memberId),
  };
}

/** Whether the member reading the minutes confirms them (an attendee) and must sign them. */
async function myPart(ctx: Ctx, meetingId: string, memberId: string | null) {
  const meeting = memberId ? await q.findMeeting(ctx.db, meetingId) : undefined;
  if (!memberId || !meeting) return { signer: false, attendee: false };
  const [signers, attendees] = await Promise.all([
    requiredSigners(ctx, meeting),
    attendeeIds(ctx, meetingId, meeting.mode),
  ]);
  return { signer: signers.some((s) => s.memberId === memberId), attendee: attendees.has(memberId) };
}

export async function editMinutes(ctx: Ctx, actor: Actor, meetingId: string, summaryHtml: string) {
  const access = await meetingAccess(ctx, actor, meetingId);
  if (!access.manage) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const row = await lockMinutes(tx, meetingId);
    const clean = sanitizeRichText(summaryHtml);
    const [marks] = await selectRows<{ confirmations: number; signatures: number }>(
      tx.db,
      sql`select (select count(*)::int from minutes_confirmations where meeting_id = ${meetingId}) as confirmations,
                 (select count(*)::int from minutes_signatures where meeting_id = ${meetingId}) as signatures`,
    );
    const voids = row.status !== 'draft' || marks!.confirmations > 0 || marks!.signatures > 0;
    if (voids) {
      await tx.db.execute(sql`delete from minutes_confirmations where meeting_id = ${meetingId}`);
      await tx.db.execute(sql`delete from minutes_signatures where meeting_id = ${meetingId}`);
      if (row.document_id) await setWorkflowFields(tx, row.document_id, { status: 'recalled' });
      await recordAudit(tx, {
        action: 'committees.minutes.voided',
        entityType: 'meeting',
        entityId: meetingId,
        agencyId: access.agencyId,
        before: { status: row.status, documentId: row.document_id, pdf: row.pdf_sha256, ...marks },
      });
    }
    await tx.db.execute(
      sql`update meeting_minutes set summary_html = ${clean}, status = 'draft', updated_at = ${tx.now.toISOString()}::timestamptz
            ${voids ? sql`, pdf_sha256 = null, document_id = null` : sql``}
          where meeting_id = ${meetingId}`,
    );
    await recordAudit(tx, {
      action: 'committees.minutes.edited',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      before: row.summary_html,
      after: clean,
    });
  });
  return readInfo(ctx, meetingId, access.memberId);
}

export async function circulateMinutes(ctx: Ctx, actor: Actor, meetingId: string) {
  const access = await meetingAccess(ctx, actor, meetingId);
  if (!access.manage) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const row = await lockMinutes(tx, meetingId);
    if (row.status !== 'draft') throw new AppError('conflict', 'committees.minutes_not_draft');
    const meeting = (await q.findMeeting(tx.db, meetingId))!;
    await tx.db.execute(sql`update meeting_minutes set status = 'circulated', updated_at = ${tx.now.toISOString()}::timestamptz
                            where meeting_id = ${meetingId}`);
    await recordAudit(tx, {
      action: 'committees.minutes.circulated',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
    });
    const ids = [...(await attendeeIds(tx, meetingId, meeting.mode))];
    if (ids.length === 0) return;
    const users = await selectRows<{ user_id: string }>(
      tx.db,
      sql`select user_id from committee_members where id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    );
    for (const u of users)
      await notify(tx, {
        userId: u.user_id,
        kind: 'committees.minutes_circulated',
        params: { meeting: meeting.title },
        link: `/meetings/${meetingId}`,
      });
  });
  return readInfo(ctx, meetingId, access.memberId);
}

export async function confirmMinutes(ctx: Ctx, actor: Actor, meetingId: string) {
  const access = await meetingAccess(ctx, actor, meetingId);
  await assertPledged(ctx, actor);
  await inTransaction(ctx, async (tx) => {
    const row = await lockMinutes(tx, meetingId);
    if (row.status !== 'circulated') throw new AppError('conflict', 'committees.minutes_not_circulated');
    const meeting = (await q.findMeeting(tx.db, meetingId))!;
    if (!access.memberId || !(await attendeeIds(tx, meetingId, meeting.mode)).has(access.memberId))
      throw new AppError('forbidden', 'committees.not_attendee');
    await tx.db.execute(
      sql`insert into minutes_confirmations (meeting_id, member_id, confirmed_at)
          values (${meetingId}, ${access.memberId}, ${tx.now.toISOString()}::timestamptz) on conflict do nothing`,
    );
    await recordAudit(tx, {
      action: 'committees.minutes.confirmed',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
    });
  });
  return readInfo(ctx, meetingId, access.memberId);
}
