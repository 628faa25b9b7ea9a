import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.ts';

// Tiers are data, not code: a deployment names its own levels (ministry → province → commune, or 시 → 구).
export const agencyTiers = pgTable('agency_tiers', {
  code: text('code').primaryKey(),
  rank: integer('rank').notNull(),
  labels: jsonb('labels').$type<Record<'ko' | 'vi' | 'en', string>>().notNull(),
});

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    // Materialised path of ids ('/a/b/c/'): subtree scope is one indexed prefix match, no recursion.
    path: text('path').notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    tier: text('tier')
      .notNull()
      .references(() => agencyTiers.code),
    country: text('country').$type<'vn' | 'kr'>().notNull(),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agencies_path').on(t.path), check('agencies_country', sql`${t.country} in ('vn','kr')`)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    parentUnitId: uuid('parent_unit_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('units_agency_code').on(t.agencyId, t.code)],
);

export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    rank: integer('rank').notNull().default(100),
  },
  (t) => [unique('positions_agency_name').on(t.agencyId, t.name)],
);

export const roles = [
  'agency_admin',
  'clerk',
  'head',
  'official',
  'secretary',
  'external_member',
  'citizen',
] as const;
export type Role = (typeof roles)[number];

// A post is one person's role in one agency (and unit); a person may hold several, in several agencies.
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: uuid('unit_id').references(() => units.id),
    positionId: uuid('position_id').references(() => positions.id),
    role: text('role').$type<Role>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('posts_user').on(t.userId),
    index('posts_agency').on(t.agencyId),
    unique('posts_unique').on(t.userId, t.agencyId, t.unitId, t.role),
  ],
);

// Delegated final approval (전결, KT./TL./TUQ.) and acting approval (대결, Q.), each limited in time.
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<'delegated' | 'acting'>().notNull(),
    mark: text('mark').$type<'KT' | 'TL' | 'TUQ' | 'Q' | 'JEONGYEOL' | 'DAEGYEOL'>().notNull(),
    scope: text('scope').notNull().default('all'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('delegations_to').on(t.toUserId),
    check('delegations_period', sql`${t.validTo} >= ${t.validFrom}`),
  ],
);
