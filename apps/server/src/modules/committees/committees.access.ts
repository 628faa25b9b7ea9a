import { type SQL, sql } from 'drizzle-orm';
import { selectRows } from '../../platform/db/db.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { adminAgencyIds } from '../org/org.service.ts';

// Who sees and who runs a committee, decided in SQL. Members see their own committees (external members nothing
// else); the agency's committee secretaries and its administrators run them.

/** Committees the actor may manage: secretary posts or administration of the agency, or the member-secretary. */
export function managedCommitteeIds(actor: Actor): SQL {
  return sql`select c.id from committees c where c.agency_id in (
      select agency_id from posts where user_id = ${actor.userId} and active and role = 'secretary'
      union ${adminAgencyIds(actor)})
    union select committee_id from committee_members where user_id = ${actor.userId} and active and role = 'secretary'`;
}

/** Committees the actor may see: those they manage and those they are an active member of. */
export function visibleCommitteeIds(actor: Actor): SQL {
  return sql`${managedCommitteeIds(actor)}
    union select committee_id from committee_members where user_id = ${actor.userId} and active`;
}

export type Access = {
  committeeId: string;
  agencyId: string;
  manage: boolean;
  memberId: string | null;
  role: string | null;
};

/** 404 for a committee the actor may not see (its existence is not revealed), else what they may do. */
export async function committeeAccess(ctx: Ctx, actor: Actor, committeeId: string): Promise<Access> {
  const [row] = await selectRows<{
    agency_id: string;
    manage: boolean;
    member_id: string | null;
    role: string | null;
  }>(
    ctx.db,
    sql`select c.agency_id, c.id in (${managedCommitteeIds(actor)}) as manage, m.id as member_id, m.role
        from committees c left join committee_members m on m.committee_id = c.id and m.user_id = ${actor.userId} and m.active
        where c.id = ${committeeId} and c.id in (${visibleCommitteeIds(actor)})`,
  );
  if (!row) throw notFound();
  return {
    committeeId,
    agencyId: row.agency_id,
    manage: row.manage,
    memberId: row.member_id,
    role: row.role,
  };
}

export async function assertManage(ctx: Ctx, actor: Actor, committeeId: string): Promise<Access> {
  const access = await committeeAccess(ctx, actor, committeeId);
  if (!access.manage) throw forbidden();
  return access;
}

/** The committee of a meeting, with the actor's access to it. */
export async function meetingAccess(ctx: Ctx, actor: Actor, meetingId: string) {
  const [row] = await selectRows<{ committee_id: string }>(
    ctx.db,
    sql`select committee_id from meetings where id = ${meetingId}`,
  );
  if (!row) throw notFound();
  return committeeAccess(ctx, actor, row.committee_id);
}
