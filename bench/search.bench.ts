import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';
import { httpCaller } from './eoffice-flow.ts';
import { applyWhatIf, explain, type Plan } from './explain.ts';
import { generateDocuments } from './generate-documents.ts';
import { type HttpLoadOutput, httpLoad } from './http-load.ts';
import { type LoadFigures, report, settings, signInEnrolled, startServer } from './lib.ts';
import { countStatements, type Statement } from './sql-count.ts';

// Full-text search (BRIEF §5: p95 < 100 ms over 1M documents): GET /api/documents?q=… over generated documents in
// Vietnamese, Korean and English, as the platform administrator (who may read every issued document), with
// common, rare and absent substrings; the plan of each search is checked with EXPLAIN ANALYZE.
// BENCH_DOCS: how many documents (default 1,000,000 on PostgreSQL, 100,000 on PGlite — PGlite holds the whole
// database in WebAssembly memory). Latency: every term in turn on one connection, BENCH_SEARCH_ROUNDS times
// (default 3); throughput: BENCH_SEARCH_CONNECTIONS clients (default 4) for the usual warm-up and window.

const terms = [
  { q: 'báo cáo', note: 'vi, common' },
  { q: 'thiên tai', note: 'vi, common' },
  { q: 'sạt lở', note: 'vi, rare' },
  { q: '위원회', note: 'ko, common' },
  { q: '예산', note: 'ko, common, 2 characters (no trigram: 1-/2-gram index)' },
  { q: '폭염', note: 'ko, rare, 2 characters' },
  { q: '산', note: 'ko, common, 1 character' },
  { q: 'lở', note: 'vi, rare, 2 characters' },
  { q: '산사태', note: 'ko, rare' },
  { q: 'budget', note: 'en, common' },
  { q: 'landslide', note: 'en, rare' },
  { q: 'qzxjv', note: 'absent' },
  // BENCH_SEARCH_EXTRA="…,…": more terms
  ...(process.env.BENCH_SEARCH_EXTRA ?? '')
    .split(',')
    .filter((q) => q.trim().length >= 1)
    .map((q) => ({ q: q.trim(), note: 'extra' })),
];

const server = await startServer();
try {
  const docs = Number(process.env.BENCH_DOCS) || (server.db === 'postgres' ? 1_000_000 : 100_000);
  const levels = (process.env.BENCH_SEARCH_CONNECTIONS ?? '4')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const rounds = Number(process.env.BENCH_SEARCH_ROUNDS) || 3;
  console.log(`search on ${server.db}: generating ${docs.toLocaleString('en')} documents`);
  const generated = await generateDocuments(server.database, docs, { log: console.log });
  const [size] = await selectRows<{ table: string; index: string; grams: string }>(
    server.database.db,
    sql`select pg_size_pretty(pg_table_size('documents')) as table, pg_size_pretty(pg_relation_size('documents_search')) as index,
          pg_size_pretty(pg_relation_size('documents_grams')) as grams`,
  );
  const cookie = await signInEnrolled(server.url, 'admin');
  const once = httpCaller(server.url, 1, false);
  const path = (q: string) => `/api/documents?q=${encodeURIComponent(q)}`;

  // Matches, and the plan of the list query each search sends.
  type TermInfo = { note: string; matches: number; firstPage: number; plan: Plan; whatIf?: Plan };
  const perTerm: Record<string, TermInfo> = {};
  const captured = new Map<string, Statement>();
  for (const t of terms) {
    const [m] = await selectRows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from documents where search_text ilike ${`%${t.q}%`}`,
    );
    const { result, statements } = await countStatements(
      async () => (await once('GET', path(t.q), cookie)).body,
      true,
    );
    const list = statements.find((s) => /ilike|search_grams/.test(s.text));
    if (!list) throw new Error(`no search statement captured for ${t.q}`);
    captured.set(t.q, list);
    const plan = await explain(server.database, list);
    perTerm[t.q] = {
      note: t.note,
      matches: m!.n,
      firstPage: (result as { items: unknown[] }).items.length,
      plan,
    };
    console.log(`  ${t.q} (${t.note}): ${m!.n} matches — ${plan.summary}`);
  }

  const figures: Record<string, LoadFigures> = {};
  const levelsOut: Record<string, HttpLoadOutput> = {};
  const add = (label: string, f: HttpLoadOutput['all'], errors = 0) => {
    figures[`${label} (p95 ${f.p95})`] = {
      requestsPerSec: f.requestsPerSec,
      latencyP50: f.p50,
      latencyP99: f.p99,
      requests: f.requests,
      errors,
      timeouts: 0,
      non2xx: 0,
    };
  };
  const requests = terms.map((t) => ({ label: t.q, path: path(t.q), cookie }));
  const load = async (label: string, connections: number, rounds?: number) => {
    process.stdout.write(`  ${label} … `);
    const out = await httpLoad({ origin: server.url, requests, connections, rounds, ...settingsWindow });
    levelsOut[label] = out;
    console.log(`${out.all.requestsPerSec} req/s, p50 ${out.all.p50} ms, p95 ${out.all.p95} ms`);
    add(`${label}: all terms`, out.all, out.errors);
    for (const [q, f] of Object.entries(out.byLabel)) add(`${label}: q=${q}`, f);
    if (out.errors) console.log('  errors:', out.errorSamples);
  };
  const settingsWindow = { warmupSec: settings.warmupSec, durationSec: settings.durationSec };
  await load(`sequential, ${rounds} rounds`, 1, rounds);
  for (const connections of levels) await load(`${connections} connections`, connections);

  // BENCH_SEARCH_WHATIF="<sql>": try a change (an index, settings) on this private database and EXPLAIN again.
  const whatIf = process.env.BENCH_SEARCH_WHATIF;
  if (whatIf) {
    await applyWhatIf(server.database, whatIf);
    for (const t of terms) {
      perTerm[t.q]!.whatIf = await explain(server.database, captured.get(t.q)!);
      console.log(`  what-if ${t.q}: ${perTerm[t.q]!.whatIf!.summary}`);
    }
    await load(`what-if, sequential, ${rounds} rounds`, 1, rounds);
    for (const connections of levels) await load(`what-if, ${connections} connections`, connections);
  }
  report('search', server.db, server.memory, figures, {
    documents: docs,
    generateSeconds: generated.seconds,
    size,
    terms: perTerm,
    levels: levelsOut,
    whatIf: whatIf ?? null,
  });
  if (Object.values(levelsOut).some((o) => o.errors > 0)) process.exitCode = 1;
} finally {
  await server.close();
}
