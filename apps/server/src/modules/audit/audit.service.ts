import { and, asc, desc, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import { canonicalJson, digestOf, sha256Hex } from '../../platform/canonical.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { auditHeads, auditLog } from './audit.tables.ts';

// The tamper-evident log. Every state change calls recordAudit inside its own transaction, so the change and
// its entry commit together. Each entry's hash covers the previous hash and the entry's content.

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
};

type HashedFields = {
  chain: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  detail: Record<string, unknown>;
};

function entryHash(prevHash: string, e: HashedFields): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ ...e, at: e.at.toISOString() })}`);
}

export async function recordAudit(ctx: Ctx, input: AuditInput): Promise<void> {
  const chain = input.agencyId ?? 'platform';
  // Creating or bumping the head row locks it until commit: entries of one chain get consecutive numbers.
  const [head] = await ctx.db
    .insert(auditHeads)
    .values({ chain, seq: 1, hash: '' })
    .onConflictDoUpdate({ target: auditHeads.chain, set: { seq: sql`${auditHeads.seq} + 1` } })
    .returning();
  if (!head) throw new Error('audit head not returned');
  const fields: HashedFields = {
    chain,
    seq: head.seq,
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? null,
    agencyId: input.agencyId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    ip: ctx.ip || null,
    beforeDigest: digestOf(input.before),
    afterDigest: digestOf(input.after),
    detail: input.detail ?? {},
  };
  const hash = entryHash(head.hash, fields);
  await ctx.db.insert(auditLog).values({ ...fields, prevHash: head.hash, hash });
  await ctx.db.update(auditHeads).set({ hash }).where(eq(auditHeads.chain, chain));
}

export type AuditBreak = { chain: string; seq: number; id: number | null; reason: string };
export type AuditReport = { ok: boolean; chains: number; entries: number; firstBreak: AuditBreak | null };

/** Re-computes every chain from its first entry; names the first entry that was altered, removed or inserted. */
export async function verifyAuditLog(db: Db, pageSize = 5000): Promise<AuditReport> {
  const heads = await db.select().from(auditHeads).orderBy(asc(auditHeads.chain));
  let entries = 0;
  for (const head of heads) {
    let prev = '';
    let expected = 1;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.chain, head.chain), gte(auditLog.seq, expected)))
        .orderBy(asc(auditLog.seq))
        .limit(pageSize);
      for (const row of rows) {
        const broken = (reason: string) => ({
          ok: false,
          chains: heads.length,
          entries,
          firstBreak: { chain: head.chain, seq: row.seq, id: row.id, reason },
        });
        if (row.seq !== expected) return broken(`entry ${expected} is missing`);
        if (row.prevHash !== prev) return broken('previous-hash link does not match');
        const { id: _id, prevHash: _p, hash, ...fields } = row;
        if (entryHash(prev, fields) !== hash) return broken('content does not match its hash');
        prev = hash;
        expected += 1;
        entries += 1;
      }
      if (rows.length < pageSize) break;
    }
    if (head.seq !== expected - 1 || head.hash !== prev) {
      const reason =
        head.seq > expected - 1 ? `entries after ${expected - 1} are missing` : 'chain head does not match';
      return {
        ok: false,
        chains: heads.length,
        entries,
        firstBreak: { chain: head.chain, seq: expected, id: null, reason },
      };
    }
  }
  return { ok: true, chains: heads.length, entries, firstBreak: null };
}

export type AuditFilter = {
  agencyId?: string;
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
};

/** Lists entries newest first, only from agencies in `scope` (an SQL subquery of agency ids). */
export async function listAuditEntries(db: Db, scope: SQL | null, f: AuditFilter) {
  const conds: (SQL | undefined)[] = [
    scope ? sql`${auditLog.agencyId} in (${scope})` : undefined,
    f.agencyId ? eq(auditLog.agencyId, f.agencyId) : undefined,
    f.action ? ilike(auditLog.action, `${f.action.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    f.actor ? eq(auditLog.actorName, f.actor) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
    f.before ? sql`${auditLog.id} < ${f.before}` : undefined,
  ];
  return db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
