import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { approvalRecordForPdf } from '../../approvals/use-cases/view.ts';
import { type DocumentRow, renderDocumentPdf, setWorkflowFields } from '../../documents/documents.service.ts';
import { storeFile } from '../../files/files.service.ts';
import { assertFreshStepUp } from '../../identity/use-cases/step-up.ts';
import { signDocument } from '../../signatures/signatures.service.ts';
import { agencyNotation, formatNumber, localYear } from '../dispatch.policy.ts';
import { nextNumber } from './numbering.ts';

// The moment of final approval (결재 / ký ban hành): the document takes its gap-free number and date, the
// official PDF is rendered with the verification QR code and empty signature fields, and the approver signs it
// at once with their own certificate. A document is only ever numbered together with its signature: if the
// signature fails, the number, the PDF and the approval roll back together. The records clerk then seals it
// and dispatches it (issue.ts).

async function people(ctx: Ctx, docId: string) {
  const [row] = await selectRows<{
    drafter_name: string;
    drafter_pos: string | null;
    agency_code: string;
    country: 'vn' | 'kr';
    unit_code: string | null;
    unit_name: string | null;
  }>(
    ctx.db,
    sql`select u.display_name as drafter_name, a.code as agency_code, a.country, un.code as unit_code, un.name as unit_name,
          (select pos.name from posts p join positions pos on pos.id = p.position_id where p.user_id = d.drafter_id and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as drafter_pos
        from documents d join users u on u.id = d.drafter_id join agencies a on a.id = d.agency_id left join units un on un.id = d.unit_id
        where d.id = ${docId}`,
  );
  return row!;
}

export async function finalizeApproval(ctx: Ctx, config: Config, actor: Actor, doc: DocumentRow) {
  assertFreshStepUp(actor, config, ctx.now);
  const info = await people(ctx, doc.id);
  const register = doc.confidentiality === 'normal' ? 'outgoing' : 'outgoing_secret';
  const year = localYear(info.country, ctx.now);
  const number = await nextNumber(ctx, doc.agencyId, register, year);
  const numberText = formatNumber({
    country: info.country,
    number,
    typeCode: doc.typeCode,
    agencyNotation: agencyNotation(info.agency_code),
    unitCode: info.unit_code,
    unitName: info.unit_name,
  });
  const verifyCode = randomBytes(12).toString('base64url');
  const pdf = await renderDocumentPdf(ctx, doc, {
    numberText,
    issuedAt: ctx.now,
    ...(await approvalRecordForPdf(ctx, doc.id)),
    drafterName: info.drafter_name,
    drafterPosition: info.drafter_pos,
    verifyUrl: `${config.publicUrl.replace(/\/$/, '')}/verify/${verifyCode}`,
  });
  const file = await storeFile(ctx, config, {
    name: `${numberText.replace(/[/\\]/g, '_')}.pdf`,
    bytes: pdf.bytes,
    maxBytes: 50 * 1024 * 1024,
    text: `${doc.subject}\n${doc.bodyText}`,
  });
  const numbered = await setWorkflowFields(ctx, doc.id, {
    register,
    number,
    numberYear: year,
    numberText,
    pdfSha256: file.sha256,
    verifyCode,
  });
  await signDocument(ctx, config, actor, {
    doc: numbered,
    field: 'signer',
    holder: { kind: 'person', agencyId: doc.agencyId, userId: actor.userId },
    reason: 'approval',
  });
  return numberText;
}
