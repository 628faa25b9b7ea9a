import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeBody } from '../../../test/committees.ts';
import { type Call, caller, multipartFile } from '../../../test/eoffice.ts';
import { docxWithText, pdfWithText } from '../../../test/samples.ts';
import {
  agencyIdByCode,
  createTestApp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';

// Committees and members through HTTP: every seat rule refused with its message, invitation of an outside
// expert through to the second factor and the pledge, the scope of external members (their committee only,
// 404 for any other id), and materials shown to them only as PDFs watermarked with their name.

const seat = (userId: string, role: string, extra: Record<string, unknown> = {}) => ({
  userId,
  role,
  type: 'appointed',
  termStart: '2025-01-01',
  termEnd: '2026-12-31',
  ...extra,
});

describe('committees and members', () => {
  let t: TestApp;
  let call: Call;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  const agency: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ demo: 'committees' });
    call = caller(t.app);
    for (const u of ['thuky', 'chuyenvien', 'chutich', 'vanthu', 'canbo.tanphu', 'ganssa'])
      c[u] = await signIn(t.app, u);
    c.quantri = (await signInEnrolled(t.app, 'quantri')).cookie;
    c.oebu = (await signInEnrolled(t.app, 'oebu')).cookie;
    c.chuyengia = (await signInEnrolled(t.app, 'chuyengia')).cookie;
    for (const u of Object.keys(c)) id[u] = (await call(c[u]!, 'GET', '/api/me')).body.id;
    for (const code of ['UBND-LS', 'UBND-TP', 'HANBIT-GU'])
      agency[code] = await agencyIdByCode(t.app, c.thuky!, code);
  });
  afterAll(async () => t.close());

  it('lets the agency’s secretaries and administrators create committees, with rule sets that can be applied', async () => {
    const byOfficial = await call(
      c.chuyenvien!,
      'POST',
      '/api/committees',
      committeeBody(agency['UBND-LS']!),
    );
    expect(byOfficial.status).toBe(403);
    const otherAgency = await call(c.thuky!, 'POST', '/api/committees', committeeBody(agency['HANBIT-GU']!));
    expect(otherAgency.status).toBe(403);
    const badRules = await call(
      c.thuky!,
      'POST',
      '/api/committees',
      committeeBody(agency['UBND-LS']!, {
        rules: { ...committeeBody('x').rules, tie: 'chair_decides', chairVotes: false },
      }),
    );
    expect([badRules.status, badRules.body.error.key]).toEqual([400, 'committees.tie_needs_chair_vote']);
    const byAdmin = await call(
      c.quantri!,
      'POST',
      '/api/committees',
      committeeBody(agency['UBND-LS']!, { name: 'Hội đồng A' }),
    );
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({
      name: 'Hội đồng A',
      canManage: true,
      memberCount: 0,
      myRole: null,
      members: [],
    });
    const patched = await call(c.thuky!, 'PATCH', `/api/committees/${byAdmin.body.id}`, { maxTerms: 3 });
    expect(patched.body).toMatchObject({ maxTerms: 3, termYears: 4 });
    expect(
      (await call(c.chuyenvien!, 'PATCH', `/api/committees/${byAdmin.body.id}`, { maxTerms: 1 })).status,
    ).toBe(404);
  });

  it('enforces one chair, one vice-chair, term length, consecutive terms, concurrency and eligibility', async () => {
    const made = await call(
      c.thuky!,
      'POST',
      '/api/committees',
      committeeBody(agency['UBND-LS']!, { termYears: 2, maxTerms: 2 }),
    );
    const cid = made.body.id as string;
    const add = (body: unknown) => call(c.thuky!, 'POST', `/api/committees/${cid}/members`, body);
    const chair = await add(seat(id.chutich!, 'chair', { type: 'ex_officio' }));
    expect(chair.status).toBe(201);
    expect(chair.body).toMatchObject({
      name: 'Nguyễn Văn Hùng',
      role: 'chair',
      active: true,
      external: false,
    });

    const second = await add(seat(id.chuyenvien!, 'chair'));
    expect([second.status, second.body.error.key]).toEqual([409, 'committees.chair_taken']);
    // Messages come in the caller's language (here the Vietnamese of the account).
    expect(second.body.error.message).toMatch(/đã có Chủ tịch/);
    expect((await add(seat(id.chuyenvien!, 'vice_chair'))).status).toBe(201);
    expect((await add(seat(id.vanthu!, 'vice_chair'))).body.error.key).toBe('committees.vice_chair_taken');
    expect((await add(seat(id.chuyenvien!, 'member'))).body.error.key).toBe('committees.already_member');

    const long = await add(seat(id.vanthu!, 'member', { termEnd: '2027-01-02' }));
    expect([long.status, long.body.error.key]).toEqual([400, 'committees.term_too_long']);
    expect(long.body.error.message).toContain('tối đa 2 năm');
    const reversed = await add(
      seat(id.vanthu!, 'member', { termStart: '2026-01-01', termEnd: '2025-12-31' }),
    );
    expect(reversed.body.error.key).toBe('committees.term_order');

    // Two consecutive earlier terms of the same person: a third in a row is refused, after a break it is fine.
    const first = await add(seat(id.vanthu!, 'member', { termStart: '2021-01-01', termEnd: '2022-12-31' }));
    await call(c.thuky!, 'PATCH', `/api/committees/${cid}/members/${first.body.id}`, { active: false });
    const again = await add(seat(id.vanthu!, 'member', { termStart: '2023-01-01', termEnd: '2024-12-31' }));
    expect(again.status).toBe(201);
    await call(c.thuky!, 'PATCH', `/api/committees/${cid}/members/${again.body.id}`, { active: false });
    const third = await add(seat(id.vanthu!, 'member', { termStart: '2025-01-01', termEnd: '2026-12-31' }));
    expect([third.status, third.body.error.key]).toEqual([400, 'committees.too_many_terms']);
    expect(third.body.error.message).toContain('2 nhiệm kỳ liên tiếp');
    expect(
      (await add(seat(id.vanthu!, 'member', { termStart: '2025-06-01', termEnd: '2027-05-31' }))).status,
    ).toBe(201);

    // Staff of another agency cannot sit; citizens and unknown ids neither.
    const foreign = await add(seat(id['canbo.tanphu']!, 'member'));
    expect([foreign.status, foreign.body.error.key]).toEqual([400, 'committees.member_not_eligible']);

    // Concurrency: chuyengia already sits on the demo council; with a limit of 1 a second seat is refused.
    const limited = await call(
      c.thuky!,
      'POST',
      '/api/committees',
      committeeBody(agency['UBND-LS']!, { name: 'Hội đồng B', concurrencyLimit: 1 }),
    );
    const over = await call(
      c.thuky!,
      'POST',
      `/api/committees/${limited.body.id}/members`,
      seat(id.chuyengia!, 'member'),
    );
    expect([over.status, over.body.error.key]).toEqual([409, 'committees.concurrency_limit']);
    expect(over.body.error.message).toContain('tối đa 1 hội đồng');
    // Ex officio seats are not limited.
    const exOfficio = await call(
      c.thuky!,
      'POST',
      `/api/committees/${limited.body.id}/members`,
      seat(id.chuyenvien!, 'member', { type: 'ex_officio' }),
    );
    expect(exOfficio.status).toBe(201);

    // Changing a role re-checks the seat rules; ending a seat frees the chair.
    const vice = (await call(c.thuky!, 'GET', `/api/committees/${cid}`)).body.members.find(
      (m: { role: string }) => m.role === 'vice_chair',
    );
    expect(
      (await call(c.thuky!, 'PATCH', `/api/committees/${cid}/members/${vice.id}`, { role: 'chair' })).body
        .error.key,
    ).toBe('committees.chair_taken');
    await call(c.thuky!, 'PATCH', `/api/committees/${cid}/members/${chair.body.id}`, { active: false });
    const promoted = await call(c.thuky!, 'PATCH', `/api/committees/${cid}/members/${vice.id}`, {
      role: 'chair',
    });
    expect(promoted.body).toMatchObject({ role: 'chair', active: true });
    // Members cannot appoint.
    expect(
      (await call(c.chuyenvien!, 'POST', `/api/committees/${cid}/members`, seat(id.vanthu!, 'member')))
        .status,
    ).toBe(403);
  });

  it('shows external members only their own committee, and nothing else even by id', async () => {
    const ls = (await call(c.thuky!, 'GET', `/api/committees?agencyId=${agency['UBND-LS']}`)).body;
    const council = ls.find((x: { name: string }) => x.name.startsWith('Hội đồng thẩm định dự án'));
    expect(council).toMatchObject({ canManage: true, memberCount: 4 });
    expect(ls.some((x: { agencyId: string }) => x.agencyId === agency['HANBIT-GU'])).toBe(false);
    const hb = (await call(c.ganssa!, 'GET', '/api/committees')).body;
    expect(hb.map((x: { name: string }) => x.name)).toEqual(['한빛구 도시계획위원회']);

    // Before the pledge: the committee list and detail, but no meeting.
    const mine = (await call(c.oebu!, 'GET', '/api/committees')).body;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: '한빛구 도시계획위원회', myRole: 'member', canManage: false });
    const pledged = await call(c.oebu!, 'GET', '/api/me/pledge');
    expect(pledged.body).toMatchObject({ version: 'v1' });
    expect(pledged.body.pledgedAt).not.toBeNull(); // the demo expert signed it
    const meetings = (await call(c.oebu!, 'GET', `/api/committees/${mine[0].id}/meetings`)).body;
    expect(meetings).toHaveLength(1);

    // Everything of the other committee is 404, by list, detail, meetings, meeting and material.
    const meetingLs = (await call(c.thuky!, 'GET', `/api/committees/${council.id}/meetings`)).body;
    const online = meetingLs.find((m: { mode: string }) => m.mode === 'online');
    const detail = (await call(c.thuky!, 'GET', `/api/meetings/${online.id}`)).body;
    const material = detail.items[0].materials[0];
    expect(material).toMatchObject({ name: 'ho-so-du-an-duong-lien-xa.pdf' });
    for (const url of [
      `/api/committees/${council.id}`,
      `/api/committees/${council.id}/meetings`,
      `/api/meetings/${online.id}`,
      `/api/materials/${material.id}`,
    ]) {
      const res = await call(c.oebu!, 'GET', url);
      expect([url, res.status]).toEqual([url, 404]);
    }
    const rsvp = await call(c.oebu!, 'POST', `/api/meetings/${online.id}/rsvp`, { response: 'attending' });
    expect(rsvp.status).toBe(404);
    // And the other way round for chuyengia; staff outside the committee see nothing either.
    expect(
      (await call(c.chuyengia!, 'GET', '/api/committees')).body.map((x: { id: string }) => x.id),
    ).toEqual([council.id]);
    expect((await call(c.chuyengia!, 'GET', `/api/committees/${mine[0].id}`)).status).toBe(404);
    expect((await call(c['canbo.tanphu']!, 'GET', `/api/meetings/${online.id}`)).status).toBe(404);
    expect((await call(c['canbo.tanphu']!, 'GET', '/api/committees')).body).toEqual([]);
  });

  it('serves materials to external members only as PDFs watermarked with their name', async () => {
    const council = (await call(c.chuyengia!, 'GET', '/api/committees')).body[0];
    const online = (await call(c.chuyengia!, 'GET', `/api/committees/${council.id}/meetings`)).body.find(
      (m: { mode: string }) => m.mode === 'online',
    );
    const itemId = (await call(c.thuky!, 'GET', `/api/meetings/${online.id}`)).body.items[1].id;
    const upload = async (name: string, bytes: Uint8Array, mime: string) => {
      const { payload, headers } = multipartFile(name, bytes, mime);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/meetings/${online.id}/items/${itemId}/materials`,
        payload,
        headers: { ...headers, cookie: c.thuky! },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; name: string; size: number };
    };
    const pdf = await upload(
      'to-trinh.pdf',
      await pdfWithText(['To trinh tham dinh du an']),
      'application/pdf',
    );
    const docx = await upload(
      'bang-tinh.docx',
      docxWithText(['Bảng tính chi phí']),
      'application/octet-stream',
    );

    const external = await t.app.inject({
      method: 'GET',
      url: `/api/materials/${pdf.id}`,
      headers: { cookie: c.chuyengia! },
    });
    expect(external.statusCode).toBe(200);
    expect(external.headers['content-type']).toContain('application/pdf');
    expect(external.headers['content-disposition']).toMatch(/^inline/);
    expect(external.headers['cache-control']).toBe('private, no-store');
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/materials/${pdf.id}`,
      headers: { cookie: c.thuky! },
    });
    expect(staff.rawPayload.length).toBeLessThan(external.rawPayload.length);
    if (spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0) {
      const file = join(mkdtempSync(join(tmpdir(), 'civicdesk-wm-')), 'wm.pdf');
      writeFileSync(file, external.rawPayload);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.normalize('NFC');
      expect(text).toContain('TS. Lương Văn Thịnh');
      expect(text).toContain('CivicDesk');
      expect(text).toContain('To trinh tham dinh du an');
    }

    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/materials/${docx.id}`,
      headers: { cookie: c.chuyengia! },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.key).toBe('committees.material_pdf_only');
    const staffDocx = await t.app.inject({
      method: 'GET',
      url: `/api/materials/${docx.id}`,
      headers: { cookie: c.chutich! },
    });
    expect(staffDocx.statusCode).toBe(404); // chutich sits on no committee
    const secretary = await t.app.inject({
      method: 'GET',
      url: `/api/materials/${docx.id}`,
      headers: { cookie: c.thuky! },
    });
    expect([secretary.statusCode, secretary.headers['content-disposition']]).toEqual([
      200,
      expect.stringMatching(/^inline/),
    ]);
  });
});
