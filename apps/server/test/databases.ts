import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/platform/db/db.ts';

// A private database for one test file or benchmark: in-memory PGlite, or — when DATABASE_URL is set — a fresh
// PostgreSQL database created beside the given one and dropped afterwards, so parallel files never meet.
export type TestDatabase = { database: Database; url?: string; drop(): Promise<void> };

export async function openTestDatabase(opts: { dataDir?: string } = {}): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const database = await openDatabase({ dataDir: opts.dataDir });
    return { database, drop: () => database.close() };
  }
  const name = `civicdesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
