import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { htmlToText } from '../../../platform/content/sanitize.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { takeOutgoingNumber } from '../../dispatch/use-cases/numbering.ts';
import { fileSignedRecord } from '../../documents/documents.service.ts';
import { readFile, storeFile } from '../../files/files.service.ts';
import { assertFreshStepUp } from '../../identity/use-cases/step-up.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { signPdfAs } from '../../signatures/signatures.service.ts';
import { type Access, meetingAccess } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import type { OutcomeJson, QuorumJson } from '../committees.tables.ts';
import {
  attendeeIds,
  ensureMinutes,
  lockMinutes,
  type MinutesRow,
  readInfo,
  requiredSigners,
  type Signer,
} from './minutes.ts';
import { type MinutesView, renderMinutesPdf } from './minutes-pdf.ts';
import { assertPledged } from './pledge.ts';

// Signing and printing the minutes: the presiding chair (and, for a written resolution, every member who voted)
// signs after a step-up; the last signature files them as an issued document numbered in the outgoing register.
// The PDF is rendered from the record (minutes-pdf.ts), in full for attendees or redacted for the public.

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
