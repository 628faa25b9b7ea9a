import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/http/context.ts';
import { notifications } from './notifications.tables.ts';

// In-app notifications: stored, then pushed on the user's realtime channel when the transaction commits.

export type NotifyInput = {
  userId: string;
  kind: string;
  params?: Record<string, string | number>;
  link?: string;
};

const toDto = (n: typeof notifications.$inferSelect) => ({
  id: n.id,
  kind: n.kind,
  params: n.params,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  read: n.readAt !== null,
});

export async function notify(ctx: Ctx, input: NotifyInput): Promise<void> {
  const [row] = await ctx.db
    .insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      params: input.params ?? {},
      link: input.link,
      createdAt: ctx.now,
    })
    .returning();
  await ctx.hub.publish(ctx.db, {
    userIds: [input.userId],
    message: { type: 'notification', notification: toDto(row!) },
  });
}

export async function listNotifications(ctx: Ctx, userId: string, limit = 30) {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const [count] = await ctx.db
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items: rows.map(toDto), unread: count?.unread ?? 0 };
}

/** Marks one (or, without an id, every) unread notification of the user as read; returns how many changed. */
export async function markRead(ctx: Ctx, userId: string, id?: string): Promise<number> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
