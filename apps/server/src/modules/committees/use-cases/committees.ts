import type { CommitteeInput, CommitteeUpdate } from '@civicdesk/contracts/committees';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { adminAgencyIds } from '../../org/org.service.ts';
import { committeeAccess, managedCommitteeIds, visibleCommitteeIds } from '../committees.access.ts';
import { ruleSetProblem } from '../committees.policy.ts';
import { findCommittee, iso } from '../committees.queries.ts';
import { committees } from '../committees.tables.ts';
import { listMembers } from './members.ts';

// Committees of an agency with their rule set (quorum, threshold, chair's vote, ties, written deliberation),
// term and concurrency limits and allowance rates. Lists are scoped in SQL: external members see only their own.

type Row = typeof committees.$inferSelect & {
  agency_name: string;
  member_count: number;
  my_role: 'chair' | 'vice_chair' | 'member' | 'secretary' | null;
  can_manage: boolean;
};

function toDto(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    agencyId: r.agency_id as string,
    agencyName: r.agency_name as string,
    name: r.name as string,
    legalBasis: r.legal_basis as string,
    function: r.function as Row['function'],
    rules: r.rules as Row['rules'],
    termYears: Number(r.term_years),
    maxTerms: Number(r.max_terms),
    concurrencyLimit: Number(r.concurrency_limit),
    rates: r.rates as Row['rates'],
    memberCount: Number(r.member_count),
    myRole: (r.my_role as Row['my_role']) ?? null,
    canManage: Boolean(r.can_manage),
    createdAt: iso(r.created_at as Date)!,
  };
}

function selectCommittees(ctx: Ctx, actor: Actor, where: ReturnType<typeof sql>) {
  return selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select c.*, a.name as agency_name,
          (select count(*)::int from committee_members m where m.committee_id = c.id and m.active and m.role <> 'secretary') as member_count,
          (select m.role from committee_members m where m.committee_id = c.id and m.user_id = ${actor.userId} and m.active limit 1) as my_role,
          c.id in (${managedCommitteeIds(actor)}) as can_manage
        from committees c join agencies a on a.id = c.agency_id
        where c.id in (${visibleCommitteeIds(actor)}) and ${where}
        order by a.name, c.name`,
  );
}

export async function listCommittees(ctx: Ctx, actor: Actor, agencyId?: string) {
  const rows = await selectCommittees(ctx, actor, agencyId ? sql`c.agency_id = ${agencyId}` : sql`true`);
  return rows.map(toDto);
}

export async function getCommittee(ctx: Ctx, actor: Actor, id: string) {
  const access = await committeeAccess(ctx, actor, id);
  const [row] = await selectCommittees(ctx, actor, sql`c.id = ${id}`);
  if (!row) throw notFound();
  return { ...toDto(row), members: await listMembers(ctx, access.committeeId) };
}

/** Committee secretaries (posts) and administrators of the agency set committees up. */
async function assertAgencyManager(ctx: Ctx, actor: Actor, agencyId: string) {
  const [row] = await selectRows<{ ok: boolean }>(
    ctx.db,
    sql`select ${agencyId}::uuid in (select agency_id from posts where user_id = ${actor.userId} and active and role = 'secretary'
          union ${adminAgencyIds(actor)}) as ok`,
  );
  if (!row?.ok) throw forbidden();
}

function checkRules(rules: z.infer<typeof CommitteeInput>['rules'] | undefined) {
  if (!rules) return;
  const problem = ruleSetProblem(rules);
  if (problem) throw new AppError('bad_request', problem);
}

export async function createCommittee(ctx: Ctx, actor: Actor, input: z.infer<typeof CommitteeInput>) {
  await assertAgencyManager(ctx, actor, input.agencyId);
  checkRules(input.rules);
  const rules = {
    ...input.rules,
    writtenGrounds: input.rules.writtenAllowed ? input.rules.writtenGrounds : null,
  };
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(committees)
      .values({ ...input, rules, createdAt: tx.now, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, {
      action: 'committees.created',
      entityType: 'committee',
      entityId: row!.id,
      agencyId: input.agencyId,
      after: row,
    });
    return row!.id;
  });
}

export async function updateCommittee(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: z.infer<typeof CommitteeUpdate>,
) {
  const access = await committeeAccess(ctx, actor, id);
  if (!access.manage) throw forbidden();
  checkRules(input.rules);
  await inTransaction(ctx, async (tx) => {
    const before = (await findCommittee(tx.db, id, true))!;
    const set = { ...input };
    if (set.rules && !set.rules.writtenAllowed) set.rules = { ...set.rules, writtenGrounds: null };
    if (Object.keys(set).length === 0) return;
    const [after] = await tx.db.update(committees).set(set).where(eq(committees.id, id)).returning();
    await recordAudit(tx, {
      action: 'committees.updated',
      entityType: 'committee',
      entityId: id,
      agencyId: access.agencyId,
      before,
      after,
    });
  });
}
