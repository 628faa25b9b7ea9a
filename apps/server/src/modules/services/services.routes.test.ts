import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, type World, world } from '../../../test/eoffice.ts';
import { pdfWithText } from '../../../test/samples.ts';
import { buildingPermit, citizen, permitValues, unitId } from '../../../test/services.ts';
import { createTestApp, signInEnrolled, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
let w: World;
let procedureId: string;
let alice: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  w = await world(t.app, ['truongphong.vx', 'chuyenvien', 'jumugwan', 'canbo.tanphu']);
  w.cookies.admin = (await signInEnrolled(t.app, 'admin')).cookie;
  const res = await w.call(
    w.cookies.admin!,
    'POST',
    '/api/services/procedures',
    buildingPermit(w.agencies['UBND-LS']!, await unitId(t, 'UBND-LS', 'VX')),
  );
  expect(res.status).toBe(201);
  procedureId = res.body.id;
  alice = await citizen(t.app, 'alice', '001099012345');
}, 60_000);
afterAll(() => t.close());

const anon = '';

describe('catalogue and portal accounts', () => {
  it('lists the procedure publicly and keeps citizens out of the staff sign-in', async () => {
    const list = await w.call(anon, 'GET', `/api/portal/procedures?agencyId=${w.agencies['UBND-LS']}`);
    expect(list.body.map((p: { id: string }) => p.id)).toContain(procedureId);
    const staff = await w.call(anon, 'POST', '/api/auth/login', {
      username: 'alice',
      password: 'citizen-password-1',
    });
    expect(staff.status).toBe(401);
    const portal = await w.call(anon, 'POST', '/api/portal/login', {
      username: 'chuyenvien',
      password: 'civicdesk-demo',
    });
    expect(portal.status).toBe(401);
  });

  it('refuses forms missing a required field or with a wrong type, with the field named', async () => {
    const { floors: _f, ...missing } = permitValues();
    const a = await w.call(alice, 'POST', '/api/portal/submissions', {
      procedureId,
      values: missing,
      submit: true,
    });
    expect(a.status).toBe(400);
    expect(a.body.error.key).toBe('services.form_invalid');
    expect(a.body.error.details?.fields ?? a.body.error.fields).toBeDefined();
    const b = await w.call(alice, 'POST', '/api/portal/submissions', {
      procedureId,
      values: { ...permitValues(), floors: 'three' },
      submit: true,
    });
    expect(b.status).toBe(400);
    expect(b.body.error.message).toContain('Số tầng');
  });
});

