import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Call, caller } from '../../../test/eoffice.ts';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.ts';

// The demo's rooms and seats: each agency sees its own, with tomorrow's bookings in the day view.

describe('demo rooms and seats', () => {
  let t: TestApp;
  let call: Call;
  beforeAll(async () => {
    t = await createTestApp({ demo: 'full' });
    call = caller(t.app);
  });
  afterAll(async () => t.close());

  it('gives the province and the district office rooms, seats and bookings of their own', async () => {
    const vn = await signIn(t.app, 'chuyenvien');
    const kr = await signIn(t.app, 'jumugwan');
    const list = async (cookie: string) =>
      (await call(cookie, 'GET', '/api/rooms/resources')).body as {
        id: string;
        name: string;
        kind: string;
      }[];
    const vnRooms = await list(vn);
    expect(vnRooms.map((r) => r.name)).toContain('Phòng họp trực tuyến tầng 3');
    expect(vnRooms.filter((r) => r.kind === 'smart_seat')).toHaveLength(3);
    const krRooms = await list(kr);
    expect(krRooms.map((r) => r.name)).toContain('화상회의실');
    expect(krRooms.some((r) => r.name.startsWith('스마트워크센터 좌석'))).toBe(true);
    expect((await call(vn, 'GET', '/api/rooms/bookings/mine')).body).toHaveLength(1);
    expect((await call(kr, 'GET', '/api/rooms/bookings/mine')).body).toMatchObject([
      { title: '스마트워크 근무' },
    ]);
    const room = vnRooms.find((r) => r.name === 'Phòng họp trực tuyến tầng 3')!;
    const from = new Date();
    const to = new Date(from.getTime() + 3 * 86_400_000);
    const day = await call(
      vn,
      'GET',
      `/api/rooms/resources/${room.id}/availability?from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    expect(day.body.bookings).toHaveLength(2);
  });

  it('has a video meeting open to join now and the district office’s executive meeting tomorrow', async () => {
    const vn = await signIn(t.app, 'chuyenvien');
    const kr = await signIn(t.app, 'jumugwan');
    const upcoming = async (cookie: string) =>
      (await call(cookie, 'GET', '/api/video-meetings?when=upcoming')).body as {
        title: string;
        me: { invited: boolean };
      }[];
    expect(await upcoming(vn)).toMatchObject([
      { title: 'Họp giao ban trực tuyến đầu tuần', me: { invited: true } },
    ]);
    expect(await upcoming(kr)).toMatchObject([{ title: '확대간부회의', me: { invited: true } }]);
  });
});
