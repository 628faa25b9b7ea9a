import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';
import { httpCaller } from './eoffice-flow.ts';
import { applyWhatIf, explain, type Plan } from './explain.ts';
import { generateDocuments } from './generate-documents.ts';
import { type HttpLoadOutput, httpLoad } from './http-load.ts';
import { type LoadFigures, report, settings, signIn, startServer } from './lib.ts';
import { countStatements } from './sql-count.ts';

// A list page stays flat as the data grows (read.ts: "a page costs the same at 1k or 1M rows"): the issued box
// of a province official (GET /api/documents?box=issued&limit=30) and the province's incoming register for its
// clerk (GET /api/agencies/:id/incoming?limit=50), at each size in BENCH_INBOX_DOCS (default 1,000 and
// 100,000 generated documents): SQL statements per request, latency under BENCH_CONNECTIONS clients, and the
// plan of the list query (EXPLAIN ANALYZE).

const sizes = (process.env.BENCH_INBOX_DOCS ?? '1000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

const server = await startServer();
try {
  const db = server.database.db;
  const [ls] = await selectRows<{ id: string }>(db, sql`select id from agencies where code = 'UBND-LS'`);
  const official = await signIn(server.url, 'chuyenvien');
  const clerk = await signIn(server.url, 'vanthu');
  const pages = [
    {
      label: 'issued box',
      path: '/api/documents?box=issued&limit=30',
      cookie: official,
      marker: 'from documents d',
    },
    {
      label: 'incoming register',
      path: `/api/agencies/${ls!.id}/incoming?limit=50`,
      cookie: clerk,
      marker: 'from deliveries dv',
    },
  ];
  const once = httpCaller(server.url, 1, false);
  const figures: Record<string, LoadFigures> = {};
  const perSize: Record<string, unknown> = {};
  let have = 0;
  // BENCH_INBOX_WHATIF="<sql>": after the last size, try a change (an index) on this private database and measure again.
  const whatIf = process.env.BENCH_INBOX_WHATIF;
  const steps = [
    ...sizes.map((size) => ({ size, label: `${size} docs` })),
    ...(whatIf ? [{ size: sizes.at(-1)!, label: `${sizes.at(-1)} docs, what-if` }] : []),
  ];
  for (const { size, label } of steps) {
    if (size > have) await generateDocuments(server.database, size - have, { log: console.log });
    have = size;
    if (label.endsWith('what-if')) {
      await applyWhatIf(server.database, whatIf!);
    }
    const [counts] = await selectRows<{ documents: number; deliveries: number }>(
      db,
      sql`select (select count(*) from documents)::int as documents, (select count(*) from deliveries)::int as deliveries`,
    );
    const pageInfo: Record<string, { statements: number; rows: number; plan: Plan }> = {};
    for (const p of pages) {
      const get = async () => (await once('GET', p.path, p.cookie)).body;
      await get();
      const { result, count, statements } = await countStatements(get, true);
      const list = statements.find((s) => s.text.includes(p.marker));
      const plan = await explain(server.database, list!);
      const rows = Array.isArray(result) ? result.length : (result as { items: unknown[] }).items.length;
      pageInfo[p.label] = { statements: count, rows, plan };
      console.log(`  ${label}, ${p.label}: ${count} statements, ${rows} rows — ${plan.summary}`);
    }
    const out: HttpLoadOutput = await httpLoad({
      origin: server.url,
      requests: pages.map(({ label, path, cookie }) => ({ label, path, cookie })),
      connections: settings.connections,
      warmupSec: settings.warmupSec,
      durationSec: settings.durationSec,
    });
    for (const [page, f] of Object.entries(out.byLabel))
      figures[`${label}: ${page} (p95 ${f.p95})`] = {
        requestsPerSec: f.requestsPerSec,
        latencyP50: f.p50,
        latencyP99: f.p99,
        requests: f.requests,
        errors: out.errors,
        timeouts: 0,
        non2xx: 0,
      };
    perSize[label] = { ...counts, pages: pageInfo, load: out };
    if (out.errors) console.log('  errors:', out.errorSamples);
  }
  report('inbox', server.db, server.memory, figures, { sizes: perSize, whatIf: whatIf ?? null });
} finally {
  await server.close();
}
