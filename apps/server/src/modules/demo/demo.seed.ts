import type { Config } from '../../config.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { countUsers, createUser } from '../identity/identity.service.ts';
import { addPost, createAgency, createPosition, createUnit } from '../org/org.service.ts';
import { createDelegation } from '../org/use-cases/delegations.ts';
import { seedDemoCommittees } from './demo.committees.ts';
import { demoAgencies, demoPassword } from './demo.data.ts';
import { seedDemoDocuments } from './demo.documents.ts';
import { seedSignatureImages } from './demo.images.ts';
import { seedDemoMeetings } from './demo.meetings.ts';
import { seedDemoReports } from './demo.reports.ts';
import { seedDemoRooms } from './demo.rooms.ts';
import { seedDemoServices } from './demo.services.ts';

// Seeds the demo organisation through the same services an administrator uses, so every row is audited.
export type DemoAccount = { username: string; name: string; agency: string; role: string };

/** Seeds only into an empty database; returns the accounts created (empty when there was data already). */
/** `documents: false` seeds the organisation only (tests that count numbers start from an empty register). */
/** `committees` (default: as `documents`) seeds the demo committees and their meetings. */
export async function seedDemo(
  ctx: Ctx,
  config: Config,
  opts: { documents?: boolean; committees?: boolean } = {},
): Promise<DemoAccount[]> {
  if ((await countUsers(ctx)) > 0) return [];
  const adminUser = await createUser(ctx, {
    username: 'admin',
    displayName: 'CivicDesk Administrator',
    password: demoPassword,
    isPlatformAdmin: true,
    locale: 'en',
  });
  const admin: Actor = {
    userId: adminUser.id,
    username: 'admin',
    displayName: adminUser.displayName,
    kind: 'staff',
    isPlatformAdmin: true,
    sessionId: null,
  };
  const as = { ...ctx, actor: admin };
  const accounts: DemoAccount[] = [
    {
      username: 'admin',
      name: adminUser.displayName,
      agency: 'UBND-LS',
      role: 'platform admin + agency_admin',
    },
  ];
  const ids = new Map<string, string>();
  const units = new Map<string, string>();
  const people = new Map<string, { id: string; name: string }>();
  for (const a of demoAgencies) {
    const agency = await createAgency(as, admin, {
      parentId: a.parent ? (ids.get(a.parent) ?? null) : null,
      code: a.code,
      name: a.name,
      shortName: a.shortName,
      tier: a.tier,
      country: a.country,
      address: a.address,
    });
    ids.set(a.code, agency.id);
    const agencyUnits = new Map<string, string>();
    for (const u of a.units) {
      const unit = await createUnit(as, admin, agency.id, u);
      agencyUnits.set(u.code, unit.id);
      units.set(`${a.code}:${u.code}`, unit.id);
    }
    const positions = new Map<string, string>();
    for (const [i, name] of a.positions.entries())
      positions.set(name, (await createPosition(as, admin, agency.id, { name, rank: (i + 1) * 10 })).id);
    await inTransaction(as, async (tx) => {
      if (a.code === 'UBND-LS')
        await addPost(tx, admin, {
          userId: admin.userId,
          agencyId: agency.id,
          role: 'agency_admin',
          unitId: agencyUnits.get('VP'),
        });
      for (const p of a.people) {
        const user = await createUser(
          tx,
          {
            username: p.username,
            displayName: p.name,
            password: demoPassword,
            kind: p.role === 'external_member' ? 'external' : 'staff',
            locale: a.country === 'kr' ? 'ko' : 'vi',
            email: `${p.username}@demo.civicdesk.local`,
          },
          agency.id,
        );
        ids.set(p.username, user.id);
        people.set(p.username, { id: user.id, name: p.name });
        await addPost(tx, admin, {
          userId: user.id,
          agencyId: agency.id,
          role: p.role as never,
          unitId: p.unit ? agencyUnits.get(p.unit) : null,
          positionId: p.position ? positions.get(p.position) : null,
        });
        accounts.push({ username: p.username, name: p.name, agency: a.code, role: p.role });
      }
    });
  }
  // The province chairman delegates signing to the vice-chairman (ký thay, KT.) for the current year.
  const year = ctx.now.getUTCFullYear();
  await createDelegation(as, admin, ids.get('UBND-LS')!, {
    fromUserId: ids.get('chutich')!,
    toUserId: ids.get('phochutich')!,
    kind: 'delegated',
    mark: 'KT',
    scope: 'all',
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    reason: 'Phân công ký thay theo Quy chế làm việc của UBND tỉnh',
  });
  const agencies = new Map(demoAgencies.map((a) => [a.code, ids.get(a.code)!]));
  const heads = demoAgencies.flatMap((a) => a.people.filter((p) => p.role === 'head'));
  await seedSignatureImages(
    as,
    admin,
    heads.map((p) => ({
      ...admin,
      userId: ids.get(p.username)!,
      username: p.username,
      displayName: p.name,
      isPlatformAdmin: false,
    })),
    [...agencies.values()],
  );
  if (opts.documents !== false) await seedDemoDocuments(as, config, admin, { agencies, units, people });
  if (opts.committees ?? opts.documents !== false)
    await seedDemoCommittees(as, config, admin, { agencies, people });
  if (opts.documents !== false) await seedDemoReports(as, { agencies, people });
  if (opts.documents !== false) await seedDemoRooms(as, admin, { agencies, people });
  if (opts.documents !== false) await seedDemoMeetings(as, { agencies, units, people });
  if (opts.documents !== false) {
    await seedDemoServices(as, config, admin, { agencies, units, people });
    accounts.push({
      username: 'congdan',
      name: 'Nguyễn Thị Dân',
      agency: 'UBND-LS',
      role: 'citizen (portal)',
    });
  }
  return accounts;
}
