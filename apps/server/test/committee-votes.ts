import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { sha256Hex } from '../src/platform/canonical.ts';
import { selectRows } from '../src/platform/db/db.ts';
import type { App } from '../src/platform/http/types.ts';
import type { TestApp } from './test-app.ts';

// A committee, its members (users made directly in SQL, each with a live, stepped-up session), a meeting with
// its agenda and attendance — for the tests and benchmark of votes, written deliberation and minutes, which
// need many members and do not exercise how committees and meetings are set up.

// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
type Body = any;
export type Rules = {
  quorum: 'majority_of_members' | 'two_thirds_of_members';
  threshold:
    | 'majority_of_present'
    | 'majority_of_members'
    | 'two_thirds_of_present'
    | 'two_thirds_of_members';
  chairVotes: boolean;
  tie: 'fails' | 'chair_decides';
  writtenAllowed: boolean;
  writtenGrounds: string | null;
};
export type Person = { userId: string; memberId: string; name: string; cookie: string; external: boolean };
export type ItemSpec = {
  kind?: 'deliberation' | 'resolution' | 'report';
  title?: string;
  secret?: boolean;
  closed?: boolean;
  materials?: boolean;
};
export type Fixture = {
  committeeId: string;
  agencyId: string;
  meetingId: string;
  itemIds: string[];
  members: Person[];
  manager: { userId: string; cookie: string };
  call(
    cookie: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: Body }>;
};

const db = (t: TestApp) => t.db.database.db;

/** A full session for a user, as if they had signed in and stepped up just now. */
export async function sessionFor(t: TestApp, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db(t).execute(
    sql`insert into sessions (id, user_id, stage, mfa, created_at, last_seen_at, expires_at, reauth_at)
        values (${sha256Hex(token)}, ${userId}, 'full', true, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz,
                ${new Date(now.getTime() + 8 * 3600_000).toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`,
  );
  return `cd_session=${token}`;
}

export function caller(app: App): Fixture['call'] {
  return async (cookie, method, url, payload) => {
    const res = await app.inject({ method, url, headers: { cookie }, payload: payload as never });
    const json = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.statusCode, body: json ? res.json() : res.rawPayload };
  };
}

export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const [row] = await selectRows<{ id: string }>(
    db(t),
    sql`select id from users where username = ${username}`,
  );
  return row!.id;
}

/**
 * Members: index 0 is the chair, 1 the vice-chair (succession 1), the rest plain members; the first `externals`
 * are outside experts (kind 'external', pledge signed). The first `present` members are checked in.
 */
