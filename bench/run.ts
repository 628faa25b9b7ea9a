import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, DbKind } from './lib.ts';

// Runs every bench/*.bench.ts (or those whose name contains the filter argument), each in its own Node process,
// on PGlite and — when BENCH_DATABASE_URL (or DATABASE_URL) is set — on PostgreSQL; then prints one summary.
// Usage: npm run bench [-- <filter>]; BENCH_DB=pglite|postgres runs one database only.

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, 'results');
const filter = process.argv[2] ?? '';
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
const only = process.env.BENCH_DB;

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
const dbs: DbKind[] = (['pglite', 'postgres'] as const).filter(
  (d) => (d === 'pglite' || pgUrl) && (!only || only === d),
);
if (files.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(1);
}

/** The child's environment: the database URL is set for PostgreSQL and removed for PGlite. */
function envFor(db: DbKind): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.BENCH_DATABASE_URL;
  delete env.DATABASE_URL;
  if (db === 'postgres') env.DATABASE_URL = pgUrl;
  return env;
}

const started = Date.now();
const failed: string[] = [];
for (const file of files) {
  for (const db of dbs) {
    console.log(`\n=== ${file} on ${db} ===`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
      stdio: 'inherit',
      env: envFor(db),
    });
    if (child.status !== 0) failed.push(`${file} on ${db} (exit ${child.status ?? child.signal})`);
  }
}

// Summary: the result files this run wrote.
const rows: string[][] = [];
for (const file of files) {
  for (const db of dbs) {
    const json = path.join(resultsDir, `${file.replace(/\.bench\.ts$/, '')}-${db}.json`);
    if (!existsSync(json) || statSync(json).mtimeMs < started) continue;
    const r = JSON.parse(readFileSync(json, 'utf8')) as BenchResult;
    for (const [scenario, f] of Object.entries(r.figures)) {
      rows.push([
        r.name,
        r.db,
        scenario,
        String(f.requestsPerSec),
        String(f.latencyP50),
        String(f.latencyP99),
        String(f.errors),
        String(f.non2xx),
      ]);
    }
    rows.push([
      r.name,
      r.db,
      'server RSS after seeding / peak (MB)',
      `${r.memory.rssAfterSeedMb} / ${r.memory.peakRssMb}`,
      '',
      '',
      '',
      '',
    ]);
  }
}
const head = ['bench', 'db', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non2xx'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\nSummary (${new Date().toISOString()})`);
console.log(line(head));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
