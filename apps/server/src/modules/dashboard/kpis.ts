import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { selectRows } from '../../platform/db/db.ts';

// The KPIs of BRIEF §1 for an agency's subtree, in SQL over the live tables, grouped by "row": the agency's own
// figures and one row per child agency rolled up over the child's subtree; the grouping set () gives the total
// (distinct people counted once even when they hold posts in two agencies). Periods are [from, to] dates, UTC.

export type KpiRow = {
  received: number;
  issued: number;
  signed: number;
  due: number;
  onTime: number;
  overdueTasks: number;
  serviceSubmissions: number | null;
  serviceOnline: number | null;
  serviceDecided: number | null;
  serviceOnTime: number | null;
  digitised: number;
  meetingsOnline: number;
  meetingsHeld: number;
  mobileUsers: number;
  activeUsers: number;
};

export const mobilePattern = '(Mobile|Android|iPhone|iPad|iPod|Windows Phone)';

/**
 * Each subtree agency mapped to its row: the root itself or the child whose subtree holds it — the child's id is
 * the path segment right after the root's path, so no agency is compared with every other one.
 */
export const scopeCte = (agencyId: string) => sql`scope as (
  select sub.id as agency_id,
    coalesce(nullif(split_part(substr(sub.path, length(root.path) + 1), '/', 1), '')::uuid, root.id) as row_id
  from agencies root join agencies sub on sub.path like root.path || '%'
  where root.id = ${agencyId})`;

const range = (col: SQL, from: string, to: string) =>
  sql`${col} >= ${from}::date and ${col} < (${to}::date + 1)`;

type Grouped = { row_id: string | null } & Record<string, number | null | string>;

async function grouped(db: Db, agencyId: string, body: SQL): Promise<Map<string, Grouped>> {
  const rows = await selectRows<Grouped>(db, sql`with ${scopeCte(agencyId)} ${body}`);
  return new Map(rows.map((r) => [r.row_id ?? '', r]));
}

const by = sql`group by grouping sets ((s.row_id), ())`;

export async function computeKpis(
  db: Db,
  agencyId: string,
  from: string,
  to: string,
  now: Date,
  services: boolean,
): Promise<Map<string, KpiRow>> {
  const at = now.toISOString();
  // Independent queries: on PostgreSQL they run side by side on the pool's connections.
  const [docs, received, tasks, meetings, users, svc] = await Promise.all([
    grouped(
      db,
      agencyId,
      sql`select s.row_id, count(*)::int as issued, count(*) filter (where d.digitally_signed)::int as signed,
          count(*) filter (where d.pdf_sha256 is not null)::int as pdfs
        from documents d join scope s on s.agency_id = d.agency_id
        where ${range(sql`d.issued_at`, from, to)} ${by}`,
    ),
    grouped(
      db,
      agencyId,
      sql`select s.row_id, count(*)::int as received from deliveries dv join scope s on s.agency_id = dv.to_agency_id
        where ${range(sql`dv.received_at`, from, to)} ${by}`,
    ),
    grouped(
      db,
      agencyId,
      sql`select s.row_id,
          count(*) filter (where dv.deadline < ${at}::timestamptz or dv.handled_at is not null or dv.task_done_at is not null)::int as due,
          count(*) filter (where coalesce(dv.task_done_at, dv.handled_at) <= dv.deadline)::int as on_time,
          count(*) filter (where dv.deadline < ${at}::timestamptz and dv.task_done_at is null and dv.handled_at is null)::int as overdue
        from deliveries dv join scope s on s.agency_id = dv.to_agency_id
        where dv.deadline is not null and dv.state in ('sent','received') and ${range(sql`dv.deadline`, from, to)} ${by}`,
    ),
    grouped(
      db,
      agencyId,
      sql`select s.row_id, count(*) filter (where m.mode = 'online')::int as online, count(*)::int as held
        from meetings m join committees c on c.id = m.committee_id join scope s on s.agency_id = c.agency_id
        where m.status = 'closed' and ${range(sql`m.starts_at`, from, to)} ${by}`,
    ),
    grouped(
      db,
      agencyId,
      sql`select s.row_id, count(distinct se.user_id)::int as active,
          count(distinct se.user_id) filter (where se.user_agent ~* ${mobilePattern})::int as mobile
        from sessions se join posts p on p.user_id = se.user_id and p.active join scope s on s.agency_id = p.agency_id
        where se.last_seen_at >= ${from}::date and se.created_at < (${to}::date + 1) ${by}`,
    ),
    services
      ? grouped(
          db,
          agencyId,
          sql`select s.row_id,
              count(*) filter (where ${range(sql`ss.submitted_at`, from, to)})::int as submissions,
              count(*) filter (where ${range(sql`ss.submitted_at`, from, to)} and ss.channel = 'online')::int as online,
              count(*) filter (where ss.state in ('approved','refused') and ${range(sql`ss.decided_at`, from, to)})::int as decided,
              count(*) filter (where ss.state in ('approved','refused') and ${range(sql`ss.decided_at`, from, to)}
                and ss.decided_at <= ss.deadline)::int as on_time
            from service_submissions ss join scope s on s.agency_id = ss.agency_id
            where ss.state <> 'draft' and (${range(sql`ss.submitted_at`, from, to)} or ${range(sql`ss.decided_at`, from, to)}) ${by}`,
        )
      : null,
  ]);
  const keys = new Set([
    '',
    ...docs.keys(),
    ...received.keys(),
    ...tasks.keys(),
    ...meetings.keys(),
    ...users.keys(),
  ]);
  const out = new Map<string, KpiRow>();
  const n = (m: Map<string, Grouped> | null, k: string, f: string) => Number(m?.get(k)?.[f] ?? 0);
  for (const k of keys) {
    out.set(k, {
      received: n(received, k, 'received'),
      issued: n(docs, k, 'issued'),
      signed: n(docs, k, 'signed'),
      due: n(tasks, k, 'due'),
      onTime: n(tasks, k, 'on_time'),
      overdueTasks: n(tasks, k, 'overdue'),
      serviceSubmissions: svc ? n(svc, k, 'submissions') : null,
      serviceOnline: svc ? n(svc, k, 'online') : null,
      serviceDecided: svc ? n(svc, k, 'decided') : null,
      serviceOnTime: svc ? n(svc, k, 'on_time') : null,
      digitised: n(docs, k, 'pdfs') + n(received, k, 'received'),
      meetingsOnline: n(meetings, k, 'online'),
      meetingsHeld: n(meetings, k, 'held'),
      mobileUsers: n(users, k, 'mobile'),
      activeUsers: n(users, k, 'active'),
    });
  }
  return out;
}
