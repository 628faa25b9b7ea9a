import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  demoPassword,
  nextTotp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';

describe('sign-in, sessions and second factors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  const login = (payload: Record<string, unknown>, lang = 'en') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'accept-language': lang } });

  it('signs an official in with a server-side session and returns their posts', async () => {
    const res = await login({ username: 'chuyenvien', password: demoPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'full' });
    const cookie = res.cookies.find((c) => c.name === 'cd_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `cd_session=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'chuyenvien', stage: 'full', mfaRequired: false });
    expect(me.json().posts).toEqual([
      expect.objectContaining({
        agencyCode: 'UBND-LS',
        role: 'official',
        unitName: 'Phòng Văn hóa - Xã hội',
      }),
    ]);
  });

  it('answers 401 to a wrong password and to an unknown user, in the caller language', async () => {
    const wrong = await login({ username: 'chuyenvien', password: 'not-the-password' }, 'ko');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('아이디 또는 비밀번호가 올바르지 않습니다.');
    const unknown = await login({ username: 'nobody', password: 'whatever' }, 'vi');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.cookies).toHaveLength(0);
  });

  it('answers 400 with a clear message to malformed input and creates no session', async () => {
    const res = await login({ username: 'chuyenvien' }, 'vi');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(res.json().error.message).toMatch(/^Dữ liệu không hợp lệ: password:/);
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'username=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.statusCode).toBeGreaterThanOrEqual(400);
    expect(notJson.statusCode).toBeLessThan(500);
  });

  it('locks the account after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login({ username: 'canbo.hoaan', password: 'wrong-password' })).statusCode).toBe(401);
    const locked = await login({ username: 'canbo.hoaan', password: demoPassword });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('15');
  });

  it('refuses unauthenticated reads', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/agencies' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'cd_session=forged' } }))
        .statusCode,
    ).toBe(401);
  });

  it('forces administrators through TOTP enrolment, then requires the code at every sign-in', async () => {
    const first = await login({ username: 'quantri', password: demoPassword });
    expect(first.json()).toEqual({ stage: 'enroll' });
    const pending = `cd_session=${first.cookies[0]!.value}`;
    // Before enrolment only the enrolment endpoints answer.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/agencies', headers: { cookie: pending } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: pending } })).json().stage,
    ).toBe('enroll');

    const { secret, cookie } = await signInEnrolled(t.app, 'quantri');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/agencies', headers: { cookie } })).statusCode,
    ).toBe(200);

    const second = await login({ username: 'quantri', password: demoPassword });
    expect(second.json()).toEqual({ stage: 'mfa', methods: ['totp'] });
    const mfaCookie = `cd_session=${second.cookies[0]!.value}`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/agencies', headers: { cookie: mfaCookie } }))
        .statusCode,
    ).toBe(401);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: mfaCookie },
      payload: { code: '000000' },
    });
    expect(bad.statusCode).toBe(401);
    const code = await nextTotp(secret, 1);
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: mfaCookie },
      payload: { code },
    });
    expect(good.json()).toEqual({ stage: 'full' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/agencies', headers: { cookie: mfaCookie } }))
        .statusCode,
    ).toBe(200);
    // The same code cannot be replayed.
    const replay = await login({ username: 'quantri', password: demoPassword, totp: code });
    expect(replay.statusCode).toBe(401);
  });

  it('lists sessions, revokes one, and signs out everywhere', async () => {
    const a = await signIn(t.app, 'chuyenvien.kt');
    const b = await signIn(t.app, 'chuyenvien.kt');
    const list = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: a } });
    expect(list.json()).toHaveLength(2);
    const other = (list.json() as { id: string; current: boolean }[]).find((s) => !s.current)!;
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${other.id}`, headers: { cookie: a } }))
        .statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: b } })).statusCode).toBe(
      401,
    );
    const c = await signIn(t.app, 'chuyenvien.kt');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: a } }))
        .statusCode,
    ).toBe(200);
    for (const cookie of [a, c])
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
        401,
      );
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const cookie = await signIn(t.app, 'canbo.phuloc');
    const other = await signIn(t.app, 'canbo.phuloc');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { current: demoPassword, next: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { current: 'nope', next: 'a-much-better-passphrase' },
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { current: demoPassword, next: 'a-much-better-passphrase' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } })).statusCode,
    ).toBe(401);
    expect((await login({ username: 'canbo.phuloc', password: demoPassword })).statusCode).toBe(401);
    expect((await login({ username: 'canbo.phuloc', password: 'a-much-better-passphrase' })).statusCode).toBe(
      200,
    );
  });

  it('saves the language preference', async () => {
    const cookie = await signIn(t.app, 'jumugwan');
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/me',
          headers: { cookie },
          payload: { locale: 'xx' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/me',
          headers: { cookie },
          payload: { locale: 'en' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().locale).toBe(
      'en',
    );
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 past the per-minute limit', async () => {
    const t = await createTestApp({ config: { loginRateLimit: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (
            await t.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('remote access', () => {
  it('requires a second factor from outside the trusted networks, and a forged X-Forwarded-For changes nothing', async () => {
    const t = await createTestApp({ demo: true, config: { trustedNetworks: ['10.0.0.0/8'] } });
    try {
      const forged = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '10.1.2.3' },
        payload: { username: 'chuyenvien', password: demoPassword },
      });
      expect(forged.json()).toEqual({ stage: 'enroll' });
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `cd_session=${forged.cookies[0]!.value}` },
      });
      expect(me.json()).toMatchObject({ stage: 'enroll', mfaRequired: true });
    } finally {
      await t.close();
    }
  });
});
