import type { Database } from '@civicdesk/server/src/platform/db/db.ts';
import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { sql } from 'drizzle-orm';

// A 771-agency province under the demo's UBND-LS, straight in SQL for speed: 20 departments, 10 districts and
// 740 communes under them; 7,736 accounts (3,845 of them with a mobile session in the year); `docs` issued
// documents spread over the last 365 days (86.7 % digitally signed, 98 % with a PDF), each sent to about three
// agencies of the province (95 % received; a quarter with a deadline, most met). BRIEF §1: 75,393 issued and
// 213,883 received a quarter, so a year is ~300k documents and ~860k received copies.

export type ProvinceFigures = {
  agencies: number;
  documents: number;
  deliveries: number;
  users: number;
  seconds: number;
};

export async function generateProvince(
  database: Database,
  docs: number,
  log: (line: string) => void = () => {},
): Promise<ProvinceFigures> {
  const db = database.db;
  const started = Date.now();
  const run = (text: string) => db.execute(sql.raw(text));
  const [root] = await selectRows<{ id: string; path: string }>(
    db,
    sql`select id, path from agencies where code = 'UBND-LS'`,
  );
  const [drafter] = await selectRows<{ id: string }>(
    db,
    sql`select id from users where username = 'chuyenvien'`,
  );
  if (!root || !drafter) throw new Error('the demo organisation is not seeded');
  await run(`insert into agency_tiers (code, rank, labels) values ('department', 3,
    '{"ko":"소속기관","vi":"Sở, ban, ngành","en":"Department"}') on conflict do nothing`);
  const children = (prefix: string, name: string, tier: string, n: number, parentSql: string) =>
    run(`insert into agencies (id, parent_id, path, code, name, short_name, tier, country)
      select g.id, p.id, p.path || g.id || '/', '${prefix}-' || g.i, '${name} ' || g.i, '${name} ' || g.i, '${tier}', 'vn'
      from (select gen_random_uuid() as id, i from generate_series(1, ${n}) i) g
      join lateral (${parentSql}) p on true`);
  await children('SO', 'Sở', 'department', 20, `select id, path from agencies where id = '${root.id}'`);
  await children('HUYEN', 'Huyện', 'district', 10, `select id, path from agencies where id = '${root.id}'`);
  await children(
    'XA',
    'Xã',
    'commune',
    740,
    `select id, path from agencies where code = 'HUYEN-' || (1 + g.i % 10)`,
  );
  const scope = `(select id, row_number() over (order by code) - 1 as k, count(*) over () as n
    from agencies where path like '${root.path}%')`;
  log('  agencies inserted');
  await run(`insert into users (username, display_name, kind, locale)
    select 'bench.u' || i, 'Cán bộ ' || i, 'staff', 'vi' from generate_series(1, 7736) i`);
  await run(`insert into posts (user_id, agency_id, role)
    select u.id, a.id, case when u.n % 9 = 0 then 'head' when u.n % 9 = 1 then 'clerk' else 'official' end
    from (select id, row_number() over (order by username) as n from users where username like 'bench.u%') u
    join ${scope} a on a.k = u.n % a.n`);
  await run(`insert into sessions (id, user_id, stage, user_agent, created_at, last_seen_at, expires_at)
    select md5('bench' || u.id::text), u.id, 'full',
      case when u.n <= 3845 then 'Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36' else 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' end,
      now() - (u.n % 360) * interval '1 day', now() - (u.n % 300) * interval '1 day', now() + interval '1 day'
    from (select id, row_number() over (order by username) as n from users where username like 'bench.u%') u`);
  log('  7,736 users, posts and sessions inserted');
  const batch = 50_000;
  for (let from = 1; from <= docs; from += batch) {
    const to = Math.min(docs, from + batch - 1);
    await run(`insert into documents (id, agency_id, drafter_id, type_code, subject, body_html, body_text, status, register,
        number, number_year, number_text, issued_at, digitally_signed, pdf_sha256, created_at, updated_at)
      select gen_random_uuid(), a.id, '${drafter.id}', 'CV', 'Văn bản số ' || g.i, '<p>…</p>', '…', 'issued', 'outgoing',
        1000000 + g.i, extract(year from g.at)::int, (1000000 + g.i) || '/UBND', g.at, random() < 0.867,
        case when random() < 0.98 then md5(g.i::text) end, g.at, g.at
      from (select i, now() - random() * interval '365 days' as at from generate_series(${from}, ${to}) i) g
      join ${scope} a on a.k = (g.i::bigint * 7919) % a.n`);
    await run(`insert into deliveries (document_id, from_agency_id, to_agency_id, state, sent_at, received_at, incoming_number,
        incoming_year, handling, deadline, handled_at, task_done_at)
      select d.id, d.agency_id, a.id, case when r.x < 0.95 then 'received' else 'sent' end, d.issued_at,
        case when r.x < 0.95 then d.issued_at + interval '3 hours' end, d.number * 4 + c.c,
        extract(year from d.issued_at)::int, case when r.x < 0.8 then 'closed' else 'assigned' end,
        case when r.y < 0.25 then d.issued_at + interval '10 days' end,
        case when r.x < 0.8 then d.issued_at + (r.y * 16) * interval '1 day' end,
        case when r.y < 0.25 and r.x < 0.8 then d.issued_at + (r.y * 40) * interval '1 day' end
      from documents d cross join generate_series(1, 3) c(c)
      cross join lateral (select random() as x, random() as y, (d.number::bigint * 31 + c.c * 257) as h) r
      join ${scope} a on a.k = r.h % a.n
      where d.number between ${1000000 + from} and ${1000000 + to} and a.id <> d.agency_id`);
    log(
      `  documents ${to.toLocaleString('en')} / ${docs.toLocaleString('en')} (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }
  await run('analyze');
  const [c] = await selectRows<{ agencies: number; documents: number; deliveries: number; users: number }>(
    db,
    sql`select (select count(*)::int from agencies where path like ${`${root.path}%`}) as agencies,
      (select count(*)::int from documents) as documents, (select count(*)::int from deliveries) as deliveries,
      (select count(*)::int from users) as users`,
  );
  return { ...c!, seconds: Math.round((Date.now() - started) / 1000) };
}
