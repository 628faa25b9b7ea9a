import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { type Msg, openChannel } from '../../../test/realtime.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

// Live inbox counters: whoever's counters an action changes gets {type:'inbox.changed'} on the realtime channel,
// published in the action's transaction (a refused action sends nothing), and fetches counters that match.

const people = ['canbo.tanphu', 'chutich.tanphu', 'vanthu.tanphu', 'vanthu', 'truongphong.vx', 'chuyenvien'];
const changed = (m: Msg) => m.type === 'inbox.changed';

describe('inbox counters pushed live', () => {
  let t: TestApp;
  let w: World;
  let channels: Record<string, Awaited<ReturnType<typeof openChannel>>>;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, people);
    channels = {};
    for (const p of people) {
      channels[p] = await openChannel(t.app, w.cookies[p]);
      await channels[p].next((m) => m.type === 'hello');
    }
  });
  afterAll(async () => {
    for (const c of Object.values(channels)) c.ws.terminate();
    await t.close();
  });

  const counters = async (user: string) =>
    (await w.call(w.cookies[user]!, 'GET', '/api/inbox/counters')).body as Record<string, number>;
  /** Waits for the next inbox.changed of each person (forgetting earlier ones first). */
  const pushedTo = (users: string[]) => {
    for (const u of users) channels[u]!.clear();
    return () => Promise.all(users.map((u) => channels[u]!.next(changed)));
  };

  it('tells the approver when a document is submitted to them, and the drafter when it is approved', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const id = (
      await call(c['canbo.tanphu']!, 'POST', '/api/documents', letter(a['UBND-TP']!, a['UBND-LS']!))
    ).body.id as string;
    expect((await counters('chutich.tanphu')).toApprove).toBe(0);

    const submitted = pushedTo(['chutich.tanphu', 'canbo.tanphu']);
    const line = { steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }] };
    expect((await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, line)).status).toBe(200);
    expect(await submitted()).toEqual([{ type: 'inbox.changed' }, { type: 'inbox.changed' }]);
    expect((await counters('chutich.tanphu')).toApprove).toBe(1);

    // A refused action changes nothing and pushes nothing (NOTIFY belongs to the rolled-back transaction).
    channels['chutich.tanphu']!.clear();
    expect((await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, line)).status).toBe(409);
    const approved = pushedTo(['canbo.tanphu']);
    const act = await call(c['chutich.tanphu']!, 'POST', `/api/documents/${id}/approval`, {
      action: 'approve',
    });
    expect(act.body).toEqual({ outcome: 'approved' });
    await approved();
    await channels['chutich.tanphu']!.next(changed);
    expect(channels['chutich.tanphu']!.seen.filter(changed)).toHaveLength(1);
    expect((await counters('chutich.tanphu')).toApprove).toBe(0);

    // Issued and delivered: the receiving clerk's counter; assigned: the handler's.
    const arrived = pushedTo(['vanthu']);
    expect((await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`)).status).toBe(200);
    await arrived();
    expect((await counters('vanthu')).toReceive).toBe(1);
    const incoming = await call(c.vanthu!, 'GET', `/api/agencies/${a['UBND-LS']}/incoming?state=sent`);
    const delivery = incoming.body[0].id as string;
    const received = pushedTo(['vanthu']);
    expect((await call(c.vanthu!, 'POST', `/api/deliveries/${delivery}/receive`, {})).status).toBe(200);
    await received();
    expect((await counters('vanthu')).toReceive).toBe(0);
    const units = (await call(c.vanthu!, 'GET', `/api/agencies/${a['UBND-LS']}/units`)).body;
    const vx = (units as { id: string; code: string }[]).find((u) => u.code === 'VX')!.id;
    await call(c.vanthu!, 'POST', `/api/deliveries/${delivery}/distribute`, { unitId: vx });
    const assigned = pushedTo(['chuyenvien']);
    const assign = await call(c['truongphong.vx']!, 'POST', `/api/deliveries/${delivery}/assign`, {
      leadId: ids.chuyenvien,
      coIds: [],
      deadline: null,
      instruction: null,
    });
    expect(assign.status).toBe(200);
    await assigned();
    expect((await counters('chuyenvien')).toHandle).toBe(1);
  });
});
