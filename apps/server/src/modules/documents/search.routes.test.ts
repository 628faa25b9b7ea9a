import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { selectRows } from '../../platform/db/db.ts';
import { searchCondition } from './use-cases/read.ts';

// Search through the HTTP API: queries of one and two characters (no trigram) in Korean, Vietnamese and English
// go through the 1-/2-gram index, longer ones through the trigram index; only what the searcher may read.

describe('document search: short queries in every script, within scope', () => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, ['canbo.tanphu', 'canbo.hoaan']);
    const draft = async (user: string, from: string, subject: string, body: string) =>
      (
        await w.call(w.cookies[user]!, 'POST', '/api/documents', {
          ...letter(w.agencies[from]!, w.agencies['UBND-LS']!),
          subject,
          bodyHtml: `<p>${body}</p>`,
        })
      ).body.id as string;
    ids.budget = await draft(
      'canbo.tanphu',
      'UBND-TP',
      'Kế hoạch ngân sách — 예산 회의 안건',
      'Budget meeting; tu bổ Đê điều',
    );
    ids.landslide = await draft('canbo.tanphu', 'UBND-TP', 'Báo cáo sạt lở đất', 'Landslide 산사태 report');
    ids.other = await draft('canbo.hoaan', 'UBND-HA', 'Xã Hòa An: 예산 회의', 'Budget của xã khác, sạt lở');
  });
  afterAll(async () => t.close());

  const search = async (user: string, q: string) => {
    const res = await w.call(w.cookies[user]!, 'GET', `/api/documents?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((d) => d.id);
  };
  const mine = (found: string[]) => found.filter((id) => Object.values(ids).includes(id));

  it('finds two-syllable and one-syllable Korean words', async () => {
    expect(mine(await search('canbo.tanphu', '예산'))).toEqual([ids.budget]);
    expect(mine(await search('canbo.tanphu', '회의'))).toEqual([ids.budget]);
    expect(mine(await search('canbo.tanphu', '예'))).toEqual([ids.budget]);
    expect(mine(await search('canbo.tanphu', '산')).sort()).toEqual([ids.budget, ids.landslide].sort());
    expect(mine(await search('canbo.tanphu', '산사태'))).toEqual([ids.landslide]);
    expect(mine(await search('canbo.tanphu', '예회'))).toEqual([]);
  });

  it('finds short Vietnamese syllables with their diacritics, and English case-insensitively', async () => {
    expect(mine(await search('canbo.tanphu', 'lở'))).toEqual([ids.landslide]);
    expect(mine(await search('canbo.tanphu', 'Đê'))).toEqual([ids.budget]);
    expect(mine(await search('canbo.tanphu', 'lo'))).toEqual([]);
    expect(mine(await search('canbo.tanphu', 'sạt lở'))).toEqual([ids.landslide]);
    expect(mine(await search('canbo.tanphu', 'BU'))).toEqual([ids.budget]);
    expect(mine(await search('canbo.tanphu', 'la'))).toEqual([ids.landslide]);
    expect(mine(await search('canbo.tanphu', 'x'))).toEqual([]);
  });

  it("never finds another agency's document", async () => {
    expect(mine(await search('canbo.hoaan', '예산'))).toEqual([ids.other]);
    expect(mine(await search('canbo.hoaan', 'lở'))).toEqual([ids.other]);
    expect(await search('canbo.tanphu', 'Hòa An')).not.toContain(ids.other);
    expect(await search('canbo.tanphu', '예산')).not.toContain(ids.other);
  });

  it('refuses an empty query and searches short ones through an index', async () => {
    const empty = await w.call(w.cookies['canbo.tanphu']!, 'GET', '/api/documents?q=%20');
    expect(empty.status).toBe(400);
    const plan = await t.db.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return selectRows<{ 'QUERY PLAN': string }>(
        tx,
        sql`explain select d.id from documents d where ${searchCondition('예산')}`,
      );
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('documents_grams');
  });
});
