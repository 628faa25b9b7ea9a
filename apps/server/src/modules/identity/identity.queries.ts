import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { authChallenges, passkeys, sessions, users } from './identity.tables.ts';

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export const findUserByUsername = async (db: Db, username: string) =>
  (await db.select().from(users).where(eq(users.username, username.toLowerCase())))[0];
export const findUserById = async (db: Db, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)))[0];
export const insertUser = async (db: Db, values: typeof users.$inferInsert) =>
  (await db.insert(users).values(values).returning())[0]!;
export const updateUser = async (db: Db, id: string, set: Partial<typeof users.$inferInsert>) =>
  (await db.update(users).set(set).where(eq(users.id, id)).returning())[0]!;
export const listUsersByIds = (db: Db, ids: string[]) =>
  ids.length
    ? db.select().from(users).where(sql`${users.id} in ${ids}`).orderBy(users.displayName)
    : Promise.resolve([]);
export const countUsers = async (db: Db) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n ?? 0;

export const insertSession = (db: Db, values: typeof sessions.$inferInsert) =>
  db.insert(sessions).values(values);

/** The live session for a token hash, with its user, in one query. */
export const findLiveSession = async (db: Db, id: string, now: Date) =>
  (
    await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.id, id),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          eq(users.active, true),
        ),
      )
  )[0];
export const updateSession = (db: Db, id: string, set: Partial<typeof sessions.$inferInsert>) =>
  db.update(sessions).set(set).where(eq(sessions.id, id));
export const listLiveSessions = (db: Db, userId: string, now: Date) =>
  db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
export const revokeSessions = (db: Db, userId: string, now: Date, id?: string) =>
  db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), id ? eq(sessions.id, id) : undefined))
    .returning({ id: sessions.id });
export const hasSignedInFrom = async (db: Db, userId: string, ip: string) =>
  (
    await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), eq(sessions.ip, ip)))
      .limit(1)
  ).length > 0;

export const listPasskeys = (db: Db, userId: string) =>
  db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(passkeys.createdAt);
export const findPasskey = async (db: Db, id: string) =>
  (await db.select().from(passkeys).where(eq(passkeys.id, id)))[0];
export const insertPasskey = (db: Db, values: typeof passkeys.$inferInsert) =>
  db.insert(passkeys).values(values);
export const updatePasskey = (db: Db, id: string, set: Partial<typeof passkeys.$inferInsert>) =>
  db.update(passkeys).set(set).where(eq(passkeys.id, id));
export const deletePasskey = (db: Db, userId: string, id: string) =>
  db
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning({ id: passkeys.id });

export const insertChallenge = (db: Db, values: typeof authChallenges.$inferInsert) =>
  db.insert(authChallenges).values(values);
/** Takes a challenge out (one use); expired ones are cleared on the way. */
export const takeChallenge = async (
  db: Db,
  challenge: string,
  purpose: 'register' | 'authenticate',
  now: Date,
) => {
  await db.delete(authChallenges).where(lt(authChallenges.expiresAt, now));
  return (
    await db
      .delete(authChallenges)
      .where(and(eq(authChallenges.challenge, challenge), eq(authChallenges.purpose, purpose)))
      .returning()
  )[0];
};
