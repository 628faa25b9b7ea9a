import type { DocumentListQuery } from '@civicdesk/contracts/documents';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { canReadDocument, isClerkOf } from '../documents.policy.ts';
import * as q from '../documents.queries.ts';

// Reading documents: the detail with what the caller may do, the boxes of the inbox, and search — every
// list is one query whose WHERE clause carries the access rule, so a page costs the same at 1k or 1M rows.

type Row = {
  id: string;
  agency_id: string;
  type_code: string;
  subject: string;
  status: string;
  urgency: string;
  confidentiality: string;
  number_text: string | null;
  drafter_name: string;
  updated_at: Date | string;
  issued_at: Date | string | null;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const summary = (r: Row) => ({
  id: r.id,
  agencyId: r.agency_id,
  typeCode: r.type_code,
  subject: r.subject,
  status: r.status as never,
  urgency: r.urgency as never,
  confidentiality: r.confidentiality as never,
  numberText: r.number_text,
  drafterName: r.drafter_name,
  updatedAt: iso(r.updated_at)!,
  issuedAt: iso(r.issued_at),
});

export async function assertReadable(ctx: Ctx, actor: Actor, id: string) {
  const rows = await selectRows(
    ctx.db,
    sql`select 1 from documents d where d.id = ${id} and ${canReadDocument(actor)}`,
  );
  if (rows.length === 0) throw notFound();
}

function boxCondition(actor: Actor, box: string): SQL {
  const me = actor.userId;
  switch (box) {
    case 'drafts':
      return sql`d.drafter_id = ${me} and d.status in ('draft','returned')`;
    case 'to_approve':
      return sql`d.status = 'in_approval' and exists (select 1 from approval_steps s where s.document_id = d.id and s.state = 'pending'
        and (s.assignee_id = ${me} or exists (select 1 from delegations dg where dg.from_user_id = s.assignee_id and dg.to_user_id = ${me}
          and dg.revoked_at is null and current_date between dg.valid_from and dg.valid_to)))`;
    case 'in_progress':
      return sql`d.drafter_id = ${me} and d.status in ('in_approval','on_hold','approved')`;
    case 'post_review':
      return sql`exists (select 1 from approval_steps s where s.document_id = d.id and s.assignee_id = ${me}
        and s.acted_by is not null and s.acted_by <> s.assignee_id and s.post_review_at is null)`;
    case 'issued':
      return sql`d.status in ('issued','recalled')`;
    default:
      return sql`true`;
  }
}

function decodeCursor(cursor: string | undefined): SQL {
  if (!cursor) return sql`true`;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError('bad_request', 'documents.bad_cursor');
  return sql`(d.updated_at, d.id) < (${at}::timestamptz, ${id}::uuid)`;
}

/**
 * Substring search over search_text (subject, body and attachment text) in any language, always through an index:
 * three characters or more through the trigram index (ILIKE), one or two through the exact 1-/2-gram array
 * (trigrams cannot cover a two-syllable Korean word such as 예산). Both compare lower-cased text.
 */
export function searchCondition(q: string): SQL {
  if ([...q].length <= 2 && !/\s/.test(q)) return sql`d.search_grams @> array[lower(${q}::text)]`;
  return sql`d.search_text ilike ${`%${q.replace(/[%_\\]/g, '\\$&')}%`}`;
}

export async function listDocuments(ctx: Ctx, actor: Actor, f: z.infer<typeof DocumentListQuery>) {
  const conds: SQL[] = [canReadDocument(actor), boxCondition(actor, f.box), decodeCursor(f.cursor)];
  if (f.agencyId) conds.push(sql`d.agency_id = ${f.agencyId}`);
  if (f.status) conds.push(sql`d.status = ${f.status}`);
  if (f.typeCode) conds.push(sql`d.type_code = ${f.typeCode}`);
  if (f.from) conds.push(sql`d.updated_at >= ${f.from}::date`);
  if (f.to) conds.push(sql`d.updated_at < ${f.to}::date + 1`);
  if (f.q) conds.push(searchCondition(f.q));
  const rows = await selectRows<Row>(
    ctx.db,
    sql`select d.id, d.agency_id, d.type_code, d.subject, d.status, d.urgency, d.confidentiality, d.number_text,
          u.display_name as drafter_name, d.updated_at, d.issued_at
        from documents d join users u on u.id = d.drafter_id
        where ${sql.join(conds, sql` and `)}
        order by d.updated_at desc, d.id desc limit ${f.limit + 1}`,
  );
  const items = rows.slice(0, f.limit).map(summary);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > f.limit && last ? Buffer.from(`${last.updatedAt}|${last.id}`).toString('base64url') : null;
  return { items, nextCursor };
}

export async function getDocument(ctx: Ctx, actor: Actor, id: string) {
  await assertReadable(ctx, actor, id);
  const doc = (await q.findDocument(ctx.db, id))!;
  const me = actor.userId;
  const [flags] = await selectRows<{
    approver_turn: boolean;
    acted: boolean;
    clerk: boolean;
    drafter_name: string;
  }>(
    ctx.db,
    sql`select
      exists (select 1 from approval_steps where document_id = ${id} and state = 'pending' and assignee_id = ${me}) as approver_turn,
      exists (select 1 from approval_steps s where s.document_id = ${id}
        and s.round = (select max(round) from approval_steps where document_id = ${id})
        and s.state in ('approved','agreed','disagreed','returned','held')) as acted,
      ${isClerkOf(actor, doc.agencyId)} as clerk,
      (select display_name from users where id = ${doc.drafterId}) as drafter_name`,
  );
  const [recipients, attachments] = await Promise.all([
    q.listRecipients(ctx.db, id),
    q.listAttachments(ctx.db, id),
  ]);
  const isDrafter = doc.drafterId === me;
  const draftish = doc.status === 'draft' || doc.status === 'returned';
  return {
    ...summary({
      ...doc,
      agency_id: doc.agencyId,
      type_code: doc.typeCode,
      number_text: doc.numberText,
      drafter_name: flags!.drafter_name,
      updated_at: doc.updatedAt,
      issued_at: doc.issuedAt,
    } as Row),
    unitId: doc.unitId,
    drafterId: doc.drafterId,
    bodyHtml: doc.bodyHtml,
    disclosure: doc.disclosure,
    disclosureReason: doc.disclosureReason,
    retention: doc.retention as never,
    version: doc.version,
    isDirective: doc.isDirective,
    replyToDeliveryId: doc.replyToDeliveryId,
    signerMark: doc.signerMark,
    hasPdf: doc.pdfSha256 !== null,
    digitallySigned: doc.digitallySigned,
    recipients: recipients.map((r) => ({ ...r, taskDeadline: r.taskDeadline?.toISOString() ?? null })),
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      size: a.size,
      mime: a.mime,
      sha256: a.sha256,
      addedAt: a.addedAt.toISOString(),
    })),
    can: {
      edit: (isDrafter && draftish) || (doc.status === 'in_approval' && flags!.approver_turn),
      submit: isDrafter && draftish,
      recall: isDrafter && (doc.status === 'in_approval' || doc.status === 'on_hold') && !flags!.acted,
      issue: flags!.clerk && doc.status === 'approved',
      recallIssued: flags!.clerk && doc.status === 'issued',
    },
  };
}

export async function listDocumentVersions(ctx: Ctx, actor: Actor, id: string) {
  await assertReadable(ctx, actor, id);
  const rows = await selectRows<{
    version: number;
    edited_at: Date | string;
    editor_name: string;
    note: string | null;
  }>(
    ctx.db,
    sql`select v.version, v.edited_at, u.display_name as editor_name, v.note from document_versions v
        join users u on u.id = v.edited_by where v.document_id = ${id} order by v.version`,
  );
  return rows.map((r) => ({
    version: r.version,
    editedAt: iso(r.edited_at)!,
    editorName: r.editor_name,
    note: r.note,
  }));
}
