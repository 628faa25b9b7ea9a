import { and, asc, eq, sql } from 'drizzle-orm';
import { selectRows } from '../../platform/db/db.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { approvalSteps } from './approvals.tables.ts';

// SQL of the approvals module; the rules are in use-cases/.

export const currentRound = async (ctx: Ctx, documentId: string) =>
  (
    await selectRows<{ r: number | null }>(
      ctx.db,
      sql`select max(round) as r from approval_steps where document_id = ${documentId}`,
    )
  )[0]?.r ?? 0;

export const roundSteps = (ctx: Ctx, documentId: string, round: number) =>
  ctx.db
    .select()
    .from(approvalSteps)
    .where(and(eq(approvalSteps.documentId, documentId), eq(approvalSteps.round, round)))
    .orderBy(asc(approvalSteps.seq));

export async function clerksOf(ctx: Ctx, agencyId: string) {
  const rows = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`select distinct user_id from posts where agency_id = ${agencyId} and role = 'clerk' and active`,
  );
  return rows.map((r) => r.user_id);
}