export async function committeeFixture(
  t: TestApp,
  opts: {
    agencyCode?: string;
    manager?: string;
    members: number;
    externals?: number;
    present?: number;
    rules?: Partial<Rules>;
    mode?: 'in_person' | 'online' | 'written';
    status?: 'draft' | 'noticed' | 'open' | 'closed';
    deadline?: Date | null;
    items?: ItemSpec[];
    rates?: { attendance: number; review: number; travel: number };
    startsAt?: Date;
  },
): Promise<Fixture> {
  const tag = randomBytes(3).toString('hex');
  const [agency] = await selectRows<{ id: string }>(
    db(t),
    sql`select id from agencies where code = ${opts.agencyCode ?? 'UBND-LS'}`,
  );
  const rules: Rules = {
    quorum: 'majority_of_members',
    threshold: 'majority_of_present',
    chairVotes: true,
    tie: 'fails',
    writtenAllowed: true,
    writtenGrounds: 'Urgent or minor matters',
    ...opts.rules,
  };
  const now = new Date();
  const [committee] = await selectRows<{ id: string }>(
    db(t),
    sql`insert into committees (agency_id, name, legal_basis, function, rules, term_years, max_terms, concurrency_limit, rates, created_at)
        values (${agency!.id}, ${`Hội đồng thẩm định ${tag}`}, 'Quyết định số 12/QĐ-UBND', 'deliberative',
          ${JSON.stringify(rules)}::jsonb, 2, 2, 3,
          ${JSON.stringify(opts.rates ?? { attendance: 500_000, review: 300_000, travel: 200_000 })}::jsonb,
          ${now.toISOString()}::timestamptz)
        returning id`,
  );
  const committeeId = committee!.id;
  const members: Person[] = [];
  const externals = opts.externals ?? 0;
  for (let i = 0; i < opts.members; i++) {
    const external = i < externals;
    const name = `${external ? 'Chuyên gia' : 'Cán bộ'} ${tag} ${String(i).padStart(3, '0')}`;
    const [u] = await selectRows<{ id: string }>(
      db(t),
      sql`insert into users (username, display_name, email, kind, locale)
          values (${`v${tag}.${i}`}, ${name}, ${`v${tag}.${i}@example.test`}, ${external ? 'external' : 'staff'}, 'vi')
          returning id`,
    );
    if (external)
      await db(t).execute(
        sql`insert into security_pledges (user_id, version, text_sha256, pledged_at) values (${u!.id}, 'v1', 'test', now())`,
      );
    const role = i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member';
    const [m] = await selectRows<{ id: string }>(
      db(t),
      sql`insert into committee_members (committee_id, user_id, role, type, term_start, term_end, succession, created_at)
          values (${committeeId}, ${u!.id}, ${role}, 'appointed', '2025-01-01', '2026-12-31', ${i === 1 ? 1 : null}, now())
          returning id`,
    );
    members.push({ userId: u!.id, memberId: m!.id, name, cookie: await sessionFor(t, u!.id), external });
  }
  const mode = opts.mode ?? 'in_person';
  const status = opts.status ?? (mode === 'written' ? 'noticed' : 'open');
  const [meeting] = await selectRows<{ id: string }>(
    db(t),
    sql`insert into meetings (committee_id, title, mode, status, starts_at, location, deadline, written_ground, noticed_at, opened_at, created_at)
        values (${committeeId}, ${`Phiên họp ${tag}`}, ${mode}, ${status}, ${(opts.startsAt ?? now).toISOString()}::timestamptz,
          ${mode === 'in_person' ? 'Phòng họp số 2' : null}, ${opts.deadline ? opts.deadline.toISOString() : null}::timestamptz,
          ${mode === 'written' ? 'Nội dung cấp bách' : null}, now(), ${status === 'open' ? now.toISOString() : null}::timestamptz, now())
        returning id`,
  );
  const meetingId = meeting!.id;
  const itemIds: string[] = [];
  for (const [i, spec] of (opts.items ?? [{ kind: 'resolution' }]).entries()) {
    const [item] = await selectRows<{ id: string }>(
      db(t),
      sql`insert into agenda_items (meeting_id, seq, kind, title, description, closed, secret)
          values (${meetingId}, ${i + 1}, ${spec.kind ?? 'resolution'}, ${spec.title ?? `Nội dung ${i + 1}`},
            ${`Mô tả nội dung ${i + 1}`}, ${spec.closed ?? false}, ${spec.secret ?? false})
          returning id`,
    );
    itemIds.push(item!.id);
    if (spec.materials)
      await db(t).execute(
        sql`insert into item_materials (item_id, name, sha256, size, mime, created_at)
            values (${item!.id}, 'ho-so.pdf', ${'0'.repeat(64)}, 10, 'application/pdf', now())`,
      );
  }
  const present = mode === 'written' ? 0 : (opts.present ?? opts.members);
  for (const [i, m] of members.entries())
    await db(t).execute(
      sql`insert into meeting_attendance (meeting_id, member_id, present, checked_in_at, checked_in_by)
          values (${meetingId}, ${m.memberId}, ${i < present}, ${i < present ? now.toISOString() : null}::timestamptz,
            ${i < present ? 'secretary' : null})`,
    );
  const managerId = await userIdOf(t, opts.manager ?? 'thuky');
  return {
    committeeId,
    agencyId: agency!.id,
    meetingId,
    itemIds,
    members,
    manager: { userId: managerId, cookie: await sessionFor(t, managerId) },
    call: caller(t.app),
  };
}

/** Declares a conflict of interest for a member on an item (the member leaves its quorum and vote). */
export async function recuse(t: TestApp, itemId: string, memberId: string) {
  await db(t).execute(
    sql`insert into item_conflicts (item_id, member_id, reason, declared_at) values (${itemId}, ${memberId}, 'Người thân là đương sự', now())`,
  );
}

/** Marks the meeting closed as S1's close-meeting does (after closing its polls). */
export async function markClosed(t: TestApp, meetingId: string) {
  await db(t).execute(sql`update meetings set status = 'closed', closed_at = now() where id = ${meetingId}`);
}
