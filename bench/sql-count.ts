import { NodePgPreparedQuery } from 'drizzle-orm/node-postgres';
import { PglitePreparedQuery } from 'drizzle-orm/pglite';

// Counts the SQL statements the application sends, in this process, on either driver: every drizzle query goes
// through one prepared-query object whose execute()/all() we wrap. On PostgreSQL that includes each
// transaction's BEGIN and COMMIT (drizzle sends them as statements); PGlite opens transactions itself, so there
// they are not counted. Optionally keeps the text and parameters of each statement (to EXPLAIN it later).

export type Statement = { text: string; params: unknown[] };
type Wrapped = { queryString?: string; rawQueryConfig?: { text: string }; params: unknown[] };

export const sqlCounter = { count: 0, capture: false, statements: [] as Statement[] };

let installed = false;
export function installSqlCounter() {
  if (installed) return;
  installed = true;
  for (const proto of [NodePgPreparedQuery.prototype, PglitePreparedQuery.prototype] as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >[]) {
    for (const method of ['execute', 'all']) {
      const original = proto[method]!;
      proto[method] = function (this: Wrapped, ...args: unknown[]) {
        sqlCounter.count++;
        if (sqlCounter.capture)
          sqlCounter.statements.push({
            text: this.queryString ?? this.rawQueryConfig?.text ?? '',
            params: this.params,
          });
        return original.apply(this, args);
      };
    }
  }
}

/** Runs `fn` and returns how many statements it sent (with their text when `capture`). */
export async function countStatements<T>(
  fn: () => Promise<T>,
  capture = false,
): Promise<{ result: T; count: number; statements: Statement[] }> {
  installSqlCounter();
  const before = sqlCounter.count;
  sqlCounter.capture = capture;
  sqlCounter.statements = [];
  try {
    const result = await fn();
    return { result, count: sqlCounter.count - before, statements: sqlCounter.statements };
  } finally {
    sqlCounter.capture = false;
  }
}
