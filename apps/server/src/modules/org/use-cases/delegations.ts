import type { DelegationCreate } from '@civicdesk/contracts/org';
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import * as q from '../org.queries.ts';
import { assertMember, isAdminOf } from '../org.service.ts';
import { delegations } from '../org.tables.ts';

// Delegation is law (Decree 30/2020 Art. 13; 위임전결규정): a written, time-limited rule. Marks follow the
// agency's country: Vietnam KT./TL./TUQ./Q., Korea 전결 / 대결. TUQ. may not be delegated onwards.
const marksByCountry = { vn: ['KT', 'TL', 'TUQ', 'Q'], kr: ['JEONGYEOL', 'DAEGYEOL'] } as const;
const actingMarks = ['Q', 'DAEGYEOL'];

export async function listDelegations(ctx: Ctx, actor: Actor, agencyId: string) {
  await assertMember(ctx, actor, agencyId);
  const rows = await q.listDelegations(ctx.db, agencyId);
  return rows.map(({ d, fromName, toName }) => ({ ...d, fromName, toName, revoked: d.revokedAt !== null }));
}

export async function createDelegation(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  input: z.infer<typeof DelegationCreate>,
) {
  return inTransaction(ctx, async (tx) => {
    const agency = await assertMember(tx, actor, agencyId);
    const admin = await isAdminOf(tx.db, actor, agencyId);
    if (!admin && input.fromUserId !== actor.userId) throw forbidden();
    if (input.fromUserId === input.toUserId) throw new AppError('bad_request', 'org.delegation_self');
    if (input.validTo < input.validFrom) throw new AppError('bad_request', 'org.delegation_period');
    if (!(marksByCountry[agency.country] as readonly string[]).includes(input.mark)) {
      throw new AppError('bad_request', 'org.delegation_mark', { mark: input.mark });
    }
    if ((input.kind === 'acting') !== actingMarks.includes(input.mark)) {
      throw new AppError('bad_request', 'org.delegation_kind_mark');
    }
    for (const userId of [input.fromUserId, input.toUserId]) {
      if (!(await q.hasActivePostIn(tx.db, userId, agencyId)))
        throw new AppError('bad_request', 'org.delegation_not_member');
    }
    if (await holdsReceivedTuq(tx, input.fromUserId, agencyId, input.validFrom, input.validTo)) {
      throw new AppError('conflict', 'org.delegation_tuq_onward');
    }
    const row = await q.insertDelegation(tx.db, { ...input, agencyId, createdBy: actor.userId });
    await recordAudit(tx, {
      action: 'org.delegation.created',
      entityType: 'delegation',
      entityId: row.id,
      agencyId,
      after: row,
    });
    await notify(tx, {
      userId: input.toUserId,
      kind: 'org.delegation_received',
      params: { mark: input.mark, from: input.validFrom, to: input.validTo },
    });
    return row;
  });
}

/** A person who holds authority by TUQ. (thừa uỷ quyền) in the period cannot pass any authority on. */
async function holdsReceivedTuq(ctx: Ctx, userId: string, agencyId: string, from: string, to: string) {
  const rows = await ctx.db
    .select({ id: delegations.id })
    .from(delegations)
    .where(
      and(
        eq(delegations.toUserId, userId),
        eq(delegations.agencyId, agencyId),
        eq(delegations.mark, 'TUQ'),
        isNull(delegations.revokedAt),
        lte(delegations.validFrom, to),
        gte(delegations.validTo, from),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function revokeDelegation(ctx: Ctx, actor: Actor, id: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await q.findDelegationById(tx.db, id);
    if (!before) throw notFound();
    await assertMember(tx, actor, before.agencyId);
    if (before.fromUserId !== actor.userId && !(await isAdminOf(tx.db, actor, before.agencyId)))
      throw forbidden();
    if (before.revokedAt) throw new AppError('conflict', 'org.delegation_revoked');
    const after = await q.updateDelegation(tx.db, id, { revokedAt: tx.now });
    await recordAudit(tx, {
      action: 'org.delegation.revoked',
      entityType: 'delegation',
      entityId: id,
      agencyId: before.agencyId,
      before,
      after,
    });
    return after;
  });
}
