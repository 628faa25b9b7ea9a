import type { MinutesInfo } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../../../config.ts';
import { htmlToText, sanitizeRichText } from '../../../platform/content/sanitize.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { takeOutgoingNumber } from '../../dispatch/use-cases/numbering.ts';
import { fileSignedRecord, setWorkflowFields } from '../../documents/documents.service.ts';
import { readFile, storeFile } from '../../files/files.service.ts';
import { assertFreshStepUp } from '../../identity/use-cases/step-up.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { signPdfAs } from '../../signatures/signatures.service.ts';
import { type Access, meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import type { OutcomeJson, QuorumJson } from '../committees.tables.ts';
import { type MinutesView, renderMinutesPdf } from './minutes-pdf.ts';
import { assertPledged } from './pledge.ts';

// Minutes (회의록 / biên bản, §3.8): drafted automatically when a meeting closes, the secretary's summary edited
// in, circulated to the attendees for confirmation, signed by the presiding chair (for a written deliberation
// also by every member who voted: a written resolution replaces hand signatures), then filed as an issued
// document numbered in the agency's outgoing register. Any edit after circulation voids confirmations and
// signatures (board portals' rule, §0.8): the signed PDF is dropped and a filed copy is recalled.

type MinutesRow = {
  meeting_id: string;
  status: 'draft' | 'circulated' | 'signed';
  summary_html: string;
  document_id: string | null;
  pdf_sha256: string | null;
};
type Signer = { memberId: string; userId: string; name: string; role: string };

export async function ensureMinutes(tx: Ctx, meetingId: string) {
  await tx.db.execute(
    sql`insert into meeting_minutes (meeting_id, status, summary_html, updated_at)
        values (${meetingId}, 'draft', '', ${tx.now.toISOString()}::timestamptz) on conflict do nothing`,
  );
}

async function lockMinutes(tx: Ctx, meetingId: string): Promise<MinutesRow> {
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
async function attendeeIds(ctx: Ctx, meetingId: string, mode: string): Promise<Set<string>> {
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
async function requiredSigners(ctx: Ctx, meeting: q.MeetingRow): Promise<Signer[]> {
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

/**
 * One signature on the minutes, after a fresh step-up. The first signer's PDF is rendered from the record
 * with one field per required signer; each signature is an incremental revision. With the last one the
 * minutes are filed as an issued document (BB "Biên bản" in Vietnam, GIAN in Korea) of the outgoing register.
 */
export async function signMinutes(ctx: Ctx, config: Config, actor: Actor, meetingId: string) {
  const access = await meetingAccess(ctx, actor, meetingId);
  assertFreshStepUp(actor, config, ctx.now);
  await inTransaction(ctx, async (tx) => {
    const row = await lockMinutes(tx, meetingId);
    if (row.status === 'signed') throw new AppError('conflict', 'committees.minutes_signed');
    const meeting = (await q.findMeeting(tx.db, meetingId))!;
    const signers = await requiredSigners(tx, meeting);
    const index = signers.findIndex((s) => s.userId === actor.userId);
    if (index < 0) throw new AppError('forbidden', 'committees.not_signer');
    const me = signers[index]!;
    const done = await selectRows<{ member_id: string }>(
      tx.db,
      sql`select member_id from minutes_signatures where meeting_id = ${meetingId}`,
    );
    if (done.some((d) => d.member_id === me.memberId))
      throw new AppError('conflict', 'committees.already_signed');
    const before = row.pdf_sha256
      ? await readFile(config, row.pdf_sha256)
      : Buffer.from(
          (await renderMinutesPdf(await minutesView(tx, meeting, row.summary_html, signers, false))).bytes,
        );
    const signed = await signPdfAs(tx, config, before, {
      field: `sign-${index + 1}`,
      holder: { kind: 'person', agencyId: access.agencyId, userId: actor.userId },
      reason: 'minutes',
      entityType: 'meeting',
      entityId: meetingId,
    });
    const file = await storeFile(tx, config, {
      name: `minutes-${meetingId}.pdf`,
      bytes: signed,
      maxBytes: 50 * 1024 * 1024,
      text: `${meeting.title}\n${htmlToText(row.summary_html)}`,
    });
    await tx.db.execute(
      sql`insert into minutes_signatures (meeting_id, member_id, role, signed_at)
          values (${meetingId}, ${me.memberId}, ${me.role}, ${tx.now.toISOString()}::timestamptz)`,
    );
    const complete = done.length + 1 >= signers.length;
    const documentId = complete ? await fileMinutes(tx, meeting, row, file.sha256, signers[0]!.userId) : null;
    await tx.db.execute(
      sql`update meeting_minutes set pdf_sha256 = ${file.sha256}, updated_at = ${tx.now.toISOString()}::timestamptz
            ${complete ? sql`, status = 'signed', document_id = ${documentId}` : row.status === 'draft' ? sql`, status = 'circulated'` : sql``}
          where meeting_id = ${meetingId}`,
    );
    await recordAudit(tx, {
      action: complete ? 'committees.minutes.signed' : 'committees.minutes.signature',
      entityType: 'meeting',
      entityId: meetingId,
      agencyId: access.agencyId,
      detail: { field: `sign-${index + 1}`, pdf: file.sha256, documentId },
    });
  });
  return readInfo(ctx, meetingId, access.memberId);
}

async function fileMinutes(
  tx: Ctx,
  meeting: q.MeetingRow,
  row: MinutesRow,
  pdfSha256: string,
  chairUserId: string,
) {
  const committee = (await q.findCommittee(tx.db, meeting.committeeId))!;
  const [agency] = await selectRows<{ country: 'vn' | 'kr' }>(
    tx.db,
    sql`select country from agencies where id = ${committee.agencyId}`,
  );
  const typeCode = agency!.country === 'vn' ? 'BB' : 'GIAN';
  const number = await takeOutgoingNumber(tx, committee.agencyId, typeCode);
  const [closed] = await selectRows<{ n: number }>(
    tx.db,
    sql`select count(*)::int as n from agenda_items where meeting_id = ${meeting.id} and closed`,
  );
  const doc = await fileSignedRecord(tx, {
    agencyId: committee.agencyId,
    drafterId: tx.actor?.userId ?? chairUserId,
    typeCode,
    subject: meeting.title,
    bodyHtml: row.summary_html,
    bodyText: htmlToText(row.summary_html),
    disclosure: closed!.n > 0 ? 'partial' : 'public',
    disclosureReason: closed!.n > 0 ? 'closed agenda items' : null,
    register: number.register,
    number: number.number,
    numberYear: number.year,
    numberText: number.numberText,
    signerId: chairUserId,
    pdfSha256,
  });
  await recordAudit(tx, {
    action: 'committees.minutes.filed',
    entityType: 'document',
    entityId: doc.id,
    agencyId: committee.agencyId,
    detail: { meeting: meeting.id, numberText: number.numberText, pdf: pdfSha256 },
  });
  for (const userId of await q.meetingAudience(tx.db, meeting.id))
    await notify(tx, {
      userId,
      kind: 'committees.minutes_signed',
      params: { meeting: meeting.title, number: number.numberText },
      link: `/meetings/${meeting.id}`,
    });
  return doc.id;
}

/** The PDF: full for attendees and managers (the signed file once there is one), redacted for anyone else. */
export async function minutesPdf(
  ctx: Ctx,
  config: Config,
  actor: Actor,
  meetingId: string,
  variant: 'full' | 'public',
) {
  const access = await meetingAccess(ctx, actor, meetingId);
  await assertPledged(ctx, actor);
  const meeting = await q.findMeeting(ctx.db, meetingId);
  if (meeting?.status !== 'closed') throw new AppError('conflict', 'committees.minutes_not_ready');
  if (variant === 'full' && !(await mayReadFull(ctx, access, meeting))) throw forbidden();
  await inTransaction(ctx, (tx) => ensureMinutes(tx, meetingId));
  const [row] = await selectRows<MinutesRow>(
    ctx.db,
    sql`select * from meeting_minutes where meeting_id = ${meetingId}`,
  );
  if (variant === 'full' && row!.pdf_sha256) return readFile(config, row!.pdf_sha256);
  const view = await minutesView(ctx, meeting, row!.summary_html, [], variant === 'public');
  return Buffer.from((await renderMinutesPdf(view)).bytes);
}

async function mayReadFull(ctx: Ctx, access: Access, meeting: q.MeetingRow) {
  if (access.manage) return true;
  if (!access.memberId) return false;
  if ((await attendeeIds(ctx, meeting.id, meeting.mode)).has(access.memberId)) return true;
  return (await requiredSigners(ctx, meeting)).some((s) => s.memberId === access.memberId);
}

/** Everything the printed minutes show, resolved to text from the record. */
async function minutesView(
  ctx: Ctx,
  meeting: q.MeetingRow,
  summaryHtml: string,
  signers: Signer[],
  publicVersion: boolean,
): Promise<MinutesView> {
  const [head] = await selectRows<{
    agency: string;
    country: 'vn' | 'kr';
    committee: string;
    legal_basis: string;
  }>(
    ctx.db,
    sql`select a.name as agency, a.country, c.name as committee, c.legal_basis from committees c
        join agencies a on a.id = c.agency_id where c.id = ${meeting.committeeId}`,
  );
  const attendance = await selectRows<{
    id: string;
    name: string;
    role: string;
    kind: string;
    present: boolean | null;
  }>(
    ctx.db,
    sql`select m.id, u.display_name as name, m.role, u.kind, a.present from committee_members m join users u on u.id = m.user_id
        left join meeting_attendance a on a.meeting_id = ${meeting.id} and a.member_id = m.id
        where m.committee_id = ${meeting.committeeId} and m.active
        order by case m.role when 'chair' then 0 when 'vice_chair' then 1 when 'member' then 2 else 3 end, u.display_name`,
  );
  const attended = meeting.mode === 'written' ? await attendeeIds(ctx, meeting.id, 'written') : null;
  const items = await selectRows<{
    id: string;
    seq: number;
    kind: string;
    title: string;
    description: string;
    closed: boolean;
  }>(
    ctx.db,
    sql`select id, seq, kind, title, description, closed from agenda_items where meeting_id = ${meeting.id} order by seq`,
  );
  const recusals = await selectRows<{ item_id: string; name: string }>(
    ctx.db,
    sql`select c.item_id, u.display_name as name from item_conflicts c join agenda_items i on i.id = c.item_id
        join committee_members m on m.id = c.member_id join users u on u.id = m.user_id
        where i.meeting_id = ${meeting.id} order by u.display_name`,
  );
  const polls = await selectRows<{
    id: string;
    item_id: string;
    secret: boolean;
    tally: MinutesView['items'][number]['polls'][number]['tally'];
    outcome: OutcomeJson | null;
    quorum: QuorumJson;
  }>(
    ctx.db,
    sql`select p.id, p.item_id, p.secret, p.tally, p.outcome, p.quorum from polls p join agenda_items i on i.id = p.item_id
        where i.meeting_id = ${meeting.id} and p.status = 'closed' order by i.seq, p.opened_at`,
  );
  const votes = await selectRows<{ poll_id: string; name: string; choice: string; reason: string | null }>(
    ctx.db,
    sql`select v.poll_id, u.display_name as name, v.choice, v.reason from named_votes v join polls p on p.id = v.poll_id
        join agenda_items i on i.id = p.item_id join committee_members m on m.id = v.member_id join users u on u.id = m.user_id
        where i.meeting_id = ${meeting.id} order by u.display_name`,
  );
  return {
    country: head!.country,
    agencyName: head!.agency,
    committeeName: head!.committee,
    legalBasis: head!.legal_basis,
    title: meeting.title,
    mode: meeting.mode,
    startsAt: new Date(meeting.startsAt),
    location: meeting.location,
    videoRoomUrl: meeting.videoRoomUrl,
    deadline: meeting.deadline ? new Date(meeting.deadline) : null,
    writtenGround: meeting.writtenGround,
    attendance: attendance
      .filter((a) => a.role !== 'secretary')
      .map((a) => ({
        name: a.name,
        role: a.role,
        external: a.kind === 'external',
        present: attended ? attended.has(a.id) : Boolean(a.present),
      })),
    quorumAtOpen: meeting.quorumAtOpen,
    items: items.map((i) => ({
      seq: i.seq,
      kind: i.kind,
      title: i.title,
      description: htmlToText(i.description),
      closed: i.closed,
      recused: recusals.filter((r) => r.item_id === i.id).map((r) => r.name),
      polls: polls
        .filter((p) => p.item_id === i.id)
        .map((p) => ({
          secret: p.secret,
          tally: p.tally,
          outcome: p.outcome,
          quorum: p.quorum,
          votes: p.secret ? [] : votes.filter((v) => v.poll_id === p.id),
        })),
    })),
    summaryHtml,
    signers: signers.map((s) => ({ name: s.name, role: s.role })),
    publicVersion,
  };
}
