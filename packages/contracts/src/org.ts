import { z } from 'zod';
import { Code, Country, Id, Locale, Text } from './common.ts';
import { Password, Role, Username } from './identity.ts';

export const Tier = z.object({
  code: Code,
  rank: z.number().int(),
  labels: z.object({ ko: z.string(), vi: z.string(), en: z.string() }),
});
export type Tier = z.infer<typeof Tier>;

export const Agency = z.object({
  id: Id,
  parentId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  tier: z.string(),
  country: Country,
  address: z.string().nullable(),
  active: z.boolean(),
  /** Whether the caller may administer this agency. */
  canAdmin: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyCreate = z.object({
  parentId: Id.nullable(),
  code: Code,
  name: Text(200),
  shortName: Text(60).optional(),
  tier: Code,
  country: Country,
  address: Text(300).optional(),
});
export const AgencyUpdate = z.object({
  name: Text(200).optional(),
  shortName: Text(60).nullable().optional(),
  address: Text(300).nullable().optional(),
  active: z.boolean().optional(),
  parentId: Id.nullable().optional(),
});

export const Unit = z.object({
  id: Id,
  agencyId: Id,
  parentUnitId: Id.nullable(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitCreate = z.object({ code: Code, name: Text(200), parentUnitId: Id.nullable().optional() });
export const UnitUpdate = z.object({
  name: Text(200).optional(),
  parentUnitId: Id.nullable().optional(),
  active: z.boolean().optional(),
});

export const Position = z.object({ id: Id, agencyId: Id, name: z.string(), rank: z.number().int() });
export type Position = z.infer<typeof Position>;
export const PositionCreate = z.object({
  name: Text(120),
  rank: z.number().int().min(0).max(1000).default(100),
});

export const PersonPost = z.object({
  id: Id,
  agencyId: Id,
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  positionId: Id.nullable(),
  positionName: z.string().nullable(),
  role: Role,
  active: z.boolean(),
});
export type PersonPost = z.infer<typeof PersonPost>;

export const Person = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  kind: z.enum(['staff', 'external', 'citizen']),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  posts: z.array(PersonPost),
});
export type Person = z.infer<typeof Person>;

export const PostInput = z.object({
  unitId: Id.nullable().optional(),
  positionId: Id.nullable().optional(),
  role: Role,
});
export const PersonCreate = z.object({
  username: Username,
  displayName: Text(120),
  email: z.email().max(200).optional(),
  kind: z.enum(['staff', 'external']).default('staff'),
  locale: Locale.optional(),
  password: Password,
  post: PostInput,
});
export const PersonUpdate = z.object({
  displayName: Text(120).optional(),
  email: z.email().max(200).nullable().optional(),
  active: z.boolean().optional(),
});

export const DelegationMark = z.enum(['KT', 'TL', 'TUQ', 'Q', 'JEONGYEOL', 'DAEGYEOL']);
export const Delegation = z.object({
  id: Id,
  agencyId: Id,
  fromUserId: Id,
  fromName: z.string(),
  toUserId: Id,
  toName: z.string(),
  kind: z.enum(['delegated', 'acting']),
  mark: DelegationMark,
  scope: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  reason: z.string().nullable(),
  revoked: z.boolean(),
});
export type Delegation = z.infer<typeof Delegation>;
const IsoDate = z.iso.date();
export const DelegationCreate = z.object({
  fromUserId: Id,
  toUserId: Id,
  kind: z.enum(['delegated', 'acting']),
  mark: DelegationMark,
  scope: Text(120).default('all'),
  validFrom: IsoDate,
  validTo: IsoDate,
  reason: Text(500).optional(),
});
