import { and, eq, sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { localYear } from '../dispatch.policy.ts';
import { deliveries, deliveryPeople } from '../dispatch.tables.ts';
import { announceArrival } from './issue.ts';
import { deliveryAudience, inboxChanged } from './live.ts';
import { nextNumber } from './numbering.ts';

// The receiving side of a delivery: the clerk receives it (tiếp nhận / 접수, with the incoming number) or
// returns it, distributes it to a unit (배부); a head assigns the lead handler (chủ trì), co-handlers (phối hợp)
// and the deadline; the handler closes it or replies; others get it for information (공람 / để biết).

type Delivery = typeof deliveries.$inferSelect;
type Role = 'clerk' | 'head' | 'lead' | 'member';

async function lockDelivery(
  ctx: Ctx,
  id: string,
): Promise<Delivery & { country: 'vn' | 'kr'; subject: string; drafter_id: string }> {
  const [d] = await ctx.db.select().from(deliveries).where(eq(deliveries.id, id)).for('update');
  if (!d) throw notFound();
  const [extra] = await selectRows<{ country: 'vn' | 'kr'; subject: string; drafter_id: string }>(
    ctx.db,
    sql`select a.country, doc.subject, doc.drafter_id from agencies a, documents doc where a.id = ${d.toAgencyId} and doc.id = ${d.documentId}`,
  );
  return { ...d, ...extra! };
}

/** The actor's standing towards a delivery; 404 when they have none (the copy is not theirs to see). */
async function standing(ctx: Ctx, actor: Actor, d: Delivery): Promise<Set<Role>> {
  const rows = await selectRows<{ role: string }>(
    ctx.db,
    sql`select role from posts where user_id = ${actor.userId} and agency_id = ${d.toAgencyId} and active
        union all select case when role = 'lead' then 'lead' else 'member' end from delivery_people where delivery_id = ${d.id} and user_id = ${actor.userId}`,
  );
  const roles = new Set<Role>();
  for (const r of rows) {
    if (r.role === 'clerk' || r.role === 'head' || r.role === 'lead') roles.add(r.role);
    if (r.role === 'member' || r.role === 'agency_admin') roles.add('member');
  }
  if (roles.size === 0) throw notFound();
  return roles;
}

/** Runs one change of a delivery under its row lock, after the role check; `fn` must use the transaction `tx`. */
async function change(
  ctx: Ctx,
  actor: Actor,
  id: string,
  need: Role[],
  fn: (d: Awaited<ReturnType<typeof lockDelivery>>, tx: Ctx) => Promise<Record<string, unknown>>,
) {
  return inTransaction(ctx, async (tx) => {
    const d = await lockDelivery(tx, id);
    const roles = await standing(tx, actor, d);
    if (!need.some((r) => roles.has(r))) throw forbidden();
    if (d.state === 'recalled') throw new AppError('conflict', 'dispatch.frozen');
    // Counters of those concerned before and after (an assignment may replace the handlers).
    const before = await deliveryAudience(tx, [id]);
    const detail = await fn(d, tx);
    await inboxChanged(tx, [actor.userId, ...before, ...(await deliveryAudience(tx, [id]))]);
    await recordAudit(tx, {
      action: `dispatch.${String(detail.action)}`,
      entityType: 'delivery',
      entityId: id,
      agencyId: d.toAgencyId,
      detail,
    });
  });
}

export const receive = (ctx: Ctx, actor: Actor, id: string) =>
  change(ctx, actor, id, ['clerk'], async (d, tx) => {
    if (d.state !== 'sent') throw new AppError('conflict', 'dispatch.not_waiting');
    const year = localYear(d.country, tx.now);
    const incomingNumber = await nextNumber(tx, d.toAgencyId, 'incoming', year);
    await tx.db
      .update(deliveries)
      .set({
        state: 'received',
        receivedAt: tx.now,
        receivedBy: actor.userId,
        incomingNumber,
        incomingYear: year,
      })
      .where(eq(deliveries.id, d.id));
    await notify(tx, {
      userId: d.drafter_id,
      kind: 'dispatch.received_by_recipient',
      params: { subject: d.subject },
      link: `/documents/${d.documentId}`,
    });
    return { action: 'received', incomingNumber, year };
  });

/**
 * Forwarding (이송 / chuyển văn bản): a copy that is not this agency's business goes on to the competent agency
 * on the platform; this copy is settled as forwarded, the sender is told, and the new recipient's clerks are
 * announced a copy that comes from this agency.
 */
export const forward = (ctx: Ctx, actor: Actor, id: string, input: { toAgencyId: string; reason: string }) =>
  change(ctx, actor, id, ['clerk'], async (d, tx) => {
    const open =
      d.state === 'sent' ||
      (d.state === 'received' && (d.handling === 'unassigned' || d.handling === 'assigned'));
    if (!open) throw new AppError('conflict', 'dispatch.not_forwardable');
    const [target] = await selectRows<{ ok: boolean; issuer: boolean; delivered: boolean }>(
      tx.db,
      sql`select a.active as ok, a.id = doc.agency_id as issuer,
            exists (select 1 from deliveries x where x.document_id = doc.id and x.to_agency_id = a.id
                      and x.state not in ('forwarded', 'returned')) as delivered
          from agencies a, documents doc where a.id = ${input.toAgencyId} and doc.id = ${d.documentId}`,
    );
    if (!target?.ok || input.toAgencyId === d.toAgencyId)
      throw new AppError('bad_request', 'dispatch.bad_forward_target');
    if (target.issuer) throw new AppError('bad_request', 'dispatch.forward_to_sender');
    if (target.delivered) throw new AppError('conflict', 'dispatch.already_delivered');
    await tx.db
      .update(deliveries)
      .set({ state: 'forwarded', returnReason: input.reason, handledAt: tx.now })
      .where(eq(deliveries.id, d.id));
    const [copy] = await tx.db
      .insert(deliveries)
      .values({
        documentId: d.documentId,
        fromAgencyId: d.toAgencyId,
        toAgencyId: input.toAgencyId,
        state: 'sent',
        sentAt: tx.now,
        deadline: d.deadline,
      })
      .returning({ id: deliveries.id });
    await notify(tx, {
      userId: d.drafter_id,
      kind: 'dispatch.forwarded_by_recipient',
      params: { subject: d.subject, reason: input.reason },
      link: `/documents/${d.documentId}`,
    });
    await announceArrival(tx, [input.toAgencyId], d.subject, '');
    return { action: 'forwarded', to: input.toAgencyId, copy: copy!.id, reason: input.reason };
  });

export const returnToSender = (ctx: Ctx, actor: Actor, id: string, reason: string) =>
  change(ctx, actor, id, ['clerk'], async (d, tx) => {
    if (d.state !== 'sent') throw new AppError('conflict', 'dispatch.not_waiting');
    await tx.db
      .update(deliveries)
      .set({ state: 'returned', returnReason: reason })
      .where(eq(deliveries.id, d.id));
    await notify(tx, {
      userId: d.drafter_id,
      kind: 'dispatch.returned_by_recipient',
      params: { subject: d.subject, reason },
      link: `/documents/${d.documentId}`,
    });
    return { action: 'returned', reason };
  });

export const distribute = (ctx: Ctx, actor: Actor, id: string, unitId: string) =>
  change(ctx, actor, id, ['clerk'], async (d, tx) => {
    if (d.state !== 'received') throw new AppError('conflict', 'dispatch.not_received');
    const ok = await selectRows(
      tx.db,
      sql`select 1 from units where id = ${unitId} and agency_id = ${d.toAgencyId} and active`,
    );
    if (ok.length === 0) throw new AppError('bad_request', 'dispatch.unit_not_in_agency');
    await tx.db.update(deliveries).set({ unitId, distributedAt: tx.now }).where(eq(deliveries.id, d.id));
    const heads = await selectRows<{ user_id: string }>(
      tx.db,
      sql`select distinct user_id from posts where agency_id = ${d.toAgencyId} and role = 'head' and active and (unit_id = ${unitId} or unit_id is null)`,
    );
    for (const h of heads)
      await notify(tx, {
        userId: h.user_id,
        kind: 'dispatch.to_assign',
        params: { subject: d.subject },
        link: `/deliveries/${d.id}`,
      });
    return { action: 'distributed', unitId };
  });

async function assertMembers(ctx: Ctx, agencyId: string, userIds: string[]) {
  const rows = await selectRows<{ user_id: string }>(
    ctx.db,
    sql`select distinct user_id from posts where agency_id = ${agencyId} and active and user_id in ${userIds}`,
  );
  if (rows.length !== new Set(userIds).size)
    throw new AppError('bad_request', 'dispatch.handler_not_in_agency');
}

export type Assignment = {
  leadId: string;
  coIds: string[];
  deadline: string | null;
  instruction: string | null;
};

export const assign = (ctx: Ctx, actor: Actor, id: string, a: Assignment) =>
  change(ctx, actor, id, ['head'], async (d, tx) => {
    if (d.state !== 'received' || d.handling === 'closed' || d.handling === 'replied')
      throw new AppError('conflict', 'dispatch.not_assignable');
    if (a.coIds.includes(a.leadId)) throw new AppError('bad_request', 'dispatch.lead_is_co');
    await assertMembers(tx, d.toAgencyId, [a.leadId, ...a.coIds]);
    await tx.db
      .delete(deliveryPeople)
      .where(and(eq(deliveryPeople.deliveryId, d.id), sql`${deliveryPeople.role} in ('lead','co')`));
    const rows = [
      { userId: a.leadId, role: 'lead' as const },
      ...a.coIds.map((userId) => ({ userId, role: 'co' as const })),
    ];
    await tx.db
      .insert(deliveryPeople)
      .values(rows.map((r) => ({ deliveryId: d.id, ...r, addedAt: tx.now })))
      .onConflictDoUpdate({
        target: [deliveryPeople.deliveryId, deliveryPeople.userId],
        set: { role: sql`excluded.role` },
      });
    const deadline = a.deadline ? new Date(a.deadline) : d.deadline;
    await tx.db
      .update(deliveries)
      .set({ handling: 'assigned', assignedBy: actor.userId, deadline, instruction: a.instruction })
      .where(eq(deliveries.id, d.id));
    for (const r of rows)
      await notify(tx, {
        userId: r.userId,
        kind: r.role === 'lead' ? 'dispatch.assigned_lead' : 'dispatch.assigned_co',
        params: { subject: d.subject },
        link: `/deliveries/${d.id}`,
      });
    return { action: 'assigned', lead: a.leadId, co: a.coIds, deadline: deadline?.toISOString() ?? null };
  });

export const close = (ctx: Ctx, actor: Actor, id: string, resultNote: string) =>
  change(ctx, actor, id, ['lead'], async (d, tx) => {
    if (d.handling !== 'assigned') throw new AppError('conflict', 'dispatch.not_in_handling');
    await tx.db
      .update(deliveries)
      .set({ handling: 'closed', handledAt: tx.now, resultNote })
      .where(eq(deliveries.id, d.id));
    await notify(tx, {
      userId: d.drafter_id,
      kind: 'dispatch.handled_by_recipient',
      params: { subject: d.subject },
      link: `/documents/${d.documentId}`,
    });
    return { action: 'closed', resultNote };
  });

/** Directive task: the receiving agency reports it done (the sender sees completion per recipient). */
export const completeTask = (ctx: Ctx, actor: Actor, id: string, report: string) =>
  change(ctx, actor, id, ['lead', 'head'], async (d, tx) => {
    if (d.state !== 'received') throw new AppError('conflict', 'dispatch.not_received');
    if (d.taskDoneAt) throw new AppError('conflict', 'dispatch.task_done');
    await tx.db
      .update(deliveries)
      .set({ taskDoneAt: tx.now, taskReport: report })
      .where(eq(deliveries.id, d.id));
    await notify(tx, {
      userId: d.drafter_id,
      kind: 'dispatch.task_completed',
      params: { subject: d.subject },
      link: `/documents/${d.documentId}`,
    });
    return { action: 'task_completed', report };
  });

export const circulate = (ctx: Ctx, actor: Actor, id: string, userIds: string[]) =>
  change(ctx, actor, id, ['head', 'lead'], async (d, tx) => {
    if (d.state !== 'received') throw new AppError('conflict', 'dispatch.not_received');
    await assertMembers(tx, d.toAgencyId, userIds);
    await tx.db
      .insert(deliveryPeople)
      .values(
        userIds.map((userId) => ({ deliveryId: d.id, userId, role: 'reader' as const, addedAt: tx.now })),
      )
      .onConflictDoNothing();
    for (const u of userIds)
      await notify(tx, {
        userId: u,
        kind: 'dispatch.for_information',
        params: { subject: d.subject },
        link: `/deliveries/${d.id}`,
      });
    return { action: 'circulated', readers: userIds };
  });

/** Records the first time each handler or reader opens the copy (the circulation record of 공람). */
export async function markViewed(ctx: Ctx, actor: Actor, id: string) {
  await ctx.db
    .update(deliveryPeople)
    .set({ viewedAt: ctx.now })
    .where(
      and(
        eq(deliveryPeople.deliveryId, id),
        eq(deliveryPeople.userId, actor.userId),
        sql`${deliveryPeople.viewedAt} is null`,
      ),
    );
}
