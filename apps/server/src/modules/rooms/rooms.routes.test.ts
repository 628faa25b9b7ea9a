import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Call, caller } from '../../../test/eoffice.ts';
import {
  agencyIdByCode,
  createTestApp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';
import { selectRows } from '../../platform/db/db.ts';

// Rooms and seats through HTTP: administrators set resources up, staff book them, overlaps are refused with the
// clashing time (and change nothing), back-to-back bookings pass, cancelling frees the slot, other agencies see
// nothing (404), bad input answers in the caller's language, and every change is in the audit log.

/** An instant `hours` after 00:00 UTC two days from now: always in the future, whatever the clock says. */
const day = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 2),
);
const at = (hours: number) => new Date(day.getTime() + hours * 3600_000).toISOString();
const slot = (from: number, to: number, title = 'Họp giao ban') => ({
  title,
  startsAt: at(from),
  endsAt: at(to),
});
const room = (agencyId: string, extra: Record<string, unknown> = {}) => ({
  agencyId,
  kind: 'vc_room',
  name: 'Phòng họp trực tuyến tầng 3',
  location: 'Tầng 3, trụ sở UBND tỉnh',
  capacity: 30,
  equipment: 'Màn hình 86", camera PTZ, micro hội nghị',
  ...extra,
});

describe('rooms and seats', () => {
  let t: TestApp;
  let call: Call;
  const c: Record<string, string> = {};
  const agency: Record<string, string> = {};
  let roomId = '';

  const inLanguage = async (
    cookie: string,
    lang: string,
    method: 'POST' | 'GET',
    url: string,
    payload?: unknown,
  ) => {
    const res = await t.app.inject({
      method,
      url,
      headers: { cookie, 'accept-language': lang },
      payload: payload as never,
    });
    return { status: res.statusCode, body: res.json() };
  };
  const audit = async (entityId: string) =>
    (
      await selectRows<{ action: string }>(
        t.db.database.db,
        sql`select action from audit_log where entity_id = ${entityId} order by at, seq`,
      )
    ).map((r) => r.action);

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    call = caller(t.app);
    for (const u of ['chuyenvien', 'vanthu', 'canbo.tanphu', 'jumugwan']) c[u] = await signIn(t.app, u);
    c.quantri = (await signInEnrolled(t.app, 'quantri')).cookie;
    for (const code of ['UBND-LS', 'UBND-TP', 'HANBIT-GU'])
      agency[code] = await agencyIdByCode(t.app, c.chuyenvien!, code);
  });
  afterAll(async () => t.close());

  it('lets administrators of the agency or a parent add resources; others get 403, strangers 404', async () => {
    const created = await call(c.quantri!, 'POST', '/api/rooms/resources', room(agency['UBND-LS']!));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'vc_room', capacity: 30, active: true, canManage: true });
    roomId = created.body.id;
    expect(await audit(roomId)).toEqual(['rooms.resource_created']);

    const inCommune = await call(
      c.quantri!,
      'POST',
      '/api/rooms/resources',
      room(agency['UBND-TP']!, { kind: 'smart_seat', name: 'Chỗ ngồi A1', capacity: 1 }),
    );
    expect(inCommune.status).toBe(201);

    expect((await call(c.chuyenvien!, 'POST', '/api/rooms/resources', room(agency['UBND-LS']!))).status).toBe(
      403,
    );
    expect((await call(c.jumugwan!, 'POST', '/api/rooms/resources', room(agency['UBND-LS']!))).status).toBe(
      404,
    );
    const edit = await call(c.chuyenvien!, 'PATCH', `/api/rooms/resources/${roomId}`, { capacity: 10 });
    expect(edit.status).toBe(403);
  });

  it('refuses bad resources in the caller’s language', async () => {
    const zero = await inLanguage(
      c.quantri!,
      'ko',
      'POST',
      '/api/rooms/resources',
      room(agency['UBND-LS']!, { capacity: 0 }),
    );
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toMatch(/[가-힣]/);
    expect(zero.body.error.message).toContain('capacity');
  });

  it('lists resources only where the caller holds a post or administers', async () => {
    const names = async (cookie: string) =>
      ((await call(cookie, 'GET', '/api/rooms/resources')).body as { name: string }[]).map((r) => r.name);
    expect(await names(c.chuyenvien!)).toEqual(['Phòng họp trực tuyến tầng 3']);
    expect(await names(c['canbo.tanphu']!)).toEqual(['Chỗ ngồi A1']);
    expect(await names(c.jumugwan!)).toEqual([]);
    expect(await names(c.quantri!)).toHaveLength(2);
    for (const url of [
      `/api/rooms/resources/${roomId}`,
      `/api/rooms/resources/${roomId}/availability?from=${at(0)}&to=${at(24)}`,
    ])
      expect((await call(c.jumugwan!, 'GET', url)).status).toBe(404);
    const book = await call(c.jumugwan!, 'POST', `/api/rooms/resources/${roomId}/bookings`, slot(9, 10));
    expect(book.status).toBe(404);
  });

  it('books, refuses an overlap with the clashing time and changes nothing, allows back-to-back', async () => {
    const first = await call(c.chuyenvien!, 'POST', `/api/rooms/resources/${roomId}/bookings`, slot(9, 10));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      mine: true,
      canCancel: true,
      resourceName: 'Phòng họp trực tuyến tầng 3',
    });
    expect(await audit(first.body.id)).toEqual(['rooms.booked']);

    const clash = await inLanguage(
      c.vanthu!,
      'vi',
      'POST',
      `/api/rooms/resources/${roomId}/bookings`,
      slot(9.5, 10.5),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.error.key).toBe('rooms.conflict');
    // The province reads local time (UTC+7): 09:00–10:00 UTC is 16:00–17:00.
    expect(clash.body.error.message).toContain('16:00–17:00');
    expect(clash.body.error.message).toContain('Thời gian này trùng');
    expect(clash.body.error.clash).toEqual({ startsAt: at(9), endsAt: at(10) });
    const inside = await call(c.vanthu!, 'POST', `/api/rooms/resources/${roomId}/bookings`, slot(8, 11));
    expect(inside.status).toBe(409);

    const count = await selectRows<{ n: number }>(
      t.db.database.db,
      sql`select count(*)::int as n from resource_bookings where resource_id = ${roomId}`,
    );
    expect(count[0]!.n).toBe(1);

    const after = await call(
      c.vanthu!,
      'POST',
      `/api/rooms/resources/${roomId}/bookings`,
      slot(10, 11, 'Tiếp dân'),
    );
    expect(after.status).toBe(201);
    const before = await call(
      c.vanthu!,
      'POST',
      `/api/rooms/resources/${roomId}/bookings`,
      slot(8, 9, 'Chuẩn bị'),
    );
    expect(before.status).toBe(201);
  });

  it('shows the day: bookings with who booked and the free gaps between them', async () => {
    const res = await call(
      c.chuyenvien!,
      'GET',
      `/api/rooms/resources/${roomId}/availability?from=${at(0)}&to=${at(24)}`,
    );
    expect(res.status).toBe(200);
    const bookings = res.body.bookings as {
      title: string;
      mine: boolean;
      canCancel: boolean;
      bookedByName: string;
    }[];
    expect(bookings.map((b) => [b.title, b.mine, b.canCancel])).toEqual([
      ['Chuẩn bị', false, false],
      ['Họp giao ban', true, true],
      ['Tiếp dân', false, false],
    ]);
    expect(res.body.free).toEqual([
      { startsAt: at(0), endsAt: at(8) },
      { startsAt: at(11), endsAt: at(24) },
    ]);
    const tooWide = await call(
      c.chuyenvien!,
      'GET',
      `/api/rooms/resources/${roomId}/availability?from=${at(0)}&to=${at(24 * 40)}`,
    );
    expect(tooWide.status).toBe(400);
  });

  it('refuses bad bookings in the caller’s language', async () => {
    const url = `/api/rooms/resources/${roomId}/bookings`;
    const backwards = await inLanguage(c.chuyenvien!, 'vi', 'POST', url, slot(15, 14));
    expect(backwards).toMatchObject({ status: 400, body: { error: { key: 'rooms.end_before_start' } } });
    expect(backwards.body.error.message).toBe('Thời điểm kết thúc phải sau thời điểm bắt đầu.');
    const long = await inLanguage(c.chuyenvien!, 'ko', 'POST', url, slot(1, 13.5));
    expect(long.body.error).toMatchObject({
      key: 'rooms.too_long',
      message: '한 번에 최대 12시간까지 예약할 수 있습니다.',
    });
    const past = new Date(Date.now() - 3 * 3600_000);
    const old = await inLanguage(c.chuyenvien!, 'en', 'POST', url, {
      title: 'x',
      startsAt: past.toISOString(),
      endsAt: new Date(past.getTime() + 3600_000).toISOString(),
    });
    expect(old).toMatchObject({ status: 400, body: { error: { key: 'rooms.in_the_past' } } });
    const noTitle = await inLanguage(c.chuyenvien!, 'vi', 'POST', url, { ...slot(20, 21), title: ' ' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.key).toBe('error.validation');
  });

  it('lets the booker or an administrator cancel, which frees the slot', async () => {
    const mine = (await call(c.chuyenvien!, 'GET', '/api/rooms/bookings/mine')).body as {
      id: string;
      title: string;
    }[];
    expect(mine.map((b) => b.title)).toEqual(['Họp giao ban']);
    const id = mine[0]!.id;
    expect((await call(c.vanthu!, 'POST', `/api/rooms/bookings/${id}/cancel`)).status).toBe(403);
    expect((await call(c.jumugwan!, 'POST', `/api/rooms/bookings/${id}/cancel`)).status).toBe(404);
    const cancelled = await call(c.chuyenvien!, 'POST', `/api/rooms/bookings/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelledAt).not.toBeNull();
    expect((await call(c.chuyenvien!, 'POST', `/api/rooms/bookings/${id}/cancel`)).status).toBe(409);
    expect(await audit(id)).toEqual(['rooms.booked', 'rooms.booking_cancelled']);
    expect((await call(c.chuyenvien!, 'GET', '/api/rooms/bookings/mine')).body).toEqual([]);

    const again = await call(c.vanthu!, 'POST', `/api/rooms/resources/${roomId}/bookings`, slot(9, 10));
    expect(again.status).toBe(201);
    const byAdmin = await call(c.quantri!, 'POST', `/api/rooms/bookings/${again.body.id}/cancel`);
    expect(byAdmin.status).toBe(200);
  });

  it('deactivates a resource: hidden from staff, refused for booking, still listed for its administrators', async () => {
    const off = await call(c.quantri!, 'PATCH', `/api/rooms/resources/${roomId}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect(await audit(roomId)).toEqual(['rooms.resource_created', 'rooms.resource_deactivated']);
    const refused = await call(
      c.chuyenvien!,
      'POST',
      `/api/rooms/resources/${roomId}/bookings`,
      slot(14, 15),
    );
    expect(refused).toMatchObject({ status: 409, body: { error: { key: 'rooms.resource_inactive' } } });
    expect((await call(c.chuyenvien!, 'GET', '/api/rooms/resources')).body).toEqual([]);
    const all = await call(
      c.quantri!,
      'GET',
      `/api/rooms/resources?agencyId=${agency['UBND-LS']}&includeInactive=true`,
    );
    expect((all.body as { id: string }[]).map((r) => r.id)).toEqual([roomId]);
    const on = await call(c.quantri!, 'PATCH', `/api/rooms/resources/${roomId}`, {
      active: true,
      name: 'Phòng họp số 1',
    });
    expect(on.body).toMatchObject({ active: true, name: 'Phòng họp số 1' });
    expect((await audit(roomId)).at(-1)).toBe('rooms.resource_updated');
  });
});
