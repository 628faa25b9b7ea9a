import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../../test/eoffice.ts';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: 'full' });
}, 120_000);
afterAll(() => t.close());

describe('demo public services', () => {
  it('seeds congdan with submissions waiting, needing information, approved and an overdue one in the queue', async () => {
    const call = caller(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/portal/login',
      payload: { username: 'congdan', password: 'civicdesk-demo' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `cd_session=${login.cookies.find((c) => c.name === 'cd_session')!.value}`;
    const mine = await call(cookie, 'GET', '/api/portal/submissions');
    expect(mine.body.map((s: { state: string }) => s.state).sort()).toEqual([
      'approved',
      'info_requested',
      'submitted',
    ]);
    const records = await call(cookie, 'GET', '/api/portal/records');
    expect(records.body).toHaveLength(1);
    const head = await signIn(t.app, 'truongphong.vx');
    const procedures = await call(cookie, 'GET', '/api/portal/procedures');
    expect(procedures.body).toHaveLength(3);
    const agencyId = procedures.body.find((p: { code: string }) => p.code === 'DKKS').agencyId;
    const overdue = await call(head, 'GET', `/api/services/queue?agencyId=${agencyId}&state=overdue`);
    expect(overdue.body).toHaveLength(1);
  });
});
