import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, world } from '../../../test/eoffice.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { selectRows } from '../../platform/db/db.ts';

// The dashboard's figures on the demo data against counts taken directly with SQL, and its scope.

describe('dashboard', () => {
  let t: TestApp;
  let w: World;
  const year = new Date().getUTCFullYear();
  const from = `${year - 1}-01-01`;
  const to = `${year}-12-31`;
  beforeAll(async () => {
    t = await createTestApp({ demo: 'full' });
    w = await world(t.app, ['chutich', 'vanthu', 'chutich.tanphu', 'canbo.tanphu']);
    // A mobile session for one commune official, so the mobile figure is not trivially zero.
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' },
      payload: { username: 'canbo.phuloc', password: 'civicdesk-demo' },
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const count = async (q: ReturnType<typeof sql>) =>
    (await selectRows<{ n: number }>(t.db.database.db, q))[0]!.n;
  const inRange = (col: string) => sql.raw(`${col} >= '${from}'::date and ${col} < '${to}'::date + 1`);
  const subtree = (agency: string) =>
    sql`(select sub.id from agencies root join agencies sub on sub.path like root.path || '%' where root.id = ${agency})`;

  it('matches counts taken directly from the database, rolled up and per child agency', async () => {
    const ls = w.agencies['UBND-LS']!;
    const res = await w.call(
      w.cookies.chutich!,
      'GET',
      `/api/dashboard?agencyId=${ls}&from=${from}&to=${to}`,
    );
    expect(res.status).toBe(200);
    const d = res.body;
    const issued = await count(
      sql`select count(*)::int as n from documents where agency_id in ${subtree(ls)} and ${inRange('issued_at')}`,
    );
    const signed = await count(
      sql`select count(*)::int as n from documents where agency_id in ${subtree(ls)} and digitally_signed and ${inRange('issued_at')}`,
    );
    const received = await count(
      sql`select count(*)::int as n from deliveries where to_agency_id in ${subtree(ls)} and ${inRange('received_at')}`,
    );
    const online = await count(
      sql`select count(*)::int as n from meetings m join committees c on c.id = m.committee_id
          where c.agency_id in ${subtree(ls)} and m.mode = 'online' and m.status = 'closed' and ${inRange('m.starts_at')}`,
    );
    const mobile = await count(
      sql`select count(distinct s.user_id)::int as n from sessions s join posts p on p.user_id = s.user_id and p.active
          where p.agency_id in ${subtree(ls)} and s.user_agent ~* '(Mobile|Android|iPhone|iPad)'`,
    );
    expect(issued).toBeGreaterThan(0);
    expect(received).toBeGreaterThan(0);
    expect(mobile).toBe(1);
    expect(d.total).toMatchObject({ issued, signed, received, meetingsOnline: online, mobileUsers: mobile });
    // One row for the province itself and one per commune; the rows add up to the total.
    expect(d.rows.map((r: { agencyCode: string }) => r.agencyCode)).toEqual([
      'UBND-LS',
      'UBND-HA',
      'UBND-PL',
      'UBND-TP',
    ]);
    const sum = (k: string) =>
      d.rows.reduce((a: number, r: { kpis: Record<string, number> }) => a + r.kpis[k]!, 0);
    for (const k of ['issued', 'signed', 'received', 'overdueTasks', 'meetingsOnline'])
      expect(sum(k)).toBe(d.total[k]);
    const tp = d.rows.find((r: { agencyCode: string }) => r.agencyCode === 'UBND-TP');
    const tpIssued = await count(
      sql`select count(*)::int as n from documents where agency_id = ${w.agencies['UBND-TP']} and ${inRange('issued_at')}`,
    );
    expect(tp.kpis.issued).toBe(tpIssued);
    expect(d.servicesAvailable).toBe(true);
  });

  it('drills down to the underlying lists, paginated', async () => {
    const ls = w.agencies['UBND-LS']!;
    const q = `agencyId=${ls}&from=${from}&to=${to}`;
    const d = (await w.call(w.cookies.chutich!, 'GET', `/api/dashboard?${q}`)).body;
    const page = await w.call(w.cookies.chutich!, 'GET', `/api/dashboard/drill?${q}&kind=issued&limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(d.total.issued);
    expect(page.body.items.length).toBe(Math.min(2, d.total.issued));
    const received = await w.call(
      w.cookies.chutich!,
      'GET',
      `/api/dashboard/drill?${q}&kind=received&limit=200`,
    );
    expect(received.body.total).toBe(d.total.received);
    expect(received.body.items[0].link).toMatch(/^\/deliveries\//);
  });

  it('exports CSV and XLSX with translated headers', async () => {
    const ls = w.agencies['UBND-LS']!;
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/dashboard/export?agencyId=${ls}&from=${from}&to=${to}&format=csv`,
      headers: { cookie: w.cookies.chutich!, 'accept-language': 'vi' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Văn bản đến');
    expect(csv.body.trim().split('\r\n')).toHaveLength(1 + 4 + 1);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/dashboard/export?agencyId=${ls}&from=${from}&to=${to}&format=xlsx`,
      headers: { cookie: w.cookies.chutich! },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a commune sees its own figures only; an official without a managing role sees none', async () => {
    const q = `from=${from}&to=${to}`;
    const tp = w.cookies['chutich.tanphu']!;
    expect((await w.call(tp, 'GET', `/api/dashboard?agencyId=${w.agencies['UBND-LS']}&${q}`)).status).toBe(
      403,
    );
    expect((await w.call(tp, 'GET', `/api/dashboard?agencyId=${w.agencies['UBND-HA']}&${q}`)).status).toBe(
      403,
    );
    expect(
      (await w.call(tp, 'GET', `/api/dashboard/drill?agencyId=${w.agencies['UBND-HA']}&${q}&kind=issued`))
        .status,
    ).toBe(403);
    const own = await w.call(tp, 'GET', `/api/dashboard?agencyId=${w.agencies['UBND-TP']}&${q}`);
    expect(own.status).toBe(200);
    expect(own.body.rows).toHaveLength(1);
    expect(
      (
        await w.call(
          w.cookies['canbo.tanphu']!,
          'GET',
          `/api/dashboard?agencyId=${w.agencies['UBND-TP']}&${q}`,
        )
      ).status,
    ).toBe(403);
    expect(
      (await w.call(tp, 'GET', `/api/dashboard?agencyId=${w.agencies['UBND-TP']}&from=${to}&to=${from}`))
        .status,
    ).toBe(400);
  });
});
