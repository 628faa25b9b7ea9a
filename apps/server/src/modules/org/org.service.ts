import { randomUUID } from 'node:crypto';
import type {
  AgencyCreate,
  AgencyUpdate,
  PositionCreate,
  UnitCreate,
  UnitUpdate,
} from '@civicdesk/contracts/org';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, selectRows } from '../../platform/db/db.ts';
import { uniqueOr } from '../../platform/db/unique.ts';
import { type Actor, type Ctx, inTransaction } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { adminAgencyIds, memberAgencyIds, mfaRoles } from './org.policy.ts';
import * as q from './org.queries.ts';
import { agencies, agencyTiers, posts } from './org.tables.ts';

// The organisation tree: agencies (any number of tiers), their units and positions, and people's posts.
export { adminAgencyIds, memberAgencyIds } from './org.policy.ts';
export type { Role } from './org.tables.ts';

export async function isAdminOf(db: Db, actor: Actor, agencyId: string): Promise<boolean> {
  return (
    (await selectRows(db, sql`select 1 as ok where ${agencyId}::uuid in (${adminAgencyIds(actor)})`)).length >
    0
  );
}

async function isMemberOf(db: Db, actor: Actor, agencyId: string): Promise<boolean> {
  return (
    (await selectRows(db, sql`select 1 as ok where ${agencyId}::uuid in (${memberAgencyIds(actor)})`))
      .length > 0
  );
}

/** 404 when the agency does not exist, 403 when the actor does not administer it. */
export async function assertAdmin(ctx: Ctx, actor: Actor, agencyId: string) {
  const agency = await q.findAgencyById(ctx.db, agencyId);
  if (!agency) throw notFound();
  if (!(await isAdminOf(ctx.db, actor, agencyId))) throw forbidden();
  return agency;
}

export async function assertMember(ctx: Ctx, actor: Actor, agencyId: string) {
  const agency = await q.findAgencyById(ctx.db, agencyId);
  if (!agency) throw notFound();
  if (!(await isMemberOf(ctx.db, actor, agencyId))) throw forbidden();
  return agency;
}

export const listTiers = (ctx: Ctx) => q.listTiers(ctx.db);

// The default tiers of a fresh installation; a deployment may add its own rows (the tiers are data, not code).
const defaultTiers = [
  { code: 'ministry', rank: 1, labels: { ko: '중앙부처', vi: 'Bộ, ngành', en: 'Ministry' } },
  { code: 'province', rank: 2, labels: { ko: '광역(시·도)', vi: 'Tỉnh, thành phố', en: 'Province' } },
  { code: 'district', rank: 3, labels: { ko: '기초(시·군·구)', vi: 'Quận, huyện', en: 'District' } },
  { code: 'commune', rank: 4, labels: { ko: '읍·면·동', vi: 'Xã, phường, đặc khu', en: 'Commune' } },
];

export async function ensureDefaultTiers(db: Db) {
  await db.insert(agencyTiers).values(defaultTiers).onConflictDoNothing();
}

/** Staff see every agency (to address documents to them); others only the agencies they belong to. */
export async function listAgencies(ctx: Ctx, actor: Actor) {
  const visible =
    actor.isPlatformAdmin || actor.kind === 'staff'
      ? sql`true`
      : sql`${agencies.id} in (${memberAgencyIds(actor)})`;
  return ctx.db
    .select({
      id: agencies.id,
      parentId: agencies.parentId,
      code: agencies.code,
      name: agencies.name,
      shortName: agencies.shortName,
      tier: agencies.tier,
      country: agencies.country,
      address: agencies.address,
      active: agencies.active,
      canAdmin: sql<boolean>`${agencies.id} in (${adminAgencyIds(actor)})`,
    })
    .from(agencies)
    .where(visible)
    .orderBy(asc(agencies.path), asc(agencies.name));
}

export async function createAgency(ctx: Ctx, actor: Actor, input: z.infer<typeof AgencyCreate>) {
  return inTransaction(ctx, async (tx) => {
    const parent = input.parentId ? await assertAdmin(tx, actor, input.parentId) : null;
    if (!parent && !actor.isPlatformAdmin) throw forbidden();
    if (!(await q.findTier(tx.db, input.tier)))
      throw new AppError('bad_request', 'org.unknown_tier', { tier: input.tier });
    const id = randomUUID();
    const agency = await uniqueOr(
      () =>
        q.insertAgency(tx.db, {
          ...input,
          id,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
        }),
      'org.agency_code_taken',
      { code: input.code },
    );
    await recordAudit(tx, {
      action: 'org.agency.created',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      after: agency,
    });
    return agency;
  });
}

