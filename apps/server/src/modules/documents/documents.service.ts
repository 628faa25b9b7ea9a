import { documentTypes } from '@civicdesk/contracts/documents';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as q from './documents.queries.ts';
import type { documents } from './documents.tables.ts';
import { renderOfficialPdf } from './pdf/render.ts';
import type { OfficialDocumentView } from './pdf/view.ts';

// What other modules (approvals, dispatch) may do to a document: lock it for a state change and change its
// workflow fields. The drafting rules themselves live in use-cases/.

export type DocumentRow = q.DocumentRow;

/** Locks the document row until the transaction ends (concurrent actions on one document run one at a time). */
export async function lockDocument(ctx: Ctx, id: string): Promise<DocumentRow> {
  const doc = await q.lockDocument(ctx.db, id);
  if (!doc) throw notFound();
  return doc;
}

type WorkflowFields = Pick<
  typeof documents.$inferInsert,
  | 'status'
  | 'register'
  | 'number'
  | 'numberYear'
  | 'numberText'
  | 'issuedAt'
  | 'issuedBy'
  | 'signerId'
  | 'signerMark'
  | 'pdfSha256'
  | 'digitallySigned'
  | 'verifyCode'
  | 'searchText'
>;

export async function setWorkflowFields(
  ctx: Ctx,
  id: string,
  set: Partial<WorkflowFields>,
): Promise<DocumentRow> {
  return q.updateDocument(ctx.db, id, { ...set, updatedAt: ctx.now });
}

export const documentRecipients = (ctx: Ctx, id: string) => q.listRecipients(ctx.db, id);
export const documentAttachments = (ctx: Ctx, id: string) => q.listAttachments(ctx.db, id);
export { assertReadable } from './use-cases/read.ts';

/** Renders the official PDF of a document from its record plus what other modules know (number, signer). */
export async function renderDocumentPdf(
  ctx: Ctx,
  doc: DocumentRow,
  extra: Pick<OfficialDocumentView, 'numberText' | 'issuedAt' | 'signer' | 'approvals' | 'verifyUrl'> & {
    drafterName: string;
    drafterPosition: string | null;
  },
) {
  const agency = (await q.findAgency(ctx.db, doc.agencyId))!;
  const parent = agency.parentId ? await q.findAgency(ctx.db, agency.parentId) : undefined;
  const unit = doc.unitId ? await q.findUnit(ctx.db, doc.unitId) : undefined;
  const [recipients, attachments] = await Promise.all([
    q.listRecipients(ctx.db, doc.id),
    q.listAttachments(ctx.db, doc.id),
  ]);
  const type = documentTypes.find((t) => t.code === doc.typeCode);
  const view: OfficialDocumentView = {
    country: agency.country,
    agency: {
      name: agency.name,
      parentName: agency.country === 'vn' && parent ? parent.name : null,
      address: agency.address,
    },
    typeCode: doc.typeCode,
    typeName: type?.printed ?? '',
    numberText: extra.numberText,
    place: agency.country === 'vn' ? placeName(agency.address) : null,
    issuedAt: extra.issuedAt,
    subject: doc.subject,
    bodyHtml: doc.bodyHtml,
    urgency: doc.urgency,
    confidentiality: doc.confidentiality,
    disclosure: doc.disclosure,
    mainRecipients: recipients.filter((r) => r.main).map((r) => r.name),
    copyRecipients: recipients.filter((r) => !r.main).map((r) => r.name),
    draftingUnitCode: unit?.code ?? null,
    signer: extra.signer,
    approvals: [
      {
        role: 'drafter',
        position: extra.drafterPosition ?? '',
        name: extra.drafterName,
        date: doc.createdAt,
      },
      ...extra.approvals,
    ],
    attachments: attachments.map((a) => a.name),
    verifyUrl: extra.verifyUrl,
  };
  return renderOfficialPdf(view);
}

/** The place name of the Vietnamese date line: the last component of the agency address ("… tỉnh Lâm Sơn" → "Lâm Sơn"). */
function placeName(address: string | null): string | null {
  const last = address?.split(',').at(-1)?.trim();
  return last ? last.replace(/^(thành phố|tỉnh|xã|phường|quận|huyện|thị xã)\s+/i, '') : null;
}

/**
 * Files a record another module produced and had signed itself (a committee's minutes or written resolution)
 * as an issued document: numbered by the caller from the outgoing register, with its signed PDF, so it appears
 * in the registers and in search like any issued document.
 */
export async function fileSignedRecord(
  ctx: Ctx,
  input: Pick<
    typeof documents.$inferInsert,
    | 'agencyId'
    | 'drafterId'
    | 'typeCode'
    | 'subject'
    | 'bodyHtml'
    | 'bodyText'
    | 'disclosure'
    | 'disclosureReason'
    | 'register'
    | 'number'
    | 'numberYear'
    | 'numberText'
    | 'signerId'
    | 'pdfSha256'
    | 'verifyCode'
  >,
): Promise<DocumentRow> {
  return q.insertDocument(ctx.db, {
    ...input,
    status: 'issued',
    issuedAt: ctx.now,
    issuedBy: ctx.actor?.userId ?? null,
    digitallySigned: true,
    searchText: `${input.numberText ?? ''}\n${input.subject}\n${input.bodyText}`,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

// Building blocks of the official PDF that other modules' printed records (committee minutes) reuse.
export { embedFaces, type Faces, textWidth } from './pdf/fonts.ts';
export { renderHtml } from './pdf/html-flow.ts';
export {
  A4,
  type Cursor,
  contentWidth,
  drawLine,
  ensureRoom,
  frame,
  mm,
  rule,
  startCursor,
  takeLine,
  wrapSpans,
} from './pdf/layout.ts';
