import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { documentRecipients } from '../../documents/documents.service.ts';
import { readFile } from '../../files/files.service.ts';

// Archive export (Decree 30/2020 Art. 28 and Appendix IV: documents handed to the archive as files with their
// metadata). Every issued document is written as its signed PDF, byte for byte, with NAME.json beside it:
// number, code, agency, type, subject, signers, dates, recipients and the PDF's SHA-256.

type Row = {
  id: string;
  agency_code: string;
  agency_name: string;
  type_code: string;
  subject: string;
  number: number;
  number_year: number;
  number_text: string;
  issued_at: string;
  confidentiality: string;
  disclosure: string;
  retention: string;
  pdf_sha256: string;
};

const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);

async function signersOf(ctx: Ctx, documentId: string) {
  const rows = await selectRows<Record<string, string | boolean>>(
    ctx.db,
    sql`select s.field, s.signed_at, s.timestamped, c.subject, c.issuer, c.serial_hex, c.kind, u.display_name as signed_by
        from document_signatures s join certificates c on c.id = s.certificate_id join users u on u.id = s.signed_by
        where s.document_id = ${documentId} order by s.signed_at, s.field desc`,
  );
  return rows.map((r) => ({
    role: r.field === 'seal' ? 'agency_seal' : 'approver',
    certificateSubject: r.subject,
    certificateIssuer: r.issuer,
    certificateSerial: r.serial_hex,
    appliedBy: r.signed_by,
    signedAt: new Date(r.signed_at as string).toISOString(),
    timestamped: r.timestamped,
  }));
}

export async function exportArchive(
  ctx: Ctx,
  config: Config,
  opts: { out: string; agencyCode?: string; year?: number },
): Promise<{ documents: number }> {
  const rows = await selectRows<Row>(
    ctx.db,
    sql`select d.id, a.code as agency_code, a.name as agency_name, d.type_code, d.subject, d.number, d.number_year,
          d.number_text, d.issued_at, d.confidentiality, d.disclosure, d.retention, d.pdf_sha256
        from documents d join agencies a on a.id = d.agency_id
        where d.status in ('issued', 'recalled') and d.pdf_sha256 is not null
          ${opts.agencyCode ? sql`and a.code = ${opts.agencyCode}` : sql``}
          ${opts.year ? sql`and d.number_year = ${opts.year}` : sql``}
        order by a.code, d.number_year, d.register, d.number`,
  );
  for (const r of rows) {
    const dir = path.join(opts.out, safe(r.agency_code), String(r.number_year));
    await mkdir(dir, { recursive: true });
    const name = safe(r.number_text);
    const pdf = await readFile(config, r.pdf_sha256);
    const recipients = await documentRecipients(ctx, r.id);
    const meta = {
      numberText: r.number_text,
      number: r.number,
      year: r.number_year,
      code: r.number_text.includes('/') ? r.number_text.split('/').slice(1).join('/') : null,
      agency: { code: r.agency_code, name: r.agency_name },
      type: r.type_code,
      subject: r.subject,
      issuedAt: new Date(r.issued_at).toISOString(),
      confidentiality: r.confidentiality,
      disclosure: r.disclosure,
      retention: r.retention,
      signers: await signersOf(ctx, r.id),
      recipients: recipients.map((x) => ({ kind: x.kind, name: x.name, main: x.main })),
      file: `${name}.pdf`,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    };
    await writeFile(path.join(dir, `${name}.pdf`), pdf);
    await writeFile(path.join(dir, `${name}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  }
  return { documents: rows.length };
}
