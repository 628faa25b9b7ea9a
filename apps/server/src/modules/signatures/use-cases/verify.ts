import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { verifyPdf } from '../../../platform/pades/verify.ts';
import { assertReadable } from '../../documents/documents.service.ts';
import { readFile } from '../../files/files.service.ts';
import { trustAnchors } from './authority.ts';
import { revocationOf } from './certificates.ts';

// Verification for anyone, signed in or not: an uploaded PDF, or the issued document behind a QR code. The
// report names each signer, the time, the chain and whether the file was altered; it also says whether the
// bytes are exactly those of a document issued here.

type Known = {
  code: string;
  number_text: string | null;
  subject: string;
  agency_name: string;
  issued_at: string | null;
  type_code: string;
  status: string;
  disclosure: string;
  pdf_sha256: string;
};

const knownColumns = sql`d.verify_code as code, d.number_text, d.subject, a.name as agency_name, d.issued_at,
  d.type_code, d.status, d.disclosure, d.pdf_sha256`;

export async function verifyBytes(ctx: Ctx, bytes: Buffer) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const anchors = await trustAnchors(ctx);
  const report = await verifyPdf(bytes, {
    trustAnchors: anchors,
    isRevoked: (serial: string) => revocationOf(ctx, serial),
  });
  const [known] = await selectRows<Known>(
    ctx.db,
    sql`select ${knownColumns} from documents d join agencies a on a.id = d.agency_id
        where d.pdf_sha256 = ${sha256} and d.verify_code is not null limit 1`,
  );
  return {
    ...report,
    sha256,
    document: known ? publicDocument(known) : null,
  };
}

/** Confidential documents show only that they exist and who issued them, never their subject. */
function publicDocument(k: Known) {
  const open = k.disclosure === 'public';
  return {
    code: k.code,
    numberText: k.number_text,
    subject: open ? k.subject : null,
    agencyName: k.agency_name,
    issuedAt: k.issued_at ? new Date(k.issued_at).toISOString() : null,
  };
}

async function byCode(ctx: Ctx, code: string) {
  const [known] = await selectRows<Known>(
    ctx.db,
    sql`select ${knownColumns} from documents d join agencies a on a.id = d.agency_id where d.verify_code = ${code}`,
  );
  if (!known?.pdf_sha256) throw notFound();
  return known;
}

export async function verifyByCode(ctx: Ctx, config: Config, code: string) {
  const known = await byCode(ctx, code);
  const report = await verifyBytes(ctx, await readFile(config, known.pdf_sha256));
  const shown = publicDocument(known);
  return {
    code,
    numberText: shown.numberText,
    subject: shown.subject,
    agencyName: shown.agencyName,
    typeCode: known.type_code,
    issuedAt: shown.issuedAt,
    status: known.status,
    downloadable: known.disclosure === 'public' && known.status === 'issued',
    report,
  };
}

/** The signed PDF behind a QR code, only for documents whose disclosure class is public. */
export async function publicPdf(ctx: Ctx, config: Config, code: string) {
  const known = await byCode(ctx, code);
  if (known.disclosure !== 'public' || known.status !== 'issued') throw notFound();
  return {
    name: `${(known.number_text ?? code).replace(/[/\\]/g, '_')}.pdf`,
    bytes: await readFile(config, known.pdf_sha256),
  };
}

/** The signature report of a document's current PDF, for people who may read the document. */
export async function documentReport(ctx: Ctx, config: Config, actor: Actor, documentId: string) {
  await assertReadable(ctx, actor, documentId);
  const [row] = await selectRows<{ pdf_sha256: string | null }>(
    ctx.db,
    sql`select pdf_sha256 from documents where id = ${documentId}`,
  );
  if (!row?.pdf_sha256) throw notFound();
  return verifyBytes(ctx, await readFile(config, row.pdf_sha256));
}
