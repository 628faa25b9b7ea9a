import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { assertReadable } from '../../documents/documents.service.ts';
import { actionsFor, delegationCovers } from '../approvals.policy.ts';
import { currentRound } from '../approvals.queries.ts';
import type { StepKind } from '../approvals.tables.ts';

// Reading the line: the current round for people, and the signer and steps for the official PDF.

type ViewRow = {
  id: string;
  seq: number;
  kind: StepKind;
  state: string;
  assignee_id: string;
  assignee_name: string;
  position_name: string | null;
  acted_by_name: string | null;
  acted_by: string | null;
  mark: string | null;
  opinion: string | null;
  acted_at: Date | string | null;
  post_review_at: Date | string | null;
};

/** The current round's line with names and positions, and what the caller may do on it. */
export async function approvalView(ctx: Ctx, actor: Actor, documentId: string) {
  await assertReadable(ctx, actor, documentId);
  const round = await currentRound(ctx, documentId);
  const rows = await selectRows<ViewRow>(
    ctx.db,
    sql`select s.id, s.seq, s.kind, s.state, s.assignee_id, a.display_name as assignee_name, s.acted_by, b.display_name as acted_by_name,
          s.mark, s.opinion, s.acted_at, s.post_review_at,
          (select pos.name from posts p join positions pos on pos.id = p.position_id join documents d on d.id = s.document_id
            where p.user_id = s.assignee_id and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as position_name
        from approval_steps s join users a on a.id = s.assignee_id left join users b on b.id = s.acted_by
        where s.document_id = ${documentId} and s.round = ${round} order by s.seq, a.display_name`,
  );
  const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);
  const steps = rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    state: r.state as never,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    positionName: r.position_name,
    actedByName: r.acted_by_name,
    mark: r.mark,
    opinion: r.opinion,
    actedAt: iso(r.acted_at),
    postReviewAt: iso(r.post_review_at),
    canPostReview:
      r.assignee_id === actor.userId && !!r.acted_by && r.acted_by !== r.assignee_id && !r.post_review_at,
  }));
  const held = await selectRows<{ from_user_id: string; kind: 'delegated' | 'acting' }>(
    ctx.db,
    sql`select from_user_id, kind from delegations where to_user_id = ${actor.userId} and revoked_at is null
        and (${ctx.now.toISOString()}::timestamptz)::date between valid_from and valid_to`,
  );
  const mayActFor = (r: ViewRow) =>
    r.assignee_id === actor.userId ||
    held.some((d) => d.from_user_id === r.assignee_id && delegationCovers(r.kind, d));
  const mine = rows
    .filter(mayActFor)
    .map((r) => ({ ...r, assigneeId: r.assignee_id, state: r.state as never }));
  const actions = [...new Set(mine.flatMap((s) => actionsFor(s)))];
  return { round, steps, actions };
}

/**
 * What the official PDF prints of the approval: the signer (who acted on the final approval, with the mark
 * and the title they sign for) and, for Korean documents, every decision step in order.
 */
export async function approvalRecordForPdf(ctx: Ctx, documentId: string) {
  const round = await currentRound(ctx, documentId);
  const rows = await selectRows<{
    kind: StepKind;
    assignee_pos: string | null;
    actor_name: string | null;
    actor_pos: string | null;
    mark: string | null;
    acted_at: Date | string | null;
  }>(
    ctx.db,
    sql`select s.kind, s.mark, s.acted_at, actor.display_name as actor_name,
          (select pos.name from posts p join positions pos on pos.id = p.position_id where p.user_id = s.assignee_id and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as assignee_pos,
          (select pos.name from posts p join positions pos on pos.id = p.position_id where p.user_id = s.acted_by and p.agency_id = d.agency_id and p.active order by pos.rank limit 1) as actor_pos
        from approval_steps s join documents d on d.id = s.document_id left join users actor on actor.id = s.acted_by
        where s.document_id = ${documentId} and s.round = ${round} and s.kind <> 'notify' and s.acted_by is not null order by s.seq`,
  );
  const final = rows.filter((r) => r.kind === 'approval').at(-1);
  const role = (k: StepKind) =>
    k === 'approval'
      ? ('approver' as const)
      : k === 'cooperation'
        ? ('cooperator' as const)
        : ('reviewer' as const);
  return {
    signer: final
      ? {
          name: final.actor_name ?? '',
          title: final.actor_pos ?? '',
          mark: final.mark,
          onBehalfTitle: final.mark ? final.assignee_pos : null,
        }
      : null,
    approvals: rows.map((r) => ({
      role: role(r.kind),
      position: r.actor_pos ?? '',
      name: r.actor_name ?? '',
      mark: r.mark,
      date: r.acted_at ? new Date(r.acted_at) : null,
    })),
  };
}
