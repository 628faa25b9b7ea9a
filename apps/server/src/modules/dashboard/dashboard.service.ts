import type { DashboardQuery, DrillKind } from '@civicdesk/contracts/dashboard';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { selectRows } from '../../platform/db/db.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { type Locale, translate } from '../../platform/i18n/i18n.ts';
import { dashboardAgencyIds } from './dashboard.policy.ts';
import { computeKpis, type KpiRow, scopeCte } from './kpis.ts';

// The management dashboard of an agency and its subtree for a period, its drill-down lists and its exports.

const day = 86_400_000;

async function assertReader(ctx: Ctx, actor: Actor, agencyId: string) {
  const [a] = await selectRows<{ name: string; readable: boolean }>(
    ctx.db,
    sql`select name, id in (${dashboardAgencyIds(actor)}) as readable from agencies where id = ${agencyId}`,
  );
  if (!a) throw notFound();
  if (!a.readable) throw forbidden();
  return a;
}

/** Whether the public-services tables exist (the services module is installed). */
async function hasServices(ctx: Ctx) {
  const [r] = await selectRows<{ ok: boolean }>(
    ctx.db,
    sql`select to_regclass('public.service_submissions') is not null as ok`,
  );
  return !!r?.ok;
}

function checkRange(q: DashboardQuery) {
  if (q.from > q.to) throw new AppError('bad_request', 'dashboard.bad_range');
  const days = (Date.parse(q.to) - Date.parse(q.from)) / day;
  if (days > 3 * 366) throw new AppError('bad_request', 'dashboard.range_too_long');
  return days + 1;
}

export async function dashboard(ctx: Ctx, actor: Actor, q: DashboardQuery) {
  const agency = await assertReader(ctx, actor, q.agencyId);
  const days = checkRange(q);
  const services = await hasServices(ctx);
  const prevTo = new Date(Date.parse(q.from) - day).toISOString().slice(0, 10);
  const prevFrom = new Date(Date.parse(q.from) - days * day).toISOString().slice(0, 10);
  const [current, previous] = await Promise.all([
    computeKpis(ctx.db, q.agencyId, q.from, q.to, ctx.now, services),
    computeKpis(ctx.db, q.agencyId, prevFrom, prevTo, ctx.now, services),
  ]);
  const agencies = await selectRows<{ id: string; code: string; name: string; has_children: boolean }>(
    ctx.db,
    sql`select a.id, a.code, a.name, exists (select 1 from agencies c where c.parent_id = a.id) as has_children
        from agencies a where a.id = ${q.agencyId} or a.parent_id = ${q.agencyId} order by a.id <> ${q.agencyId}, a.code`,
  );
  const empty = emptyKpis(services);
  return {
    agencyId: q.agencyId,
    agencyName: agency.name,
    from: q.from,
    to: q.to,
    total: current.get('') ?? empty,
    previous: previous.get('') ?? empty,
    rows: agencies.map((a) => ({
      agencyId: a.id,
      agencyCode: a.code,
      agencyName: a.name,
      own: a.id === q.agencyId,
      hasChildren: a.has_children,
      kpis: current.get(a.id) ?? empty,
    })),
    servicesAvailable: services,
  };
}

const emptyKpis = (services: boolean): KpiRow => ({
  received: 0,
  issued: 0,
  signed: 0,
  due: 0,
  onTime: 0,
  overdueTasks: 0,
  serviceSubmissions: services ? 0 : null,
  serviceOnline: services ? 0 : null,
  serviceDecided: services ? 0 : null,
  serviceOnTime: services ? 0 : null,
  digitised: 0,
  meetingsOnline: 0,
  meetingsHeld: 0,
  mobileUsers: 0,
  activeUsers: 0,
});

type DrillRow = {
  id: string;
  link: string | null;
  title: string;
  agency_name: string;
  date: Date | string | null;
  detail: string | null;
};

/**
 * A drill-down list as two statements: the matching ids of one page (from the same indexes as the figures,
 * newest first) enriched with titles and names, and the count, which reads the index only.
 */
