import { sql } from 'drizzle-orm';
import { selectRows } from '../../platform/db/db.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';

// Who may see and handle submissions: staff with an active post in the handling agency. Anyone else gets 404,
// so another agency cannot even learn that a submission exists.

export type StaffAccess = { agencyId: string; roles: Set<string>; unitIds: Set<string | null> };

export async function staffAccess(ctx: Ctx, actor: Actor, agencyId: string): Promise<StaffAccess | null> {
  const rows = await selectRows<{ role: string; unit_id: string | null }>(
    ctx.db,
    sql`select role, unit_id from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and active
          and role in ('agency_admin', 'clerk', 'head', 'official')`,
  );
  if (rows.length === 0 && !actor.isPlatformAdmin) return null;
  return {
    agencyId,
    roles: new Set(
      actor.isPlatformAdmin ? ['agency_admin', ...rows.map((r) => r.role)] : rows.map((r) => r.role),
    ),
    unitIds: new Set(rows.map((r) => r.unit_id)),
  };
}

export async function assertStaff(ctx: Ctx, actor: Actor, agencyId: string): Promise<StaffAccess> {
  const access = await staffAccess(ctx, actor, agencyId);
  if (!access) throw notFound();
  return access;
}

export const isHead = (a: StaffAccess) => a.roles.has('head') || a.roles.has('agency_admin');
