import os from 'node:os';
import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';
import { actionKinds, httpCaller, runFlow } from './eoffice-flow.ts';
import type { LevelOutput, LoadInput } from './eoffice-load.ts';
import { buildOffices } from './eoffice-setup.ts';
import {
  type LoadFigures,
  percentile,
  report,
  type Server,
  settings,
  startServer,
  startTsWorker,
} from './lib.ts';
import { type Observation, observe, type Pgbench, runPgbench } from './observe.ts';
import { installSqlCounter, sqlCounter } from './sql-count.ts';

// The e-office lifecycle under load (BRIEF §5: ≥ 1,000 approval actions/s on PostgreSQL, p99 < 50 ms at 200
// users): virtual users drive documents from draft to closed handling across many agencies over real HTTP, from
// a worker thread. Every state-changing request counts as an action. See docs/benchmarks.md.

const envNum = (name: string, fallback: number) =>
  process.env[name] !== undefined && Number.isFinite(Number(process.env[name]))
    ? Number(process.env[name])
    : fallback;

// BENCH_VUS: levels, each "<virtual users>" or "<virtual users>@<mean think time in ms>" (a pause before each
// request, uniform 0 … 2×: people reading before they act); default 50, 200 back to back, then 200 at 5 s.
const levels = (process.env.BENCH_VUS || '50,200,200@5000').split(',').map((entry) => {
  const [vus, think] = entry.split('@').map(Number);
  const name = think ? `${vus} VU, ${think / 1000} s think` : `${vus} VU`;
  return { name, vus: vus!, thinkMs: think ?? 0 };
});
const extraAgencies = envNum('BENCH_AGENCIES', 20);
const raceEvery = envNum('BENCH_RACE_EVERY', 20);
const pgbenchSec = envNum('BENCH_PGBENCH', 15);

/** One document at a time, unloaded: latency and SQL statements of each request. */
async function profile(server: Server, offices: Awaited<ReturnType<typeof buildOffices>>, runs = 5) {
  installSqlCounter();
  const call = httpCaller(server.url, 4);
  const byKind: Record<string, { ms: number[]; cpuMs: number[]; statements: number }> = {};
  let before = sqlCounter.count;
  let cpu = process.cpuUsage();
  // BENCH_SQL_LOG=1 prints the statements of each request of the last run (what an action costs, in SQL)
  const log = !!process.env.BENCH_SQL_LOG;
  for (let i = 0; i < runs; i++) {
    sqlCounter.capture = log && i === runs - 1;
    await runFlow(
      call,
      (kind, start, end) => {
        byKind[kind] ??= { ms: [], cpuMs: [], statements: 0 };
        const e = byKind[kind];
        const used = process.cpuUsage(cpu);
        e.ms.push(end - start);
        e.cpuMs.push((used.user + used.system) / 1000);
        e.statements = sqlCounter.count - before;
        before = sqlCounter.count;
        if (sqlCounter.capture) {
          console.log(`${kind}:`);
          for (const st of sqlCounter.statements)
            console.log(`  ${st.text.replace(/\s+/g, ' ').slice(0, 150)}`);
          sqlCounter.statements = [];
        }
        cpu = process.cpuUsage();
      },
      offices[3 + (i % (offices.length - 3))]!,
      offices[0]!,
      1_000_000 + i,
      false,
    );
  }
  sqlCounter.capture = false;
  const p50 = (v: number[]) =>
    percentile(
      [...v].sort((a, b) => a - b),
      50,
    );
  // cpuMs: this process (server and client) per request, unloaded; PostgreSQL's own CPU is not included
  return Object.fromEntries(
    Object.entries(byKind).map(([k, v]) => [
      k,
      { p50Ms: p50(v.ms), cpuMs: p50(v.cpuMs), statements: v.statements },
    ]),
  );
}

/** Gap-free and unique numbers per agency, register and year, after the load (outgoing and incoming). */
async function verifyNumbering(server: Server) {
  const rows = await selectRows<{ kind: string; sets: number; bad: number }>(
    server.database.db,
    sql`with outgoing as (
          select d.agency_id, d.register, d.number_year, count(*) as n, count(distinct d.number) as dn, max(d.number) as mx,
            (select last from number_sequences s where s.agency_id = d.agency_id and s.register = d.register and s.year = d.number_year) as last
          from documents d where d.number is not null group by 1, 2, 3),
        incoming as (
          select dv.to_agency_id, dv.incoming_year, count(*) as n, count(distinct dv.incoming_number) as dn, max(dv.incoming_number) as mx,
            (select last from number_sequences s where s.agency_id = dv.to_agency_id and s.register = 'incoming' and s.year = dv.incoming_year) as last
          from deliveries dv where dv.incoming_number is not null group by 1, 2)
        select 'outgoing' as kind, count(*)::int as sets, count(*) filter (where not (n = dn and dn = mx and mx = last))::int as bad from outgoing
        union all select 'incoming', count(*)::int, count(*) filter (where not (n = dn and dn = mx and mx = last))::int from incoming`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, { registers: r.sets, withGapsOrDuplicates: r.bad }]));
}