function drillParts(kind: DrillKind, from: string, to: string, now: string) {
  const inRange = (col: string) =>
    sql`${sql.raw(col)} >= ${from}::date and ${sql.raw(col)} < (${to}::date + 1)`;
  if (kind === 'received' || kind === 'overdue') {
    const col = kind === 'received' ? 'dv.received_at' : 'dv.deadline';
    const where =
      kind === 'received'
        ? inRange(col)
        : sql`dv.deadline is not null and dv.state in ('sent','received') and ${inRange(col)}
            and dv.deadline < ${now}::timestamptz and dv.task_done_at is null and dv.handled_at is null`;
    return {
      hits: sql`select dv.id, ${sql.raw(col)} as date from deliveries dv
        where dv.to_agency_id in (select agency_id from scope) and ${where}`,
      enrich: sql`select h.id, '/deliveries/' || h.id as link, d.subject as title, a.name as agency_name, h.date,
        d.number_text as detail from page h join deliveries dv on dv.id = h.id join documents d on d.id = dv.document_id
        join agencies a on a.id = dv.to_agency_id`,
      order: kind === 'received' ? sql`date desc, id` : sql`date, id`,
    };
  }
  if (kind === 'meetings_online')
    return {
      hits: sql`select m.id, m.starts_at as date from meetings m join committees c on c.id = m.committee_id
        where c.agency_id in (select agency_id from scope) and m.status = 'closed' and m.mode = 'online' and ${inRange('m.starts_at')}`,
      enrich: sql`select h.id, '/meetings/' || h.id as link, m.title, a.name as agency_name, h.date, c.name as detail
        from page h join meetings m on m.id = h.id join committees c on c.id = m.committee_id join agencies a on a.id = c.agency_id`,
      order: sql`date desc, id`,
    };
  return {
    hits: sql`select d.id, d.issued_at as date from documents d
      where d.agency_id in (select agency_id from scope) and ${inRange('d.issued_at')}
        ${kind === 'signed' ? sql`and d.digitally_signed` : sql``}`,
    enrich: sql`select h.id, '/documents/' || h.id as link, d.subject as title, a.name as agency_name, h.date,
      d.number_text as detail from page h join documents d on d.id = h.id join agencies a on a.id = d.agency_id`,
    order: sql`date desc, id`,
  };
}

export async function drill(
  ctx: Ctx,
  actor: Actor,
  q: DashboardQuery & { kind: DrillKind; limit: number; offset: number },
) {
  await assertReader(ctx, actor, q.agencyId);
  checkRange(q);
  const p = drillParts(q.kind, q.from, q.to, ctx.now.toISOString());
  const [rows, count] = await Promise.all([
    selectRows<DrillRow>(
      ctx.db,
      sql`with ${scopeCte(q.agencyId)}, hits as (${p.hits}),
          page as (select * from hits order by ${p.order} limit ${q.limit} offset ${q.offset})
        select * from (${p.enrich}) e order by ${p.order}`,
    ),
    selectRows<{ n: number }>(
      ctx.db,
      sql`with ${scopeCte(q.agencyId)}, hits as (${p.hits}) select count(*)::int as n from hits`,
    ),
  ]);
  const total = count[0]?.n ?? 0;
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      link: r.link,
      title: r.title,
      agencyName: r.agency_name,
      date: r.date ? new Date(r.date).toISOString() : null,
      detail: r.detail,
    })),
  };
}

export const exportColumns = [
  'agency',
  'received',
  'issued',
  'signed',
  'signed_share',
  'on_time_rate',
  'overdue_tasks',
  'service_submissions',
  'online_rate',
  'service_on_time',
  'digitised',
  'meetings_online',
  'mobile_users',
] as const;

type Dash = Awaited<ReturnType<typeof dashboard>>;
const pct = (a: number | null, b: number | null) =>
  a === null || b === null ? null : b ? Math.round((a / b) * 1000) / 10 : null;

export function exportTable(locale: Locale, d: Dash): (string | number | null)[][] {
  const line = (name: string, k: KpiRow) => [
    name,
    k.received,
    k.issued,
    k.signed,
    pct(k.signed, k.issued),
    pct(k.onTime, k.due),
    k.overdueTasks,
    k.serviceSubmissions,
    pct(k.serviceOnline, k.serviceSubmissions),
    pct(k.serviceOnTime, k.serviceDecided),
    k.digitised,
    k.meetingsOnline,
    k.mobileUsers,
  ];
  return [
    exportColumns.map((c) => translate(locale, `dashboard.col.${c}`)),
    ...d.rows.map((r) =>
      line(r.own ? `${r.agencyName} (${translate(locale, 'dashboard.own')})` : r.agencyName, r.kpis),
    ),
    line(translate(locale, 'dashboard.total'), d.total),
  ];
}

export function toCsv(table: (string | number | null)[][]): string {
  const esc = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${table.map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(table: (string | number | null)[][], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title.slice(0, 31));
  table.forEach((row, i) => {
    const r = sheet.addRow(row);
    if (i === 0) r.font = { bold: true };
  });
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 36 : 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
