import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { systemCtx } from '../../bootstrap.ts';
import { selectRows } from '../../platform/db/db.ts';
import { recordAudit, verifyAuditLog } from './audit.service.ts';

const run = promisify(execFile);
const agencyA = '00000000-0000-4000-8000-00000000000a';
const agencyB = '00000000-0000-4000-8000-00000000000b';

describe('tamper-evident audit log', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    const ctx = systemCtx(t.database);
    for (let i = 0; i < 5; i++) {
      await recordAudit(ctx, {
        action: 'test.changed',
        entityType: 'thing',
        entityId: `a${i}`,
        agencyId: agencyA,
        after: { i },
      });
      await recordAudit(ctx, {
        action: 'test.changed',
        entityType: 'thing',
        entityId: `b${i}`,
        agencyId: agencyB,
        after: { i },
      });
    }
  });
  afterAll(async () => t.drop());

  const db = () => t.database.db;

  it('chains entries per agency and verifies an intact log', async () => {
    const rows = await selectRows<{ seq: number; prev_hash: string; hash: string }>(
      db(),
      sql`select seq, prev_hash, hash from audit_log where chain = ${agencyA} order by seq`,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe('');
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditLog(db())).toEqual({ ok: true, chains: 2, entries: 10, firstBreak: null });
  });

  it('names the first entry whose content was altered', async () => {
    await db().execute(
      sql`update audit_log set detail = '{"forged":true}' where chain = ${agencyB} and seq = 3`,
    );
    const report = await verifyAuditLog(db());
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      chain: agencyB,
      seq: 3,
      reason: 'content does not match its hash',
    });
    await db().execute(sql`update audit_log set detail = '{}' where chain = ${agencyB} and seq = 3`);
    expect((await verifyAuditLog(db())).ok).toBe(true);
  });

  it('detects a deleted entry in the middle and at the end of a chain', async () => {
    const [row] = await selectRows<Record<string, unknown>>(
      db(),
      sql`select * from audit_log where chain = ${agencyA} and seq = 2`,
    );
    await db().execute(sql`delete from audit_log where chain = ${agencyA} and seq = 2`);
    expect((await verifyAuditLog(db())).firstBreak).toMatchObject({
      chain: agencyA,
      seq: 3,
      reason: 'entry 2 is missing',
    });
    await db().execute(
      sql`insert into audit_log select * from json_populate_record(null::audit_log, ${JSON.stringify(row)}::json)`,
    );
    expect((await verifyAuditLog(db())).ok).toBe(true);

    await db().execute(sql`delete from audit_log where chain = ${agencyA} and seq = 5`);
    expect((await verifyAuditLog(db())).firstBreak).toMatchObject({
      chain: agencyA,
      reason: 'entries after 4 are missing',
    });
  });
});

describe('civicdesk audit verify (CLI)', () => {
  it('exits 0 on an intact log and 1, naming the entry, after a row is altered', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'civicdesk-cli-'));
    const { DATABASE_URL: _embeddedOnly, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir, CIVICDESK_DEMO: '0' };
    const cli = path.resolve(import.meta.dirname, '../../../bin/civicdesk.js');
    await run(
      process.execPath,
      [cli, 'admin', 'create', '--username', 'root', '--password', 'a-long-initial-password'],
      { env },
    );
    const ok = await run(process.execPath, [cli, 'audit', 'verify'], { env });
    expect(ok.stdout).toMatch(/intact: 1 entries in 1 chains/);

    const { openDatabase } = await import('../../platform/db/db.ts');
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`update audit_log set action = 'identity.user.deleted' where seq = 1`);
    await database.close();

    const broken = await run(process.execPath, [cli, 'audit', 'verify'], { env }).catch(
      (e) => e as { code: number; stdout: string },
    );
    expect((broken as { code: number }).code).toBe(1);
    expect(broken.stdout).toMatch(
      /BROKEN at chain platform, entry 1 \(row id \d+\): content does not match its hash/,
    );
  }, 120_000); // three CLI processes, each opening PGlite
});
