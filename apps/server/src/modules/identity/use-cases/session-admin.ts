import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import * as q from '../identity.queries.ts';

// A person's view of their own sessions: list them, end one, or end all ("sign out everywhere").

export async function listSessions(ctx: Ctx, actor: Actor) {
  return (await q.listLiveSessions(ctx.db, actor.userId, ctx.now)).map((s) => ({
    id: s.id.slice(0, 16),
    current: s.id === actor.sessionId,
    ip: s.ip,
    userAgent: s.userAgent,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
  }));
}

/** `id` is the short public id shown in the list (a prefix of the stored hash), or the full id. */
export async function revokeOne(ctx: Ctx, actor: Actor, id: string) {
  await inTransaction(ctx, async (tx) => {
    const live = await q.listLiveSessions(tx.db, actor.userId, tx.now);
    const target = live.find((s) => s.id === id || s.id.slice(0, 16) === id);
    if (!target) throw notFound();
    await q.revokeSessions(tx.db, actor.userId, tx.now, target.id);
    await recordAudit(tx, {
      action: 'identity.session.revoked',
      entityType: 'session',
      entityId: target.id.slice(0, 16),
    });
  });
}

export async function revokeAll(ctx: Ctx, actor: Actor) {
  await inTransaction(ctx, async (tx) => {
    const revoked = await q.revokeSessions(tx.db, actor.userId, tx.now);
    await recordAudit(tx, {
      action: 'identity.session.revoked_all',
      entityType: 'user',
      entityId: actor.userId,
      detail: { count: revoked.length },
    });
    await tx.hub.publish(tx.db, { userIds: [actor.userId], message: { type: 'session.revoked' } });
  });
}
