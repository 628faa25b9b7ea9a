import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('gap-free numbering under concurrency', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, ['chuyenvien', 'phochutich', 'vanthu', 'vanthu.tanphu']);
  });
  afterAll(async () => t.close());

  it('gives parallel issuances and receptions consecutive numbers with no duplicate and no gap', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const n = 24;
    const docs = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const id = (
          await call(c.chuyenvien!, 'POST', '/api/documents', {
            ...letter(a['UBND-LS']!, a['UBND-TP']!),
            subject: `Công văn thử số ${i}`,
          })
        ).body.id as string;
        await call(c.chuyenvien!, 'POST', `/api/documents/${id}/submit`, {
          steps: [{ kind: 'approval', assigneeId: ids.phochutich }],
        });
        await call(c.phochutich!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
        return id;
      }),
    );
    // Every document issued at once, twice: the second wave must all be refused.
    const first = await Promise.all(docs.map((id) => call(c.vanthu!, 'POST', `/api/documents/${id}/issue`)));
    const second = await Promise.all(docs.map((id) => call(c.vanthu!, 'POST', `/api/documents/${id}/issue`)));
    expect(first.map((r) => r.status)).toEqual(docs.map(() => 200));
    expect(second.map((r) => r.status)).toEqual(docs.map(() => 409));
    const numbers = first.map((r) => Number.parseInt(String(r.body.numberText), 10)).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i + 1));

    const copies = (
      await call(c['vanthu.tanphu']!, 'GET', `/api/agencies/${a['UBND-TP']}/incoming?state=sent&limit=100`)
    ).body as { id: string }[];
    expect(copies).toHaveLength(n);
    await Promise.all(
      copies.map((d) => call(c['vanthu.tanphu']!, 'POST', `/api/deliveries/${d.id}/receive`, {})),
    );
    const received = (
      await call(
        c['vanthu.tanphu']!,
        'GET',
        `/api/agencies/${a['UBND-TP']}/incoming?state=received&limit=100`,
      )
    ).body as { incomingNumber: number }[];
    expect(received.map((d) => d.incomingNumber).sort((x, y) => x - y)).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
  });
});
