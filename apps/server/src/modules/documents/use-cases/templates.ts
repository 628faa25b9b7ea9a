import { documentTypes } from '@civicdesk/contracts/documents';
import { and, asc, eq, sql } from 'drizzle-orm';
import { sanitizeRichText } from '../../../platform/content/sanitize.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { canDraftIn } from '../documents.policy.ts';
import { documentTemplates } from '../documents.tables.ts';

// Agency templates: a type and a ready body (e.g. a công văn reply, a meeting invitation) that a drafter starts
// from. Records clerks, heads and agency admins keep them; everyone who drafts in the agency uses them.

async function assertKeeper(ctx: Ctx, actor: Actor, agencyId: string) {
  const rows = await selectRows(
    ctx.db,
    sql`select 1 from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and active and role in ('clerk','head','agency_admin')`,
  );
  if (rows.length === 0) throw forbidden();
}

export async function listTemplates(ctx: Ctx, actor: Actor, agencyId: string) {
  if ((await selectRows(ctx.db, sql`select 1 where ${canDraftIn(actor, agencyId)}`)).length === 0)
    throw forbidden();
  const rows = await ctx.db
    .select()
    .from(documentTemplates)
    .where(eq(documentTemplates.agencyId, agencyId))
    .orderBy(asc(documentTemplates.name));
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    typeCode: r.typeCode,
    name: r.name,
    bodyHtml: r.bodyHtml,
  }));
}

export async function createTemplate(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  input: { typeCode: string; name: string; bodyHtml: string },
) {
  return inTransaction(ctx, async (tx) => {
    await assertKeeper(tx, actor, agencyId);
    const [agency] = await selectRows<{ country: 'vn' | 'kr' }>(
      tx.db,
      sql`select country from agencies where id = ${agencyId}`,
    );
    if (!documentTypes.some((t) => t.code === input.typeCode && t.country === agency?.country)) {
      throw new AppError('bad_request', 'documents.type_not_in_profile', { type: input.typeCode });
    }
    const [row] = await tx.db
      .insert(documentTemplates)
      .values({
        agencyId,
        typeCode: input.typeCode,
        name: input.name,
        bodyHtml: sanitizeRichText(input.bodyHtml),
      })
      .returning();
    await recordAudit(tx, {
      action: 'documents.template_created',
      entityType: 'document_template',
      entityId: row!.id,
      agencyId,
      after: { name: input.name, typeCode: input.typeCode },
    });
    return { id: row!.id, agencyId, typeCode: row!.typeCode, name: row!.name, bodyHtml: row!.bodyHtml };
  });
}

export async function deleteTemplate(ctx: Ctx, actor: Actor, id: string) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(documentTemplates).where(eq(documentTemplates.id, id));
    if (!row) throw notFound();
    await assertKeeper(tx, actor, row.agencyId);
    await tx.db.delete(documentTemplates).where(and(eq(documentTemplates.id, id)));
    await recordAudit(tx, {
      action: 'documents.template_deleted',
      entityType: 'document_template',
      entityId: id,
      agencyId: row.agencyId,
      before: { name: row.name },
    });
  });
}
