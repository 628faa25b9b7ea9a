import { systemCtx } from '@civicdesk/server/src/bootstrap.ts';
import { createUser } from '@civicdesk/server/src/modules/identity/identity.service.ts';
import {
  addPost,
  createAgency,
  createPosition,
  createUnit,
} from '@civicdesk/server/src/modules/org/org.service.ts';
import { selectRows } from '@civicdesk/server/src/platform/db/db.ts';
import { type Actor, inTransaction } from '@civicdesk/server/src/platform/http/context.ts';
import { sql } from 'drizzle-orm';
import { demoPassword, type Server, signIn } from './lib.ts';

// The offices of the e-office benchmark: three demo agencies (the province, one commune, the Korean district)
// plus `extra` communes created through the same org and identity services an administrator uses (audited),
// each with a drafter, an approver (chairman), a records clerk and the head of its culture unit. Everyone signs
// in once here, before any measured phase (argon2id is deliberately slow).

export type Person = { username: string; id: string; cookie: string };
export type Office = {
  code: string;
  id: string;
  typeCode: string;
  drafter: Person;
  approver: Person;
  /** The approval step's assignee: the province's steps go to the chairman and the vice-chairman signs KT. */
  assigneeId: string;
  clerk: Person;
  head: Person;
  lead: Person;
  /** The unit a received copy is distributed to. */
  unitId: string;
};

type Role = 'drafter' | 'approver' | 'assignee' | 'clerk' | 'head' | 'lead';
type Plan = { code: string; typeCode: string; unit: string; roles: Record<Role, string> };

const demoPlans: Plan[] = [
  {
    code: 'UBND-LS',
    typeCode: 'CV',
    unit: 'VX',
    roles: {
      drafter: 'chuyenvien',
      approver: 'phochutich',
      assignee: 'chutich',
      clerk: 'vanthu',
      head: 'truongphong.vx',
      lead: 'chuyenvien',
    },
  },
  {
    code: 'UBND-TP',
    typeCode: 'CV',
    unit: 'VX',
    roles: {
      drafter: 'canbo.tanphu',
      approver: 'chutich.tanphu',
      assignee: 'chutich.tanphu',
      clerk: 'vanthu.tanphu',
      head: 'chutich.tanphu',
      lead: 'canbo.tanphu',
    },
  },
  {
    code: 'HANBIT-GU',
    typeCode: 'GIAN',
    unit: 'PLN',
    roles: {
      drafter: 'jumugwan',
      approver: 'gwajang',
      assignee: 'gwajang',
      clerk: 'munseo',
      head: 'gwajang',
      lead: 'jumugwan',
    },
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Creates `extra` communes under the province, each with four people; returns their plans. */
async function createCommunes(server: Server, extra: number): Promise<Plan[]> {
  const base = systemCtx(server.database);
  const [admin] = await selectRows<{ id: string }>(
    base.db,
    sql`select id from users where username = 'admin'`,
  );
  const [province] = await selectRows<{ id: string }>(
    base.db,
    sql`select id from agencies where code = 'UBND-LS'`,
  );
  const actor: Actor = {
    userId: admin!.id,
    username: 'admin',
    displayName: 'CivicDesk Administrator',
    kind: 'staff',
    isPlatformAdmin: true,
    sessionId: null,
  };
  const as = { ...base, actor };
  const plans: Plan[] = [];
  for (let i = 1; i <= extra; i++) {
    const code = `BENCH-${pad(i)}`;
    const agency = await createAgency(as, actor, {
      parentId: province!.id,
      code,
      name: `Ủy ban nhân dân xã Thử Nghiệm ${pad(i)}`,
      shortName: `UBND xã TN ${pad(i)}`,
      tier: 'commune',
      country: 'vn',
      address: `Xã Thử Nghiệm ${pad(i)}, tỉnh Lâm Sơn`,
    });
    const vp = await createUnit(as, actor, agency.id, { code: 'VP', name: 'Văn phòng HĐND và UBND' });
    const vx = await createUnit(as, actor, agency.id, { code: 'VX', name: 'Phòng Văn hóa - Xã hội' });
    const people = [
      { key: 'drafter', role: 'official', unitId: vx.id, position: 'Chuyên viên' },
      { key: 'approver', role: 'head', unitId: null, position: 'Chủ tịch' },
      { key: 'clerk', role: 'clerk', unitId: vp.id, position: 'Văn thư' },
      { key: 'head', role: 'head', unitId: vx.id, position: 'Trưởng phòng' },
    ] as const;
    const names: Record<string, string> = {};
    for (const [rank, p] of people.entries()) {
      const position = await createPosition(as, actor, agency.id, {
        name: p.position,
        rank: (rank + 1) * 10,
      });
      const username = `bench.${p.key}.${pad(i)}`;
      names[p.key] = username;
      await inTransaction(as, async (tx) => {
        const user = await createUser(
          tx,
          { username, displayName: `${p.position} ${pad(i)}`, password: demoPassword, locale: 'vi' },
          agency.id,
        );
        await addPost(tx, actor, {
          userId: user.id,
          agencyId: agency.id,
          role: p.role,
          unitId: p.unitId,
          positionId: position.id,
        });
      });
    }
    plans.push({
      code,
      typeCode: 'CV',
      unit: 'VX',
      roles: {
        drafter: names.drafter!,
        approver: names.approver!,
        assignee: names.approver!,
        clerk: names.clerk!,
        head: names.head!,
        lead: names.drafter!,
      },
    });
  }
  return plans;
}

/** The offices with everyone signed in (four sign-ins at a time). */
export async function buildOffices(server: Server, extra: number): Promise<Office[]> {
  const plans = [...demoPlans, ...(await createCommunes(server, extra))];
  const db = server.database.db;
  const usernames = [...new Set(plans.flatMap((p) => Object.values(p.roles)))];
  const users = new Map(
    (
      await selectRows<{ id: string; username: string }>(
        db,
        sql`select id, username from users where username in ${usernames}`,
      )
    ).map((u) => [u.username, u.id]),
  );
  const cookies = new Map<string, string>();
  for (let i = 0; i < usernames.length; i += 4)
    await Promise.all(
      usernames.slice(i, i + 4).map(async (u) => cookies.set(u, await signIn(server.url, u))),
    );
  const person = (username: string): Person => ({
    username,
    id: users.get(username)!,
    cookie: cookies.get(username)!,
  });
  const offices: Office[] = [];
  for (const p of plans) {
    const [row] = await selectRows<{ agency_id: string; unit_id: string }>(
      db,
      sql`select a.id as agency_id, u.id as unit_id from agencies a join units u on u.agency_id = a.id
          where a.code = ${p.code} and u.code = ${p.unit}`,
    );
    const r = p.roles;
    offices.push({
      code: p.code,
      id: row!.agency_id,
      typeCode: p.typeCode,
      unitId: row!.unit_id,
      drafter: person(r.drafter),
      approver: person(r.approver),
      assigneeId: users.get(r.assignee)!,
      clerk: person(r.clerk),
      head: person(r.head),
      lead: person(r.lead),
    });
  }
  return offices;
}
