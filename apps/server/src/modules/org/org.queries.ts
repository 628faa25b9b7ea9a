import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/db.ts';
import { users } from '../identity/identity.tables.ts';
import { agencies, agencyTiers, delegations, positions, posts, units } from './org.tables.ts';

// SQL only. Scope conditions are passed in by the service; nothing here decides who may see what.

export const listTiers = (db: Db) => db.select().from(agencyTiers).orderBy(asc(agencyTiers.rank));
export const findTier = async (db: Db, code: string) =>
  (await db.select().from(agencyTiers).where(eq(agencyTiers.code, code)))[0];

export const findAgencyById = async (db: Db, id: string) =>
  (await db.select().from(agencies).where(eq(agencies.id, id)))[0];

export const insertAgency = async (db: Db, values: typeof agencies.$inferInsert) =>
  (await db.insert(agencies).values(values).returning())[0]!;

export const updateAgency = async (db: Db, id: string, set: Partial<typeof agencies.$inferInsert>) =>
  (await db.update(agencies).set(set).where(eq(agencies.id, id)).returning())[0]!;

/** Rewrites the path prefix of a whole subtree in one statement (moving an agency moves its descendants). */
export const updateSubtreePaths = (db: Db, oldPrefix: string, newPrefix: string) =>
  db
    .update(agencies)
    .set({ path: sql`${newPrefix} || substr(${agencies.path}, ${oldPrefix.length + 1})` })
    .where(sql`${agencies.path} like ${`${oldPrefix}%`}`);

export const listUnits = (db: Db, agencyId: string) =>
  db.select().from(units).where(eq(units.agencyId, agencyId)).orderBy(asc(units.code));
export const findUnitById = async (db: Db, id: string) =>
  (await db.select().from(units).where(eq(units.id, id)))[0];
export const insertUnit = async (db: Db, values: typeof units.$inferInsert) =>
  (await db.insert(units).values(values).returning())[0]!;
export const updateUnit = async (db: Db, id: string, set: Partial<typeof units.$inferInsert>) =>
  (await db.update(units).set(set).where(eq(units.id, id)).returning())[0]!;

export const listPositions = (db: Db, agencyId: string) =>
  db
    .select()
    .from(positions)
    .where(eq(positions.agencyId, agencyId))
    .orderBy(asc(positions.rank), asc(positions.name));
export const findPositionById = async (db: Db, id: string) =>
  (await db.select().from(positions).where(eq(positions.id, id)))[0];
export const insertPosition = async (db: Db, values: typeof positions.$inferInsert) =>
  (await db.insert(positions).values(values).returning())[0]!;

export type PostRole = (typeof posts.$inferInsert)['role'];
export const insertPost = async (db: Db, values: typeof posts.$inferInsert) =>
  (await db.insert(posts).values(values).returning())[0]!;
export const findPostById = async (db: Db, id: string) =>
  (await db.select().from(posts).where(eq(posts.id, id)))[0];
export const updatePost = async (db: Db, id: string, set: Partial<typeof posts.$inferInsert>) =>
  (await db.update(posts).set(set).where(eq(posts.id, id)).returning())[0]!;

/** Active and inactive posts of several people, with unit, position and agency names, in one query. */
export const listPostsOfUsers = (db: Db, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: posts.id,
          userId: posts.userId,
          agencyId: posts.agencyId,
          agencyCode: agencies.code,
          agencyName: agencies.name,
          country: agencies.country,
          unitId: posts.unitId,
          unitName: units.name,
          positionId: posts.positionId,
          positionName: positions.name,
          role: posts.role,
          active: posts.active,
        })
        .from(posts)
        .innerJoin(agencies, eq(agencies.id, posts.agencyId))
        .leftJoin(units, eq(units.id, posts.unitId))
        .leftJoin(positions, eq(positions.id, posts.positionId))
        .where(sql`${posts.userId} in ${userIds}`)
        .orderBy(asc(positions.rank), asc(agencies.path));

export const listUserIdsOfAgency = async (db: Db, agencyId: string) =>
  (await db.selectDistinct({ userId: posts.userId }).from(posts).where(eq(posts.agencyId, agencyId))).map(
    (r) => r.userId,
  );

const fromUser = alias(users, 'from_user');
const toUser = alias(users, 'to_user');
export const listDelegations = (db: Db, agencyId: string) =>
  db
    .select({ d: delegations, fromName: fromUser.displayName, toName: toUser.displayName })
    .from(delegations)
    .innerJoin(fromUser, eq(fromUser.id, delegations.fromUserId))
    .innerJoin(toUser, eq(toUser.id, delegations.toUserId))
    .where(eq(delegations.agencyId, agencyId))
    .orderBy(sql`${delegations.validFrom} desc`);
export const findDelegationById = async (db: Db, id: string) =>
  (await db.select().from(delegations).where(eq(delegations.id, id)))[0];
export const insertDelegation = async (db: Db, values: typeof delegations.$inferInsert) =>
  (await db.insert(delegations).values(values).returning())[0]!;
export const updateDelegation = async (db: Db, id: string, set: Partial<typeof delegations.$inferInsert>) =>
  (await db.update(delegations).set(set).where(eq(delegations.id, id)).returning())[0]!;

export const hasActivePostIn = async (db: Db, userId: string, agencyId: string) =>
  (
    await db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.userId, userId), eq(posts.agencyId, agencyId), eq(posts.active, true)))
      .limit(1)
  ).length > 0;