const server = await startServer();
try {
  console.log(
    `eoffice on ${server.db}: ${levels.map((l) => l.name).join(', ')}, ${settings.warmupSec} s warm-up + ${settings.durationSec} s measured each`,
  );
  const offices = await buildOffices(server, extraAgencies);
  console.log(`  ${offices.length} offices, ${offices.length * 5} people signed in`);
  const unloaded = await profile(server, offices);
  console.table(unloaded);

  const input: LoadInput = {
    origin: server.url,
    offices,
    levels: levels.map((l) => ({ ...l, warmupSec: settings.warmupSec, durationSec: settings.durationSec })),
    raceEvery,
  };
  const outputs: (LevelOutput & { observed: Observation })[] = [];
  await new Promise<void>((resolve, reject) => {
    const worker = startTsWorker(new URL('./eoffice-load.ts', import.meta.url), input);
    let watching: Awaited<ReturnType<typeof observe>> | undefined;
    let observed: Observation | undefined;
    worker.on('message', async (m: { type: string; phase?: string; out?: LevelOutput }) => {
      if (m.type === 'window' && m.phase === 'open') watching = await observe(server.dbUrl);
      if (m.type === 'window' && m.phase === 'close') observed = await watching?.stop();
      if (m.type === 'level') {
        observed ??= await watching?.stop();
        outputs.push({ ...m.out!, observed: observed! });
        watching = observed = undefined;
        process.stdout.write(`  ${m.out!.name} done\n`);
      }
      if (m.type === 'done') void worker.terminate().then(() => resolve());
    });
    worker.on('error', reject);
  });

  const figures: Record<string, LoadFigures> = {};
  const fig = (ms: number[], sec: number, errors = 0): LoadFigures => {
    const sorted = [...ms].sort((a, b) => a - b);
    return {
      requestsPerSec: Math.round((ms.length / sec) * 10) / 10,
      latencyP50: percentile(sorted, 50),
      latencyP99: percentile(sorted, 99),
      requests: ms.length,
      errors,
      timeouts: 0,
      non2xx: 0,
    };
  };
  const levelSummary: Record<string, unknown> = {};
  for (const o of outputs) {
    const actions = actionKinds.flatMap((k) => o.latencies[k] ?? []);
    const all = fig(actions, o.measuredSec, o.errors);
    figures[`${o.name}: all actions`] = all;
    for (const k of Object.keys(o.latencies).sort())
      figures[`${o.name}: ${k}`] = fig(o.latencies[k]!, o.measuredSec);
    levelSummary[o.name] = {
      actionsPerSec: all.requestsPerSec,
      p50: all.latencyP50,
      p95: percentile(
        [...actions].sort((a, b) => a - b),
        95,
      ),
      p99: all.latencyP99,
      documentsCompletedPerSec: Math.round((o.flowsCompleted / o.measuredSec) * 10) / 10,
      errors: o.errors,
      errorSamples: o.errorSamples,
      racesChecked: o.racesChecked,
      loadGeneratorBusy: o.loadGeneratorBusy,
      // CPU per action: this process (server and the load generator's thread) and, on PostgreSQL, its backends
      cpuMsPerAction: Object.fromEntries(
        Object.entries(o.observed.cores)
          .filter(([k]) => k === 'thisProcess' || k === 'postgresBackends')
          .map(([k, cores]) => [k, Math.round((cores / all.requestsPerSec) * 10_000) / 10]),
      ),
      observed: o.observed,
    };
  }
  const numbering = await verifyNumbering(server);
  let pgbench: (Pgbench & { ratio: Record<string, number> }) | undefined;
  if (server.db === 'postgres' && pgbenchSec > 0 && process.env.DATABASE_URL) {
    const pb = await runPgbench(process.env.DATABASE_URL, pgbenchSec);
    const ratio = Object.fromEntries(
      outputs.map((o) => [
        o.name,
        Math.round(((levelSummary[o.name] as { actionsPerSec: number }).actionsPerSec / pb.tps) * 1000) /
          1000,
      ]),
    );
    pgbench = { ...pb, ratio };
  }
  console.log('\nper level:', JSON.stringify(levelSummary, null, 2));
  console.log('numbering after the load:', JSON.stringify(numbering));
  if (pgbench) console.log(`pgbench: ${pgbench.tps} tps; our actions/s ÷ pgbench tps:`, pgbench.ratio);
  report('eoffice', server.db, server.memory, figures, {
    offices: offices.length,
    raceEvery,
    unloaded,
    levels: levelSummary,
    numbering,
    pgbench,
    loadAverageAtEnd: os.loadavg(),
  });
  const failed =
    outputs.some((o) => o.errors > 0) || Object.values(numbering).some((n) => n.withGapsOrDuplicates > 0);
  if (failed) process.exitCode = 1;
} finally {
  await server.close();
}
