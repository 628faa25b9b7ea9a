import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChannel } from '../../../test/realtime.ts';
import {
  agencyIdByCode,
  createTestApp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../platform/db/db.ts';

describe('notifications and the realtime channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  it('pushes a notification live when an admin gives the person a post, and lists it unread', async () => {
    const official = await signIn(t.app, 'canbo.hoaan');
    const { ws, next } = await openChannel(t.app, official);
    expect((await next((m) => m.type === 'hello')).userId).toBeTruthy();
    // The sign-in's own "new place" notice may still be on its way through NOTIFY: wait for the post's.
    const pushed = next(
      (m) => m.type === 'notification' && (m.notification as { kind?: string })?.kind === 'org.post_added',
    );

    const { cookie: admin } = await signInEnrolled(t.app, 'quantri');
    const tanPhu = await agencyIdByCode(t.app, admin, 'UBND-TP');
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: official } })).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/people/${me.id}/posts`,
      headers: { cookie: admin },
      payload: { agencyId: tanPhu, role: 'official' },
    });
    expect(res.statusCode).toBe(201);

    const msg = await pushed;
    expect(msg.notification).toMatchObject({
      kind: 'org.post_added',
      params: { agency: 'Ủy ban nhân dân xã Tân Phú', role: 'official' },
      read: false,
    });
    ws.terminate();

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: official },
    });
    expect(list.json().unread).toBeGreaterThanOrEqual(1);
    const id = (list.json().items as { id: string; kind: string }[]).find(
      (n) => n.kind === 'org.post_added',
    )!.id;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${id}/read`,
          headers: { cookie: official },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${id}/read`,
          headers: { cookie: official },
        })
      ).statusCode,
    ).toBe(404);
    await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: official } });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: official } })).json()
        .unread,
    ).toBe(0);
  });

  it('closes the socket of an anonymous client', async () => {
    const ws = await t.app.injectWS('/api/realtime');
    const code = await new Promise<number>((resolve) => ws.once('close', (c: number) => resolve(c)));
    expect(code).toBe(4401);
  });

  it.runIf(process.env.DATABASE_URL)(
    'fans out across server processes sharing one PostgreSQL (LISTEN/NOTIFY)',
    async () => {
      // A second, independent server instance with its own connection pool and listener on the same database.
      const database = await openDatabase({ databaseUrl: t.db.url! });
      const second = await buildApp({ config: t.config, database, logger: false });
      await second.ready();
      try {
        const official = await signIn(second, 'canbo.phuloc');
        const { ws, next } = await openChannel(second, official);
        await next((m) => m.type === 'hello');
        // The sign-in's own "new place" notice may still be on its way through NOTIFY: wait for the post's.
        const pushed = next(
          (m) =>
            m.type === 'notification' && (m.notification as { kind?: string })?.kind === 'org.post_added',
        );
        const { cookie: admin } = await signInEnrolled(t.app, 'quantri.tanphu');
        const tanPhu = await agencyIdByCode(t.app, admin, 'UBND-TP');
        const me = (
          await second.inject({ method: 'GET', url: '/api/me', headers: { cookie: official } })
        ).json();
        await t.app.inject({
          method: 'POST',
          url: `/api/people/${me.id}/posts`,
          headers: { cookie: admin },
          payload: { agencyId: tanPhu, role: 'official' },
        });
        expect((await pushed).notification).toMatchObject({ kind: 'org.post_added' });
        ws.terminate();
      } finally {
        await second.close();
        await database.close();
      }
    },
  );
});
