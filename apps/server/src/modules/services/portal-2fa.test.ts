import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen } from '../../../test/services.ts';
import { createTestApp, nextTotp, type TestApp } from '../../../test/test-app.ts';

// Optional two-step verification for citizens: turned on in the portal, then asked for at every sign-in.

describe('citizen two-step verification', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  it('is off by default, can be turned on, and then the portal sign-in needs the code', async () => {
    const cookie = await citizen(t.app, 'nguoidan2fa');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ kind: 'citizen', totpEnabled: false });
    const setup = await t.app.inject({ method: 'POST', url: '/api/me/totp/setup', headers: { cookie } });
    const { secret } = setup.json() as { secret: string };
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/me/totp/enable',
      headers: { cookie },
      payload: { code: await generate({ secret }) },
    });
    expect(enable.statusCode).toBe(200);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/portal/login',
      payload: { username: 'nguoidan2fa', password: 'citizen-password-1' },
    });
    expect(login.json()).toMatchObject({ stage: 'mfa', methods: ['totp'] });
    const pending = `cd_session=${login.cookies.find((c) => c.name === 'cd_session')!.value}`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/portal/submissions', headers: { cookie: pending } }))
        .statusCode,
    ).toBe(401);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: await nextTotp(secret) },
    });
    expect(done.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/portal/submissions', headers: { cookie: pending } }))
        .statusCode,
    ).toBe(200);
  });
});