export async function updateAgency(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof AgencyUpdate>) {
  return inTransaction(ctx, async (tx) => {
    const before = await assertAdmin(tx, actor, id);
    const { parentId, ...fields } = input;
    if (parentId !== undefined && parentId !== before.parentId) {
      const parent = parentId ? await assertAdmin(tx, actor, parentId) : null;
      if (!parent && !actor.isPlatformAdmin) throw forbidden();
      if (parent?.path.startsWith(before.path)) throw new AppError('conflict', 'org.agency_cycle');
      const newPath = `${parent?.path ?? '/'}${id}/`;
      await q.updateSubtreePaths(tx.db, before.path, newPath);
      await q.updateAgency(tx.db, id, { parentId });
    }
    const after = Object.keys(fields).length
      ? await q.updateAgency(tx.db, id, fields)
      : await q.findAgencyById(tx.db, id);
    await recordAudit(tx, {
      action: 'org.agency.updated',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function listUnits(ctx: Ctx, actor: Actor, agencyId: string) {
  await assertMember(ctx, actor, agencyId);
  return q.listUnits(ctx.db, agencyId);
}

async function checkParentUnit(ctx: Ctx, agencyId: string, parentUnitId: string, unitId?: string) {
  // Walk up from the new parent: reaching the unit itself would make a cycle. Unit trees are shallow.
  for (let cur: string | null = parentUnitId, hops = 0; cur && hops < 50; hops++) {
    const unit = await q.findUnitById(ctx.db, cur);
    if (!unit || unit.agencyId !== agencyId) throw new AppError('bad_request', 'org.unit_not_in_agency');
    if (unit.id === unitId) throw new AppError('conflict', 'org.unit_cycle');
    cur = unit.parentUnitId;
  }
}

export async function createUnit(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  input: z.infer<typeof UnitCreate>,
) {
  return inTransaction(ctx, async (tx) => {
    await assertAdmin(tx, actor, agencyId);
    if (input.parentUnitId) await checkParentUnit(tx, agencyId, input.parentUnitId);
    const unit = await uniqueOr(() => q.insertUnit(tx.db, { ...input, agencyId }), 'org.unit_code_taken', {
      code: input.code,
    });
    await recordAudit(tx, {
      action: 'org.unit.created',
      entityType: 'unit',
      entityId: unit.id,
      agencyId,
      after: unit,
    });
    return unit;
  });
}

export async function updateUnit(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof UnitUpdate>) {
  return inTransaction(ctx, async (tx) => {
    const before = await q.findUnitById(tx.db, id);
    if (!before) throw notFound();
    await assertAdmin(tx, actor, before.agencyId);
    if (input.parentUnitId) await checkParentUnit(tx, before.agencyId, input.parentUnitId, id);
    const after = await q.updateUnit(tx.db, id, input);
    await recordAudit(tx, {
      action: 'org.unit.updated',
      entityType: 'unit',
      entityId: id,
      agencyId: before.agencyId,
      before,
      after,
    });
    return after;
  });
}

export async function listPositions(ctx: Ctx, actor: Actor, agencyId: string) {
  await assertMember(ctx, actor, agencyId);
  return q.listPositions(ctx.db, agencyId);
}

export async function createPosition(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  input: z.infer<typeof PositionCreate>,
) {
  return inTransaction(ctx, async (tx) => {
    await assertAdmin(tx, actor, agencyId);
    const position = await uniqueOr(
      () => q.insertPosition(tx.db, { ...input, agencyId }),
      'org.position_taken',
      { name: input.name },
    );
    await recordAudit(tx, {
      action: 'org.position.created',
      entityType: 'position',
      entityId: position.id,
      agencyId,
      after: position,
    });
    return position;
  });
}

export type PostInput = {
  userId: string;
  agencyId: string;
  unitId?: string | null;
  positionId?: string | null;
  role: q.PostRole;
};

/** Gives a person a post; the caller's transaction and authority are checked here. */
export async function addPost(ctx: Ctx, actor: Actor, input: PostInput) {
  const agency = await assertAdmin(ctx, actor, input.agencyId);
  if (input.unitId && (await q.findUnitById(ctx.db, input.unitId))?.agencyId !== input.agencyId) {
    throw new AppError('bad_request', 'org.unit_not_in_agency');
  }
  if (input.positionId && (await q.findPositionById(ctx.db, input.positionId))?.agencyId !== input.agencyId) {
    throw new AppError('bad_request', 'org.position_not_in_agency');
  }
  const post = await uniqueOr(() => q.insertPost(ctx.db, input), 'org.post_exists');
  await recordAudit(ctx, {
    action: 'org.post.added',
    entityType: 'post',
    entityId: post.id,
    agencyId: input.agencyId,
    after: post,
  });
  await notify(ctx, {
    userId: input.userId,
    kind: 'org.post_added',
    params: { agency: agency.name, role: input.role },
  });
  return post;
}

export async function deactivatePost(ctx: Ctx, actor: Actor, postId: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await q.findPostById(tx.db, postId);
    if (!before) throw notFound();
    await assertAdmin(tx, actor, before.agencyId);
    const after = await q.updatePost(tx.db, postId, { active: false });
    await recordAudit(tx, {
      action: 'org.post.deactivated',
      entityType: 'post',
      entityId: postId,
      agencyId: before.agencyId,
      before,
      after,
    });
    return after;
  });
}

export const postsOfUsers = (ctx: Ctx, userIds: string[]) => q.listPostsOfUsers(ctx.db, userIds);

/** People of an agency (any post, active or not) — the directory, after a member check. */
export async function userIdsOfAgency(ctx: Ctx, actor: Actor, agencyId: string) {
  await assertMember(ctx, actor, agencyId);
  return q.listUserIdsOfAgency(ctx.db, agencyId);
}

/** Whether any of the user's active posts is in an agency the actor administers (to edit the account). */
export async function canAdminUser(ctx: Ctx, actor: Actor, userId: string): Promise<boolean> {
  if (actor.isPlatformAdmin) return true;
  const rows = await ctx.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.userId, userId), sql`${posts.agencyId} in (${adminAgencyIds(actor)})`))
    .limit(1);
  return rows.length > 0;
}

export async function hasMfaRole(ctx: Ctx, userId: string): Promise<boolean> {
  const rows = await ctx.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.userId, userId), eq(posts.active, true), sql`${posts.role} in ${[...mfaRoles]}`))
    .limit(1);
  return rows.length > 0;
}
