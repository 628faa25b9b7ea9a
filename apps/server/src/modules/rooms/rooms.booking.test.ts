import { randomUUID } from 'node:crypto';
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
import { systemCtx } from '../../bootstrap.ts';
import { selectRows } from '../../platform/db/db.ts';
import { type Ctx, inTransaction } from '../../platform/http/context.ts';
import { bookResource } from './use-cases/book.ts';
import { cancelBookingsOfMeeting } from './use-cases/cancel.ts';

// No double booking under concurrency (on PostgreSQL when DATABASE_URL is set: 20 requests on 20 pooled
// connections race for one slot; on PGlite they queue on its one connection), and the use cases the meetings
// module calls inside its own transaction.

const day = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 3),
);
const at = (hours: number) => new Date(day.getTime() + hours * 3600_000);

describe('booking under concurrency and from other modules', () => {
  let t: TestApp;
  let call: Call;
  let ctx: Ctx;
  const c: Record<string, string> = {};
  let roomId = '';

  const live = async (where = sql`true`) =>
    selectRows<{ id: string; meeting_id: string | null; cancelled_at: Date | null }>(
      t.db.database.db,
      sql`select id, meeting_id, cancelled_at from resource_bookings
          where resource_id = ${roomId} and cancelled_at is null and ${where}`,
    );

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    call = caller(t.app);
    for (const u of ['chuyenvien', 'vanthu', 'thuky', 'chuyenvien.kt', 'phochutich'])
      c[u] = await signIn(t.app, u);
    c.quantri = (await signInEnrolled(t.app, 'quantri')).cookie;
    const agencyId = await agencyIdByCode(t.app, c.chuyenvien!, 'UBND-LS');
    roomId = (
      await call(c.quantri!, 'POST', '/api/rooms/resources', {
        agencyId,
        kind: 'vc_room',
        name: 'Phòng họp trực tuyến tầng 3',
        capacity: 30,
      })
    ).body.id;
    const me = (await call(c.chuyenvien!, 'GET', '/api/me')).body;
    ctx = {
      ...systemCtx(t.db.database),
      actor: {
        userId: me.id,
        username: 'chuyenvien',
        displayName: me.displayName,
        kind: 'staff',
        isPlatformAdmin: false,
        sessionId: null,
      },
    };
  });
  afterAll(async () => t.close());

  it('lets exactly one of 20 parallel overlapping bookings through', async () => {
    const people = ['chuyenvien', 'vanthu', 'thuky', 'chuyenvien.kt', 'phochutich'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(c[people[i % people.length]!]!, 'POST', `/api/rooms/resources/${roomId}/bookings`, {
          title: `Họp trực tuyến ${i}`,
          // Every interval contains 10:00–10:30, each starts and ends a little differently.
          startsAt: at(9 + (i % 4) * 0.25).toISOString(),
          endsAt: at(10.5 + (i % 3) * 0.25).toISOString(),
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    expect(await live()).toHaveLength(1);
    const audited = await selectRows<{ n: number }>(
      t.db.database.db,
      sql`select count(*)::int as n from audit_log where action = 'rooms.booked'`,
    );
    expect(audited[0]!.n).toBe(1);
  });

  it('books inside the caller’s transaction: the booking rolls back with it', async () => {
    const meetingId = randomUUID();
    await expect(
      inTransaction(ctx, async (tx) => {
        await bookResource(tx, {
          resourceId: roomId,
          startsAt: at(14),
          endsAt: at(15),
          title: 'Họp UBND',
          meetingId,
        });
        throw new Error('the meeting could not be saved');
      }),
    ).rejects.toThrow('the meeting could not be saved');
    expect(await live(sql`meeting_id = ${meetingId}`)).toEqual([]);

    const { id } = await inTransaction(ctx, (tx) =>
      bookResource(tx, {
        resourceId: roomId,
        startsAt: at(14),
        endsAt: at(15),
        title: 'Họp UBND',
        meetingId,
      }),
    );
    expect((await live(sql`meeting_id = ${meetingId}`)).map((r) => r.id)).toEqual([id]);
    await expect(
      bookResource(ctx, { resourceId: roomId, startsAt: at(14.5), endsAt: at(16), title: 'Trùng giờ' }),
    ).rejects.toMatchObject({ code: 'conflict', key: 'rooms.conflict' });
  });

  it('cancels every live booking of a meeting', async () => {
    const meetingId = randomUUID();
    await inTransaction(ctx, async (tx) => {
      await bookResource(tx, {
        resourceId: roomId,
        startsAt: at(16),
        endsAt: at(17),
        title: 'Phiên 1',
        meetingId,
      });
      await bookResource(tx, {
        resourceId: roomId,
        startsAt: at(17),
        endsAt: at(18),
        title: 'Phiên 2',
        meetingId,
      });
    });
    expect(await live(sql`meeting_id = ${meetingId}`)).toHaveLength(2);
    const result = await inTransaction(ctx, (tx) => cancelBookingsOfMeeting(tx, meetingId));
    expect(result).toEqual({ cancelled: 2 });
    expect(await live(sql`meeting_id = ${meetingId}`)).toEqual([]);
    expect(await cancelBookingsOfMeeting(ctx, meetingId)).toEqual({ cancelled: 0 });
    const slot = await call(c.vanthu!, 'POST', `/api/rooms/resources/${roomId}/bookings`, {
      title: 'Tiếp công dân',
      startsAt: at(16).toISOString(),
      endsAt: at(18).toISOString(),
    });
    expect(slot.status).toBe(201);
  });
});