describe('guests', () => {
  it('submit with a tracking code; a forged code is refused and reveals nothing', async () => {
    const res = await w.call(anon, 'POST', '/api/portal/submissions', {
      procedureId,
      values: permitValues('079088000111'),
      applicantName: 'Trần Văn Khách',
      submit: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.trackingCode.length).toBeGreaterThanOrEqual(16);
    const tracked = await w.call(anon, 'POST', '/api/portal/track', { code: res.body.trackingCode });
    expect(tracked.status).toBe(200);
    expect(tracked.body.state).toBe('submitted');
    expect(tracked.body.numberText).toMatch(/^\d+\/\d{4}$/);
    const forged = await w.call(anon, 'POST', '/api/portal/track', { code: 'AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.status).toBe(404);
    expect(forged.body.error.key).toBe('services.tracking_unknown');
    expect(JSON.stringify(forged.body)).not.toContain('Khách');
  });
});

describe('processing', () => {
  let id: string;

  it('takes a citizen draft with an attachment, submits it into the handling unit’s queue', async () => {
    const up = multipartFile('ban-ve.pdf', await pdfWithText(['Ban ve mat bang']), 'application/pdf');
    const file = await t.app.inject({
      method: 'POST',
      url: '/api/portal/files',
      headers: { cookie: alice, ...up.headers },
      payload: up.payload,
    });
    expect(file.statusCode).toBe(200);
    const draft = await w.call(alice, 'POST', '/api/portal/submissions', {
      procedureId,
      values: { citizenId: '001099012345' },
      submit: false,
    });
    expect(draft.body.state).toBe('draft');
    id = draft.body.id;
    const sub = await w.call(alice, 'PATCH', `/api/portal/submissions/${id}`, {
      values: { ...permitValues(), drawing: file.json() },
      submit: true,
    });
    expect(sub.status).toBe(200);
    expect(sub.body.state).toBe('submitted');
    expect(new Date(sub.body.deadline).getTime()).toBeGreaterThan(Date.now() + 14 * 86_400_000);
    const queue = await w.call(
      w.cookies['truongphong.vx']!,
      'GET',
      `/api/services/queue?agencyId=${w.agencies['UBND-LS']}`,
    );
    expect(queue.body.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('hides the submission from another agency (404) and keeps the official from acting before assignment', async () => {
    expect((await w.call(w.cookies.jumugwan!, 'GET', `/api/services/submissions/${id}`)).status).toBe(404);
    const early = await w.call(
      w.cookies.chuyenvien!,
      'POST',
      `/api/services/submissions/${id}/request-info`,
      { message: 'x' },
    );
    expect(early.status).toBe(403);
  });

  it('assigns, pauses the clock for more information and moves the deadline by the working days waited', async () => {
    const assigned = await w.call(
      w.cookies['truongphong.vx']!,
      'POST',
      `/api/services/submissions/${id}/assign`,
      {
        assigneeId: w.ids.chuyenvien,
      },
    );
    expect(assigned.body.assigneeName).toBeTruthy();
    const asked = await w.call(
      w.cookies.chuyenvien!,
      'POST',
      `/api/services/submissions/${id}/request-info`,
      {
        message: 'Bổ sung bản vẽ mặt bằng tầng 3.',
      },
    );
    expect(asked.body.state).toBe('info_requested');
    const before = asked.body.deadline as string;
    // The request was made two weeks ago: ten working days pass while the applicant prepares the answer.
    await t.db.database.db.execute(
      sql`update service_submissions set paused_at = now() - interval '14 days' where id = ${id}`,
    );
    const notes = await w.call(alice, 'GET', '/api/notifications');
    expect(JSON.stringify(notes.body)).toContain('services.info_requested');
    const answered = await w.call(alice, 'POST', `/api/portal/submissions/${id}/answer`, {
      message: 'Đã bổ sung.',
      values: { floors: 2 },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('submitted');
    expect(answered.body.pausedDays).toBeGreaterThanOrEqual(9);
    expect(new Date(answered.body.deadline).getTime()).toBeGreaterThan(
      new Date(before).getTime() + 9 * 86_400_000,
    );
    expect(answered.body.values.floors).toBe(2);
  });

  it('approves with a signed PDF the public verification recognises as intact and trusted', async () => {
    const ok = await w.call(w.cookies.chuyenvien!, 'POST', `/api/services/submissions/${id}/approve`, {
      reason: 'Hồ sơ đầy đủ, đúng quy định.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('approved');
    expect(ok.body.resultVerifyCode).toBeTruthy();
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/portal/submissions/${id}/result`,
      headers: { cookie: alice },
    });
    expect(pdf.statusCode).toBe(200);
    const up = multipartFile('result.pdf', pdf.rawPayload, 'application/pdf');
    const report = (await t.app.inject({ method: 'POST', url: '/api/verify', ...up })).json();
    expect(report.signatures.length).toBe(1);
    expect(report.signatures[0].intact).toBe(true);
    expect(report.signatures[0].trusted).toBe(true);
    expect(report.altered).toBe(false);
    expect(report.document?.code).toBe(ok.body.resultVerifyCode);
    const records = await w.call(alice, 'GET', '/api/portal/records');
    expect(records.body).toHaveLength(1);
  });

  it('flags an undecided submission whose deadline has passed', async () => {
    const res = await w.call(alice, 'POST', '/api/portal/submissions', {
      procedureId,
      values: permitValues(),
      submit: true,
    });
    await t.db.database.db.execute(
      sql`update service_submissions set deadline = now() - interval '1 day' where id = ${res.body.id}`,
    );
    const overdue = await w.call(
      w.cookies['truongphong.vx']!,
      'GET',
      `/api/services/queue?agencyId=${w.agencies['UBND-LS']}&state=overdue`,
    );
    expect(overdue.body.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
    expect(overdue.body[0].overdue).toBe(true);
  });
});

describe('once-only registry', () => {
  const lookup = (cookie: string, agencyId: string) =>
    w.call(cookie, 'POST', '/api/services/registry/lookup', {
      agencyId,
      identifier: '001099012345',
      purpose: 'Hồ sơ cấp phép kinh doanh',
    });

  it('refuses a lookup without consent, allows it with consent, and shows the holder every lookup', async () => {
    const tp = w.agencies['UBND-TP']!;
    const refused = await lookup(w.cookies['canbo.tanphu']!, tp);
    expect(refused.status).toBe(403);
    expect(refused.body.error.key).toBe('services.no_consent');
    const granted = await w.call(alice, 'POST', '/api/portal/consents', {
      agencyId: tp,
      purpose: 'Hồ sơ cấp phép kinh doanh',
    });
    expect(granted.status).toBe(200);
    const allowed = await lookup(w.cookies['canbo.tanphu']!, tp);
    expect(allowed.status).toBe(200);
    expect(allowed.body[0].verifyCode).toBeTruthy();
    // An official cannot look up on behalf of an agency they do not work in.
    expect((await lookup(w.cookies.jumugwan!, tp)).status).toBe(404);
    const log = await w.call(alice, 'GET', '/api/portal/access-log');
    expect(log.body.map((l: { allowed: boolean }) => l.allowed)).toEqual([true, false]);
    expect(log.body[0].agencyName).toContain('Tân Phú');
    const audit = await t.db.database.db.execute(
      sql`select count(*)::int as n from audit_log where action like 'services.registry.lookup%'`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });
});
