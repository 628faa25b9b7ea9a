import type { MemberInput, MemberUpdate } from '@civicdesk/contracts/committees';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { assertManage } from '../committees.access.ts';
import { consecutiveTerms, termProblem } from '../committees.policy.ts';
import * as q from '../committees.queries.ts';
import { committeeMembers } from '../committees.tables.ts';
import { pledgeVersion } from './pledge.ts';

// Members and their seats: one chair, at most one vice-chair, appointed terms no longer than the committee's
// term and no more consecutive terms than allowed, and no more concurrent seats across the platform than the
// committee's concurrency limit (겸직 제한).

type Role = z.infer<typeof MemberInput>['role'];
type Seat = {
  userId: string;
  role: Role;
  type: 'ex_officio' | 'appointed';
  termStart: string;
  termEnd: string;
  /** The membership row being changed (left out of every count). */
  exceptId: string | null;
};

export async function listMembers(ctx: Ctx, committeeId: string) {
  const rows = await selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select m.*, u.display_name, u.kind, sp.pledged_at
        from committee_members m join users u on u.id = m.user_id
        left join security_pledges sp on sp.user_id = m.user_id and sp.version = ${pledgeVersion}
        where m.committee_id = ${committeeId}
        order by m.active desc, case m.role when 'chair' then 0 when 'vice_chair' then 1 when 'member' then 2 else 3 end,
          m.succession nulls last, u.display_name`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    userId: r.user_id as string,
    name: r.display_name as string,
    external: r.kind === 'external',
    role: r.role as Role,
    type: r.type as Seat['type'],
    termStart: r.term_start as string,
    termEnd: r.term_end as string,
    succession: r.succession == null ? null : Number(r.succession),
    active: Boolean(r.active),
    pledgedAt: q.iso(r.pledged_at as Date | null),
  }));
}

/** The seat rules; run under the committee's row lock so two secretaries cannot seat two chairs at once. */
export async function checkSeat(tx: Ctx, committee: q.CommitteeRow, seat: Seat) {
  for (const role of ['chair', 'vice_chair'] as const) {
    if (seat.role === role && (await q.countActiveInRole(tx.db, committee.id, role, seat.exceptId)) > 0)
      throw new AppError('conflict', `committees.${role}_taken`);
  }
  const earlier = (await q.listMembershipsOfUser(tx.db, committee.id, seat.userId)).filter(
    (m) => m.id !== seat.exceptId,
  );
  if (earlier.some((m) => m.active)) throw new AppError('conflict', 'committees.already_member');
  const term = { start: seat.termStart, end: seat.termEnd };
  const previous = earlier.map((m) => ({ start: m.termStart, end: m.termEnd }));
  const problem =
    seat.type === 'appointed'
      ? termProblem(term, committee.termYears, consecutiveTerms(previous, seat.termStart), committee.maxTerms)
      : termProblem(term, 100, 0, 1);
  if (problem)
    throw new AppError('bad_request', problem, { years: committee.termYears, max: committee.maxTerms });
  if (seat.type === 'appointed' && seat.role !== 'secretary') {
    const seats = await q.countOtherSeats(tx.db, seat.userId, committee.id);
    if (seats + 1 > committee.concurrencyLimit)
      throw new AppError('conflict', 'committees.concurrency_limit', {
        limit: committee.concurrencyLimit,
        seats,
      });
  }
}

/** Staff with a post in the committee's agency, or an external account. */
async function assertEligible(ctx: Ctx, agencyId: string, userId: string) {
  const [row] = await selectRows<{ kind: string; staff_here: boolean }>(
    ctx.db,
    sql`select u.kind, exists (select 1 from posts p where p.user_id = u.id and p.agency_id = ${agencyId} and p.active) as staff_here
        from users u where u.id = ${userId}`,
  );
  if (!row || (row.kind !== 'external' && !(row.kind === 'staff' && row.staff_here)))
    throw new AppError('bad_request', 'committees.member_not_eligible');
}

/** Inserts a seat after its checks (used by appointment and by invitation). */
export async function insertMember(
  tx: Ctx,
  committee: q.CommitteeRow,
  seat: Omit<Seat, 'exceptId'> & { succession: number | null },
) {
  await checkSeat(tx, committee, { ...seat, exceptId: null });
  const [row] = await tx.db
    .insert(committeeMembers)
    .values({ ...seat, committeeId: committee.id, createdAt: tx.now })
    .returning();
  await recordAudit(tx, {
    action: 'committees.member_added',
    entityType: 'committee',
    entityId: committee.id,
    agencyId: committee.agencyId,
    after: row,
  });
  return row!;
}

export async function addMember(
  ctx: Ctx,
  actor: Actor,
  committeeId: string,
  input: z.infer<typeof MemberInput>,
) {
  const access = await assertManage(ctx, actor, committeeId);
  await assertEligible(ctx, access.agencyId, input.userId);
  const id = await inTransaction(ctx, async (tx) => {
    const committee = (await q.findCommittee(tx.db, committeeId, true))!;
    const row = await insertMember(tx, committee, input);
    await notify(tx, {
      userId: input.userId,
      kind: 'committees.member_added',
      params: { committee: committee.name, role: input.role },
      link: `/committees/${committeeId}`,
    });
    return row.id;
  });
  return (await listMembers(ctx, committeeId)).find((m) => m.id === id)!;
}

export async function updateMember(
  ctx: Ctx,
  actor: Actor,
  committeeId: string,
  memberId: string,
  input: z.infer<typeof MemberUpdate>,
) {
  await assertManage(ctx, actor, committeeId);
  await inTransaction(ctx, async (tx) => {
    const committee = (await q.findCommittee(tx.db, committeeId, true))!;
    const before = await q.findMember(tx.db, committeeId, memberId);
    if (!before) throw notFound();
    const after = { ...before, ...input };
    // Ending a seat needs no check; keeping or reopening one re-checks every rule with the new values.
    if (after.active)
      await checkSeat(tx, committee, {
        userId: before.userId,
        role: after.role,
        type: before.type,
        termStart: before.termStart,
        termEnd: after.termEnd,
        exceptId: memberId,
      });
    const [row] = await tx.db
      .update(committeeMembers)
      .set(input)
      .where(eq(committeeMembers.id, memberId))
      .returning();
    await recordAudit(tx, {
      action: input.active === false ? 'committees.member_ended' : 'committees.member_updated',
      entityType: 'committee',
      entityId: committeeId,
      agencyId: committee.agencyId,
      before,
      after: row,
    });
  });
  return (await listMembers(ctx, committeeId)).find((m) => m.id === memberId)!;
}
