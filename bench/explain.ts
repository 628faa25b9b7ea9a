import type { Database } from '@civicdesk/server/src/platform/db/db.ts';
import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';
import type { Statement } from './sql-count.ts';

// EXPLAIN ANALYZE of a statement the application sent (captured by sql-count.ts), with its parameters inlined
// as literals, on either driver; plus a one-line summary of the plan: the scans and the execution time.

const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `'${v.toISOString()}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
};

export type Plan = { summary: string; executionMs: number; scans: string[]; plan: string[] };

export async function explain(database: Database, st: Statement): Promise<Plan> {
  let text = st.text;
  for (let i = st.params.length; i >= 1; i--) text = text.replaceAll(`$${i}`, literal(st.params[i - 1]));
  const rows = await selectRows<Record<string, string>>(
    database.db,
    sql.raw(`explain (analyze, buffers, costs off) ${text}`),
  );
  const plan = rows.map((r) => Object.values(r)[0]!);
  const scans = plan
    .map((l) => l.trim().replace(/^->\s*/, ''))
    .filter((l) => /Scan|Sort|Limit/.test(l) && !/^(Sort Key|Sort Method|Heap Blocks)/.test(l))
    .map((l) =>
      l.replace(/\s*\(actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+) loops=(\d+)\)/, ' [$1 ms, $2 rows × $3]'),
    );
  const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? 0);
  const top = scans.filter((s) =>
    /documents_search|Seq Scan on documents|on documents|on deliveries/.test(s),
  );
  return { summary: `${top.slice(0, 3).join('; ')}; execution ${executionMs} ms`, executionMs, scans, plan };
}

/** Runs each `;`-separated statement of a what-if change (an index, a setting) on the private database. */
export async function applyWhatIf(database: Database, statements: string) {
  for (const st of statements
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean))
    await database.db.execute(sql.raw(st));
  await database.db.execute(sql`analyze`);
}
