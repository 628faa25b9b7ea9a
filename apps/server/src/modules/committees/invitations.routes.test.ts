import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Call, caller } from '../../../test/eoffice.ts';
import {
  agencyIdByCode,
  createTestApp,
  nextTotp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';

// Inviting an outside expert: the link, acceptance with a password, the forced second factor, the security
// pledge, and only then the committee's meetings.

describe('committee invitations', () => {
  let t: TestApp;
  let call: Call;
  const c: Record<string, string> = {};
  const agency: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ demo: 'committees' });
    call = caller(t.app);
    c.thuky = await signIn(t.app, 'thuky');
    c.chuyengia = (await signInEnrolled(t.app, 'chuyengia')).cookie;
    agency['UBND-LS'] = await agencyIdByCode(t.app, c.thuky, 'UBND-LS');
  });
  afterAll(async () => t.close());

  it('invites an outside expert: link, acceptance, second factor, pledge, then the meetings', async () => {
    const council = (await call(c.thuky!, 'GET', `/api/committees?agencyId=${agency['UBND-LS']}`)).body.find(
      (x: { name: string }) => x.name.startsWith('Hội đồng thẩm định dự án'),
    );
    const sent = await call(c.thuky!, 'POST', `/api/committees/${council.id}/invitations`, {
      email: 'ts.dinh@example.vn',
      name: 'PGS.TS. Đinh Thị Ngọc',
      role: 'member',
      termStart: '2025-01-01',
      termEnd: '2027-12-31',
      locale: 'vi',
    });
    expect(sent.status).toBe(201);
    const token = (sent.body.link as string).split('/invite/')[1]!;
    expect(sent.body.link).toBe(`http://localhost/invite/${token}`);
    const members = (await call(c.thuky!, 'GET', `/api/committees/${council.id}`)).body.members;
    expect(members.find((m: { id: string }) => m.id === sent.body.memberId)).toMatchObject({
      name: 'PGS.TS. Đinh Thị Ngọc',
      external: true,
      pledgedAt: null,
    });
    // A member cannot invite; a second chair cannot be invited either.
    const invitation = {
      email: 'x@example.vn',
      name: 'X',
      role: 'member',
      termStart: '2025-01-01',
      termEnd: '2026-12-31',
      locale: 'vi',
    };
    expect(
      (await call(c.chuyengia!, 'POST', `/api/committees/${council.id}/invitations`, invitation)).status,
    ).toBe(403);
    const chair = await call(c.thuky!, 'POST', `/api/committees/${council.id}/invitations`, {
      ...invitation,
      role: 'chair',
    });
    expect([chair.status, chair.body.error.key]).toEqual([409, 'committees.chair_taken']);

    const info = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(info.json()).toMatchObject({
      committeeName: council.name,
      agencyName: 'Ủy ban nhân dân tỉnh Lâm Sơn',
      name: 'PGS.TS. Đinh Thị Ngọc',
      email: 'ts.dinh@example.vn',
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/invitations/nonsense' })).statusCode).toBe(404);
    // The account cannot be signed in to before acceptance.
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dinhngoc', password: 'x'.repeat(12) },
    });
    expect(early.statusCode).toBe(401);

    const weak = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { username: 'dinhngoc', password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const taken = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { username: 'thuky', password: 'mật khẩu rất dài 2025' },
    });
    expect(taken.json().error.key).toBe('identity.username_taken');
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { username: 'dinhngoc', password: 'mật khẩu rất dài 2025' },
    });
    expect([accepted.statusCode, accepted.json()]).toEqual([200, { stage: 'enroll' }]);
    const cookie = `cd_session=${accepted.cookies.find((k) => k.name === 'cd_session')!.value}`;
    const used = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect([used.statusCode, used.json().error.key]).toEqual([410, 'committees.invitation_used']);

    // Nothing but enrolment until the second factor is set.
    expect((await call(cookie, 'GET', '/api/committees')).status).toBe(401);
    const setup = await call(cookie, 'POST', '/api/me/totp/setup');
    const enabled = await call(cookie, 'POST', '/api/me/totp/enable', {
      code: await generate({ secret: setup.body.secret }),
    });
    expect(enabled.status).toBe(200);
    const list = await call(cookie, 'GET', '/api/committees');
    expect(list.body.map((x: { id: string }) => x.id)).toEqual([council.id]);
    const meetings = await call(cookie, 'GET', `/api/committees/${council.id}/meetings`);
    expect([meetings.status, meetings.body.error.key]).toEqual([403, 'committees.pledge_required']);
    const text = await t.app.inject({
      method: 'GET',
      url: '/api/me/pledge',
      headers: { cookie, 'accept-language': 'vi' },
    });
    expect(text.json()).toMatchObject({ version: 'v1', pledgedAt: null });
    expect(text.json().text).toMatch(/cam kết bảo mật/);
    const signed = await t.app.inject({
      method: 'POST',
      url: '/api/me/pledge',
      headers: { cookie, 'accept-language': 'vi' },
    });
    expect(signed.json().pledgedAt).not.toBeNull();
    expect((await call(cookie, 'GET', `/api/committees/${council.id}/meetings`)).body.length).toBeGreaterThan(
      0,
    );

    // Signing in again later asks for the second factor (external accounts always need one).
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dinhngoc', password: 'mật khẩu rất dài 2025' },
    });
    expect(again.json().stage).toBe('mfa');
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: 'dinhngoc',
        password: 'mật khẩu rất dài 2025',
        totp: await nextTotp(setup.body.secret),
      },
    });
    expect(withCode.json().stage).toBe('full');
  });
});
