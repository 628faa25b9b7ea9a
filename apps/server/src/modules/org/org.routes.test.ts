import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyIdByCode,
  createTestApp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';

type Json = Record<string, unknown>;

describe('organisation tree administration', () => {
  let t: TestApp;
  let provinceAdmin: string;
  let communeAdmin: string;
  let province: string;
  let tanPhu: string;
  let hoaAn: string;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    provinceAdmin = (await signInEnrolled(t.app, 'quantri')).cookie;
    communeAdmin = (await signInEnrolled(t.app, 'quantri.tanphu')).cookie;
    province = await agencyIdByCode(t.app, provinceAdmin, 'UBND-LS');
    tanPhu = await agencyIdByCode(t.app, provinceAdmin, 'UBND-TP');
    hoaAn = await agencyIdByCode(t.app, provinceAdmin, 'UBND-HA');
  });
  afterAll(async () => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json) =>
    t.app.inject({ method, url, headers: { cookie }, payload });

  it('lets an agency admin create a unit, a position and a person, all audited', async () => {
    const unit = await call(communeAdmin, 'POST', `/api/agencies/${tanPhu}/units`, {
      code: 'TP-DC',
      name: 'Bộ phận Địa chính',
    });
    expect(unit.statusCode).toBe(201);
    const position = await call(communeAdmin, 'POST', `/api/agencies/${tanPhu}/positions`, {
      name: 'Công chức Địa chính',
      rank: 60,
    });
    expect(position.statusCode).toBe(201);
    const person = await call(communeAdmin, 'POST', `/api/agencies/${tanPhu}/people`, {
      username: 'diachinh.tanphu',
      displayName: 'Trịnh Văn Sơn',
      password: 'initial-password-123',
      post: { unitId: unit.json().id, positionId: position.json().id, role: 'official' },
    });
    expect(person.statusCode).toBe(201);
    expect(person.json().posts[0]).toMatchObject({
      unitName: 'Bộ phận Địa chính',
      positionName: 'Công chức Địa chính',
      role: 'official',
    });
    expect((await signIn(t.app, 'diachinh.tanphu', 'initial-password-123')).startsWith('cd_session=')).toBe(
      true,
    );

    const audit = await call(communeAdmin, 'GET', `/api/audit?agencyId=${tanPhu}&limit=10`);
    const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'org.unit.created',
        'org.position.created',
        'identity.user.created',
        'org.post.added',
      ]),
    );
  });

  it('refuses duplicates and bad input with clear messages, changing nothing', async () => {
    const dup = await call(communeAdmin, 'POST', `/api/agencies/${tanPhu}/units`, {
      code: 'VP',
      name: 'Again',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('"VP"');
    const bad = await call(communeAdmin, 'POST', `/api/agencies/${tanPhu}/units`, {
      code: 'bad code!',
      name: '',
    });
    expect(bad.statusCode).toBe(400);
    const user = await call(communeAdmin, 'POST', `/api/agencies/${tanPhu}/people`, {
      username: 'chuyenvien',
      displayName: 'Taken',
      password: 'initial-password-123',
      post: { role: 'official' },
    });
    expect(user.statusCode).toBe(409);
    const units = await call(communeAdmin, 'GET', `/api/agencies/${tanPhu}/units`);
    expect((units.json() as { code: string }[]).filter((u) => u.code === 'VP')).toHaveLength(1);
  });

  it('moves an agency with its subtree and refuses a move under its own descendant', async () => {
    const district = await call(provinceAdmin, 'POST', '/api/agencies', {
      parentId: province,
      code: 'UBND-DX',
      name: 'Đặc khu Đông Xuyên',
      tier: 'district',
      country: 'vn',
    });
    expect(district.statusCode).toBe(201);
    const moved = await call(provinceAdmin, 'PATCH', `/api/agencies/${hoaAn}`, {
      parentId: district.json().id,
    });
    expect(moved.json().parentId).toBe(district.json().id);
    const cycle = await call(provinceAdmin, 'PATCH', `/api/agencies/${district.json().id}`, {
      parentId: hoaAn,
    });
    expect(cycle.statusCode).toBe(409);
    // The province admin still administers the moved commune: the subtree path was rewritten.
    expect((await call(provinceAdmin, 'GET', `/api/agencies/${hoaAn}/units`)).statusCode).toBe(200);
    const back = await call(provinceAdmin, 'PATCH', `/api/agencies/${hoaAn}`, { parentId: province });
    expect(back.statusCode).toBe(200);
    const deactivated = await call(provinceAdmin, 'PATCH', `/api/agencies/${district.json().id}`, {
      active: false,
    });
    expect(deactivated.json().active).toBe(false);
  });

  it('refuses a person of commune A everything of commune B, through every endpoint', async () => {
    const hoaAnUnits = (await call(provinceAdmin, 'GET', `/api/agencies/${hoaAn}/units`)).json() as {
      id: string;
    }[];
    const hoaAnPeople = (await call(provinceAdmin, 'GET', `/api/agencies/${hoaAn}/people`)).json() as {
      id: string;
      posts: { id: string }[];
    }[];
    const delegation = await call(provinceAdmin, 'POST', `/api/agencies/${hoaAn}/delegations`, {
      fromUserId: hoaAnPeople[0]!.id,
      toUserId: hoaAnPeople[1]!.id,
      kind: 'delegated',
      mark: 'KT',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    });
    expect(delegation.statusCode).toBe(201);
    const attempts: [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, Json?][] = [
      ['read units', 'GET', `/api/agencies/${hoaAn}/units`],
      ['create unit', 'POST', `/api/agencies/${hoaAn}/units`, { code: 'X1', name: 'X' }],
      ['rename unit', 'PATCH', `/api/units/${hoaAnUnits[0]!.id}`, { name: 'Hijacked' }],
      ['read positions', 'GET', `/api/agencies/${hoaAn}/positions`],
      ['create position', 'POST', `/api/agencies/${hoaAn}/positions`, { name: 'X' }],
      ['read people', 'GET', `/api/agencies/${hoaAn}/people`],
      [
        'create person',
        'POST',
        `/api/agencies/${hoaAn}/people`,
        {
          username: 'intruder',
          displayName: 'I',
          password: 'initial-password-123',
          post: { role: 'official' },
        },
      ],
      ['deactivate person', 'PATCH', `/api/people/${hoaAnPeople[0]!.id}`, { active: false }],
      [
        'give a post',
        'POST',
        `/api/people/${hoaAnPeople[0]!.id}/posts`,
        { agencyId: hoaAn, role: 'agency_admin' },
      ],
      ['remove a post', 'DELETE', `/api/posts/${hoaAnPeople[0]!.posts[0]!.id}`],
      ['read delegations', 'GET', `/api/agencies/${hoaAn}/delegations`],
      [
        'create delegation',
        'POST',
        `/api/agencies/${hoaAn}/delegations`,
        {
          fromUserId: hoaAnPeople[0]!.id,
          toUserId: hoaAnPeople[1]!.id,
          kind: 'delegated',
          mark: 'KT',
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
        },
      ],
      ['revoke delegation', 'POST', `/api/delegations/${delegation.json().id}/revoke`],
      ['rename agency', 'PATCH', `/api/agencies/${hoaAn}`, { name: 'Hijacked' }],
      [
        'create sub-agency',
        'POST',
        '/api/agencies',
        { parentId: hoaAn, code: 'X-1', name: 'X', tier: 'commune', country: 'vn' },
      ],
    ];
    for (const [what, method, url, payload] of attempts) {
      const res = await call(communeAdmin, method, url, payload);
      expect({ what, status: res.statusCode }).toEqual({ what, status: 403 });
    }
    // Nothing changed, and B's audit entries stay invisible to A.
    const people = (await call(provinceAdmin, 'GET', `/api/agencies/${hoaAn}/people`)).json() as {
      active: boolean;
      posts: unknown[];
    }[];
    expect(people.every((p) => p.active && p.posts.length === 1)).toBe(true);
    const audit = await call(communeAdmin, 'GET', `/api/audit?agencyId=${hoaAn}`);
    expect(audit.json().items).toEqual([]);
    // An ordinary official of A may read A's directory but administer nothing.
    const official = await signIn(t.app, 'canbo.tanphu');
    expect((await call(official, 'GET', `/api/agencies/${tanPhu}/people`)).statusCode).toBe(200);
    expect(
      (await call(official, 'POST', `/api/agencies/${tanPhu}/units`, { code: 'Y', name: 'Y' })).statusCode,
    ).toBe(403);
    expect((await call(official, 'GET', '/api/audit')).statusCode).toBe(403);
  });

  it('applies the delegation rules of the country profile', async () => {
    const people = (await call(provinceAdmin, 'GET', `/api/agencies/${tanPhu}/people`)).json() as {
      id: string;
      username: string;
    }[];
    const id = (u: string) => people.find((p) => p.username === u)!.id;
    const base = { kind: 'delegated', validFrom: '2026-03-01', validTo: '2026-03-31' };
    const post = (payload: Json) =>
      call(communeAdmin, 'POST', `/api/agencies/${tanPhu}/delegations`, payload);
    expect(
      (await post({ ...base, fromUserId: id('chutich.tanphu'), toUserId: id('chutich.tanphu'), mark: 'KT' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await post({
          ...base,
          fromUserId: id('chutich.tanphu'),
          toUserId: id('canbo.tanphu'),
          mark: 'JEONGYEOL',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await post({ ...base, fromUserId: id('chutich.tanphu'), toUserId: id('canbo.tanphu'), mark: 'Q' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await post({
          ...base,
          validTo: '2026-02-01',
          fromUserId: id('chutich.tanphu'),
          toUserId: id('canbo.tanphu'),
          mark: 'KT',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await post({ ...base, fromUserId: id('chutich.tanphu'), toUserId: id('vanthu.tanphu'), mark: 'TUQ' }))
        .statusCode,
    ).toBe(201);
    const onward = await post({
      ...base,
      fromUserId: id('vanthu.tanphu'),
      toUserId: id('canbo.tanphu'),
      mark: 'TL',
    });
    expect(onward.statusCode).toBe(409);
    const list = await call(communeAdmin, 'GET', `/api/agencies/${tanPhu}/delegations`);
    expect(list.json()).toEqual([
      expect.objectContaining({
        mark: 'TUQ',
        fromName: 'Đặng Văn Lực',
        toName: 'Ngô Thị Hạnh',
        revoked: false,
      }),
    ]);
  });
});
