import { z } from 'zod';
import { Id } from './common.ts';

export const AuditEntry = z.object({
  id: z.number().int(),
  chain: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  agencyId: Id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  agencyId: Id.optional(),
  action: z.string().max(80).optional(),
  actor: z.string().max(64).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditVerifyReport = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  entries: z.number().int(),
  firstBreak: z
    .object({ chain: z.string(), seq: z.number().int(), id: z.number().int().nullable(), reason: z.string() })
    .nullable(),
});
