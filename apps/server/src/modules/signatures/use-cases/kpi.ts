import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { assertMember } from '../../org/org.service.ts';

// The KPI the seeds quote ("86.7% digitally signed"): of the documents an agency issued in a period, the share
// whose PDF carries a digital signature. With `subtree`, one row per agency below, each rolled up over its own
// subtree, so a province sees its departments and communes side by side.

export async function signedShare(
  ctx: Ctx,
  actor: Actor,
  q: { agencyId: string; from: string; to: string; subtree: boolean },
) {
  await assertMember(ctx, actor, q.agencyId);
  const rows = await selectRows<{ id: string; code: string; name: string; issued: number; signed: number }>(
    ctx.db,
    sql`with scope as (
          select a.id, a.code, a.name, a.path from agencies a
          where ${q.subtree ? sql`a.parent_id = ${q.agencyId} or a.id = ${q.agencyId}` : sql`a.id = ${q.agencyId}`}
        )
        select s.id, s.code, s.name,
          count(d.id)::int as issued,
          count(d.id) filter (where d.digitally_signed)::int as signed
        from scope s
        left join agencies sub on ${q.subtree ? sql`(sub.path like s.path || '%' and (s.id <> ${q.agencyId} or sub.id = s.id))` : sql`sub.id = s.id`}
        left join documents d on d.agency_id = sub.id and d.issued_at is not null
          and d.issued_at >= ${q.from}::date and d.issued_at < (${q.to}::date + 1)
        group by s.id, s.code, s.name order by s.code`,
  );
  return rows.map((r) => ({
    agencyId: r.id,
    agencyCode: r.code,
    agencyName: r.name,
    issued: r.issued,
    signed: r.signed,
    share: r.issued ? Math.round((r.signed / r.issued) * 1000) / 10 : 0,
  }));
}
