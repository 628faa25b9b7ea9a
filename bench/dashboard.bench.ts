import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';
import { generateProvince } from './generate-province.ts';
import { type LoadFigures, percentile, report, signIn, startServer } from './lib.ts';

// The dashboard at the province scale of BRIEF §1 (target < 500 ms): a 771-agency province with a year of
// documents (BENCH_DASHBOARD_DOCS issued documents, default 300,000 on PostgreSQL ≈ one year, 30,000 on PGlite),
// then GET /api/dashboard for the province rolled up over its subtree (one row per child) and for one commune,
// for the year, BENCH_DASHBOARD_RUNS times each (each request computes the period and the previous one), and a
// drill-down page. Figures: p50 and p95 latency of sequential requests.

const server = await startServer();
const docs = Number(process.env.BENCH_DASHBOARD_DOCS) || (server.db === 'postgres' ? 300_000 : 30_000);
const runs = Number(process.env.BENCH_DASHBOARD_RUNS) || 10;
try {
  const generated = await generateProvince(server.database, docs, console.log);
  console.log(`  generated in ${generated.seconds} s:`, generated);
  if (server.db === 'postgres') await server.database.db.execute(sql`vacuum analyze documents, deliveries`);
  const [ls] = await selectRows<{ id: string }>(
    server.database.db,
    sql`select id from agencies where code = 'UBND-LS'`,
  );
  const [xa] = await selectRows<{ id: string }>(
    server.database.db,
    sql`select id from agencies where code = 'XA-7'`,
  );
  const cookie = await signIn(server.url, 'chutich');
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const time = async (label: string, path: string) => {
    const once = async () => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      const body = (await res.json()) as { total?: Record<string, number>; rows?: unknown[] };
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, body };
    };
    const first = await once();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push((await once()).ms);
    ms.sort((a, b) => a - b);
    const p50 = percentile(ms, 50);
    const p95 = percentile(ms, 95);
    console.log(`  ${label}: p50 ${p50} ms, p95 ${p95} ms, first ${Math.round(first.ms)} ms`);
    return { p50, p95, first: Math.round(first.ms), body: first.body };
  };
  const q = (agency: string) => `/api/dashboard?agencyId=${agency}&from=${from}&to=${to}`;
  const province = await time('province, rolled up', q(ls!.id));
  const commune = await time('one commune', q(xa!.id));
  const drill = await time(
    'drill-down page (issued, province)',
    `/api/dashboard/drill?agencyId=${ls!.id}&from=${from}&to=${to}&kind=issued&limit=50`,
  );
  const figure = (r: { p50: number; p95: number }): LoadFigures => ({
    requestsPerSec: Math.round((1000 / r.p50) * 10) / 10,
    latencyP50: r.p50,
    latencyP99: r.p95,
    requests: runs,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
  });
  report(
    'dashboard',
    server.db,
    server.memory,
    {
      [`province (${generated.agencies} agencies, year), p95 in p99 column`]: figure(province),
      'one commune (year)': figure(commune),
      'drill-down page': figure(drill),
    },
    {
      generated,
      provinceTotal: province.body.total,
      provinceRows: province.body.rows?.length,
      firstRequestMs: { province: province.first, commune: commune.first, drill: drill.first },
      targetMs: 500,
    },
  );
} finally {
  await server.close();
}
