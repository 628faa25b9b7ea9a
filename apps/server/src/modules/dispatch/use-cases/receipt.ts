import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { type ReceiptView, renderReceiptPdf } from './receipt-pdf.ts';

// The receipt slip of a received copy (phiếu tiếp nhận văn bản đến / 접수증): the ĐẾN / 접수 stamp with the
// incoming number and date, on a page of its own. The issued PDF is digitally signed (PAdES): stamping it would
// change the signed bytes, so the slip names it by its SHA-256 and verification code instead and the original
// stays exactly as the sender signed it. Rendered on request from the recorded reception (same bytes each time).

type Row = {
  incoming_number: number | null;
  incoming_year: number | null;
  received_at: Date | string | null;
  country: 'vn' | 'kr';
  to_agency: string;
  from_agency: string;
  number_text: string | null;
  issued_at: Date | string | null;
  subject: string;
  pdf_sha256: string | null;
  verify_code: string | null;
  digitally_signed: boolean;
  unit_name: string | null;
  lead_name: string | null;
  received_by: string | null;
};

/** The copy as the receiving agency recorded it; only its own people (posts there, or named on the copy). */
async function receiptRow(ctx: Ctx, actor: Actor, id: string): Promise<Row | undefined> {
  const [row] = await selectRows<Row>(
    ctx.db,
    sql`select dv.incoming_number, dv.incoming_year, dv.received_at, ta.country, ta.name as to_agency,
          fa.name as from_agency, d.number_text, d.issued_at, d.subject, d.pdf_sha256, d.verify_code,
          d.digitally_signed, un.name as unit_name, ru.display_name as received_by,
          (select u.display_name from delivery_people lp join users u on u.id = lp.user_id
            where lp.delivery_id = dv.id and lp.role = 'lead' limit 1) as lead_name
        from deliveries dv
        join documents d on d.id = dv.document_id
        join agencies ta on ta.id = dv.to_agency_id
        join agencies fa on fa.id = dv.from_agency_id
        left join units un on un.id = dv.unit_id
        left join users ru on ru.id = dv.received_by
        where dv.id = ${id}
          and (exists (select 1 from posts p where p.user_id = ${actor.userId} and p.agency_id = dv.to_agency_id and p.active)
            or exists (select 1 from delivery_people x where x.delivery_id = dv.id and x.user_id = ${actor.userId}))`,
  );
  return row;
}

export async function receiptSlip(ctx: Ctx, config: Config, actor: Actor, id: string) {
  const row = await receiptRow(ctx, actor, id);
  if (!row) throw notFound();
  if (row.incoming_number === null || row.received_at === null)
    throw new AppError('conflict', 'dispatch.not_received');
  const view: ReceiptView = {
    country: row.country,
    receivingAgency: row.to_agency,
    incomingNumber: row.incoming_number,
    receivedAt: new Date(row.received_at),
    receivedBy: row.received_by,
    routedTo: row.unit_name ?? row.lead_name,
    sender: row.from_agency,
    numberText: row.number_text,
    issuedAt: row.issued_at ? new Date(row.issued_at) : null,
    subject: row.subject,
    pdfSha256: row.pdf_sha256,
    digitallySigned: row.digitally_signed,
    verifyCode: row.verify_code,
    verifyUrl: row.verify_code ? `${config.publicUrl.replace(/\/$/, '')}/verify/${row.verify_code}` : null,
  };
  const bytes = await renderReceiptPdf(view);
  const prefix = row.country === 'vn' ? 'phieu-tiep-nhan' : '접수증';
  return { bytes, name: `${prefix}-${row.incoming_year}-${row.incoming_number}.pdf` };
}
