import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';
import { type LoadFigures, load, percentile, report, signIn, signInEnrolled, startServer } from './lib.ts';

// Rooms and seats (issue 6): bookings per second over HTTP, BENCH_ROOMS_CONCURRENCY requests in flight (default
// 50) from eight staff accounts of the province.
//  - contention: BENCH_ROOMS_BOOKINGS requests (default 2,000) for random 30- or 60-minute slots on a 15-minute
//    grid over one day of 4 rooms, so most of them clash (409) — every request locks its room's row;
//  - spread: as many requests for distinct, non-overlapping slots on 40 resources (all succeed);
//  - the day view: GET availability of one busy room (autocannon, BENCH_DURATION s).
// After each run: no two live bookings of a resource overlap (SQL self-join), every 201 is in the table.

const concurrency = Number(process.env.BENCH_ROOMS_CONCURRENCY) || 50;
const total = Number(process.env.BENCH_ROOMS_BOOKINGS) || 2000;
const people = [
  'chuyenvien',
  'vanthu',
  'thuky',
  'chuyenvien.kt',
  'phochutich',
  'truongphong.vx',
  'chanhvanphong',
  'chutich',
];

const server = await startServer();
try {
  const admin = await signInEnrolled(server.url, 'admin');
  const cookies = await Promise.all(people.map((u) => signIn(server.url, u)));
  const [ls] = await selectRows<{ id: string }>(
    server.database.db,
    sql`select id from agencies where code = 'UBND-LS'`,
  );
  const makeResources = async (n: number, prefix: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${server.url}/api/rooms/resources`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ agencyId: ls!.id, kind: 'vc_room', name: `${prefix} ${i + 1}`, capacity: 20 }),
      });
      if (res.status !== 201) throw new Error(`resource: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    return ids;
  };
  const day = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 2);

  /** Sends `count` bookings, `concurrency` in flight; `slot(i)` gives the i-th request's resource and interval. */
  async function run(
    count: number,
    slot: (i: number) => { resourceId: string; start: number; minutes: number },
  ) {
    const latencies: number[] = [];
    let next = 0;
    let created = 0;
    let conflicts = 0;
    let other = 0;
    let errors = 0;
    const started = performance.now();
    const lane = async (lane: number) => {
      while (next < count) {
        const i = next++;
        const s = slot(i);
        const t0 = performance.now();
        try {
          const res = await fetch(`${server.url}/api/rooms/resources/${s.resourceId}/bookings`, {
            method: 'POST',
            headers: { cookie: cookies[lane % cookies.length]!, 'content-type': 'application/json' },
            body: JSON.stringify({
              title: `Bench ${i}`,
              startsAt: new Date(s.start).toISOString(),
              endsAt: new Date(s.start + s.minutes * 60_000).toISOString(),
            }),
          });
          await res.arrayBuffer();
          if (res.status === 201) created++;
          else if (res.status === 409) conflicts++;
          else other++;
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, i) => lane(i)));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const figures: LoadFigures = {
      requestsPerSec: Math.round((latencies.length / seconds) * 10) / 10,
      latencyP50: percentile(latencies, 50),
      latencyP99: percentile(latencies, 99),
      requests: latencies.length,
      errors,
      timeouts: 0,
      non2xx: conflicts + other,
    };
    const bookingsPerSec = Math.round((created / seconds) * 10) / 10;
    return { figures, seconds, created, conflicts, other, bookingsPerSec, p95: percentile(latencies, 95) };
  }

  async function check(resourceIds: string[], created: number, label: string) {
    const [row] = await selectRows<{ overlaps: number; live: number }>(
      server.database.db,
      sql`select
            (select count(*)::int from resource_bookings a join resource_bookings b
               on a.resource_id = b.resource_id and a.id < b.id
              and a.cancelled_at is null and b.cancelled_at is null
              and a.starts_at < b.ends_at and b.starts_at < a.ends_at
             where a.resource_id in ${resourceIds}) as overlaps,
            (select count(*)::int from resource_bookings where resource_id in ${resourceIds}) as live`,
    );
    if (row!.overlaps !== 0 || row!.live !== created)
      throw new Error(
        `${label}: ${row!.overlaps} overlapping pairs, ${row!.live} rows for ${created} created`,
      );
  }

  console.log(`rooms on ${server.db}: ${concurrency} requests in flight, ${total} requests per run`);
  const rooms = await makeResources(4, 'Phòng họp thử');
  // A random (seeded) slot on a 15-minute grid between 07:00 and 19:00 on one day of one of 4 rooms.
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const contention = await run(total, () => ({
    resourceId: rooms[Math.floor(random() * rooms.length)]!,
    start: day + (7 * 60 + Math.floor(random() * 48) * 15) * 60_000,
    minutes: random() < 0.5 ? 30 : 60,
  }));
  await check(rooms, contention.created, 'contention');
  const spreadIds = await makeResources(40, 'Chỗ ngồi thử');
  // Distinct slots: request i takes resource i mod 40 at the (i div 40)-th half hour from 00:00 two days ahead.
  const spread = await run(total, (i) => ({
    resourceId: spreadIds[i % spreadIds.length]!,
    start: day + Math.floor(i / spreadIds.length) * 30 * 60_000,
    minutes: 30,
  }));
  await check(spreadIds, spread.created, 'spread');
  if (spread.created !== total) throw new Error(`spread: only ${spread.created} of ${total} booked`);

  const range = `from=${new Date(day).toISOString()}&to=${new Date(day + 86_400_000).toISOString()}`;
  const dayView = await load({
    url: `${server.url}/api/rooms/resources/${rooms[0]}/availability?${range}`,
    headers: { cookie: cookies[0]! },
  });
  for (const [name, r] of Object.entries({ contention, spread }))
    console.log(
      `${name}: ${r.figures.requests} requests in ${r.seconds.toFixed(2)} s = ${r.figures.requestsPerSec} req/s; ${r.created} booked (${r.bookingsPerSec} bookings/s), ${r.conflicts} clashes refused (409), ${r.other} other; p50 ${r.figures.latencyP50} ms, p95 ${r.p95} ms, p99 ${r.figures.latencyP99} ms; no overlaps`,
    );
  const summary = (r: typeof contention) => ({
    seconds: r.seconds,
    created: r.created,
    conflicts: r.conflicts,
    other: r.other,
    bookingsPerSec: r.bookingsPerSec,
    p95: r.p95,
  });
  report(
    'rooms',
    server.db,
    server.memory,
    {
      'POST bookings, contention (4 rooms, one day, most clash)': contention.figures,
      'POST bookings, spread (40 resources, distinct slots)': spread.figures,
      'GET availability (day view of a busy room)': dayView,
    },
    { concurrency, total, contention: summary(contention), spread: summary(spread) },
  );
} finally {
  await server.close();
}
