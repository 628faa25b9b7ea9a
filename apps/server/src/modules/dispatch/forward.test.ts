import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Forwarding (이송 / chuyển): a copy sent to the wrong agency goes on to the competent one.

describe('forwarding a received copy to the competent agency', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, [
      'canbo.tanphu',
      'chutich.tanphu',
      'vanthu.tanphu',
      'vanthu',
      'chuyenvien',
      'chutich.hoaan',
    ]);
  });
  afterAll(async () => t.close());

  it('settles this copy as forwarded, tells the sender and delivers a new copy; refuses the rest', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const id = (
      await call(c['canbo.tanphu']!, 'POST', '/api/documents', letter(a['UBND-TP']!, a['UBND-LS']!))
    ).body.id as string;
    await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }],
    });
    await call(c['chutich.tanphu']!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
    await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`);
    const [copy] = (
      await call(c.vanthu!, 'GET', `/api/agencies/${a['UBND-LS']}/incoming?state=sent&limit=100`)
    ).body.filter((d: { documentId: string }) => d.documentId === id);
    expect((await call(c.vanthu!, 'POST', `/api/deliveries/${copy.id}/receive`, {})).status).toBe(200);

    const reason = { reason: 'Thuộc thẩm quyền giải quyết của UBND xã Hòa An' };
    const forward = (cookie: string, toAgencyId: string) =>
      call(cookie, 'POST', `/api/deliveries/${copy.id}/forward`, { toAgencyId, ...reason });
    // Only the records clerk forwards; an official of the agency is not shown the copy at all.
    expect((await forward(c.chuyenvien!, a['UBND-HA']!)).status).toBe(404);
    expect((await forward(c.vanthu!, a['UBND-TP']!)).body.error.key).toBe('dispatch.forward_to_sender');
    expect((await forward(c.vanthu!, a['UBND-LS']!)).body.error.key).toBe('dispatch.bad_forward_target');
    expect((await forward(c.vanthu!, a['UBND-HA']!)).status).toBe(200);
    expect((await forward(c.vanthu!, a['UBND-HA']!)).body.error.key).toBe('dispatch.not_forwardable');

    const copies = (await call(c['canbo.tanphu']!, 'GET', `/api/documents/${id}/deliveries`)).body;
    expect(copies.map((d: { toAgency: string; state: string }) => [d.toAgency, d.state]).sort()).toEqual([
      ['Ủy ban nhân dân tỉnh Lâm Sơn', 'forwarded'],
      ['Ủy ban nhân dân xã Hòa An', 'sent'],
    ]);
    const arrived = (
      await call(c['chutich.hoaan']!, 'GET', `/api/agencies/${a['UBND-HA']}/incoming?state=sent&limit=100`)
    ).body.find((d: { documentId: string }) => d.documentId === id);
    expect(arrived).toMatchObject({ fromAgency: 'Ủy ban nhân dân tỉnh Lâm Sơn' });
    const told = (await call(c['canbo.tanphu']!, 'GET', '/api/notifications')).body;
    expect(JSON.stringify(told)).toContain('dispatch.forwarded_by_recipient');
  });
});
