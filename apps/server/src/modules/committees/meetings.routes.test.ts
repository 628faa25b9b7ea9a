import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeBody, rules } from '../../../test/committees.ts';
import { type Call, caller } from '../../../test/eoffice.ts';
import {
  agencyIdByCode,
  createTestApp,
  signIn,
  signInEnrolled,
  type TestApp,
} from '../../../test/test-app.ts';
import { selectRows } from '../../platform/db/db.ts';
import type { App } from '../../platform/http/types.ts';

// A live meeting through HTTP: agenda, notice (in-app to every member), RSVP, check-in by the member and by
// the secretary, opening refused without quorum (with the numbers) and accepted with it, a conflict of interest
// declared and locked once a poll opens, close (open polls counted, minutes drafted), realtime pushes.

type Msg = Record<string, unknown>;

async function openChannel(app: App, cookie: string) {
  const seen: Msg[] = [];
  const ws = await app.injectWS(
    '/api/realtime',
    { headers: { cookie } },
    {
      onInit: (socket) =>
        socket.on('message', (data: Buffer) => seen.push(JSON.parse(data.toString()) as Msg)),
    },
  );
  return { ws, seen };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('a live committee meeting', () => {
  let t: TestApp;
  let call: Call;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  let committeeId: string;
  let meetingId: string;
  let items: string[];
  const members: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    call = caller(t.app);
    for (const u of ['thuky', 'chutich', 'chanhvanphong', 'chuyenvien']) c[u] = await signIn(t.app, u);
    c.chuyengia = (await signInEnrolled(t.app, 'chuyengia')).cookie;
    for (const u of Object.keys(c)) id[u] = (await call(c[u]!, 'GET', '/api/me')).body.id;
    const agencyId = await agencyIdByCode(t.app, c.thuky!, 'UBND-LS');
    const made = await call(c.thuky!, 'POST', '/api/committees', committeeBody(agencyId));
    expect(made.status).toBe(201);
    committeeId = made.body.id;
    const seat = (u: string, role: string, type = 'ex_officio') => ({
      userId: id[u],
      role,
      type,
      termStart: '2025-01-01',
      termEnd: '2028-12-31',
    });
    for (const [u, role, type] of [
      ['chutich', 'chair'],
      ['chanhvanphong', 'vice_chair'],
      ['chuyenvien', 'member'],
      ['chuyengia', 'member', 'appointed'],
    ] as const) {
      const res = await call(c.thuky!, 'POST', `/api/committees/${committeeId}/members`, seat(u, role, type));
      expect(res.status).toBe(201);
      members[u] = res.body.id;
    }
  });
  afterAll(async () => t.close());

  it('builds the agenda and sends the notice to every member', async () => {
    const made = await call(c.thuky!, 'POST', `/api/committees/${committeeId}/meetings`, {
      title: 'Phiên họp xét duyệt sáng kiến năm',
      mode: 'online',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(made.status).toBe(201);
    meetingId = made.body.id;
    expect(made.body).toMatchObject({
      status: 'draft',
      videoRoomUrl: `http://localhost/meetings/${meetingId}/video`,
      chairName: 'Nguyễn Văn Hùng',
      quorumNow: { members: 4, present: 0, required: 3, met: false },
    });
    // Members cannot build the agenda; a notice needs an item.
    const byMember = await call(c.chuyenvien!, 'POST', `/api/meetings/${meetingId}/items`, {
      kind: 'report',
      title: 'x',
    });
    expect(byMember.status).toBe(403);
    const empty = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/notice`);
    expect([empty.status, empty.body.error.key]).toEqual([409, 'committees.agenda_empty']);

    items = [];
    for (const body of [
      { kind: 'resolution', title: 'Công nhận sáng kiến cấp tỉnh', description: 'Danh sách 12 sáng kiến' },
      { kind: 'resolution', title: 'Bầu thư ký phiên họp', secret: true, closed: true },
      { kind: 'report', title: 'Báo cáo kết quả năm trước' },
    ]) {
      const res = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/items`, body);
      expect(res.status).toBe(201);
      items.push(res.body.id);
    }
    const patched = await call(c.thuky!, 'PATCH', `/api/meetings/${meetingId}/items/${items[2]}`, {
      title: 'Báo cáo tổng kết',
    });
    expect(patched.body).toMatchObject({ seq: 3, title: 'Báo cáo tổng kết', kind: 'report', closed: false });
    const extra = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/items`, {
      kind: 'report',
      title: 'Xóa',
    });
    expect((await call(c.thuky!, 'DELETE', `/api/meetings/${meetingId}/items/${extra.body.id}`)).status).toBe(
      200,
    );

    // RSVP before the notice: refused.
    const early = await call(c.chuyenvien!, 'POST', `/api/meetings/${meetingId}/rsvp`, {
      response: 'attending',
    });
    expect([early.status, early.body.error.key]).toEqual([409, 'committees.attendance_closed']);

    const noticed = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/notice`);
    expect(noticed.status).toBe(200);
    expect(noticed.body.status).toBe('noticed');
    expect(noticed.body.items.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3]);
    expect(noticed.body.items[1]).toMatchObject({ closed: true, secret: true });
    expect(noticed.body.attendance).toHaveLength(4);
    expect(noticed.body.attendance[0]).toMatchObject({
      role: 'chair',
      name: 'Nguyễn Văn Hùng',
      present: false,
    });
    const inbox = await call(c.chuyenvien!, 'GET', '/api/notifications');
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('committees.meeting_noticed');
    // A draft-only change is refused now.
    const late = await call(c.thuky!, 'PATCH', `/api/meetings/${meetingId}`, { title: 'Đổi tên' });
    expect(late.body.error.key).toBe('committees.meeting_not_draft');
  });

  it('takes replies and check-ins, and refuses to open without quorum, naming the numbers', async () => {
    const chairWs = await openChannel(t.app, c.chutich!);
    const rsvp = await call(c.chuyenvien!, 'POST', `/api/meetings/${meetingId}/rsvp`, {
      response: 'attending',
    });
    expect(rsvp.status).toBe(200);
    expect(rsvp.body.attendance.find((a: Msg) => a.memberId === members.chuyenvien)).toMatchObject({
      response: 'attending',
      present: false,
    });
    expect(
      await until(() =>
        chairWs.seen.some((m) => m.type === 'committees.meeting' && m.meetingId === meetingId),
      ),
    ).toBe(true);
    chairWs.ws.terminate();

    const self = await call(c.chutich!, 'POST', `/api/meetings/${meetingId}/check-in`, {});
    expect(self.body.attendance[0]).toMatchObject({
      present: true,
      checkedInBy: 'self',
      response: 'attending',
    });
    expect(self.body.quorumNow).toMatchObject({ present: 1, required: 3, met: false });
    // Members check in only themselves; the secretary checks anyone in.
    const other = await call(c.chuyenvien!, 'POST', `/api/meetings/${meetingId}/check-in`, {
      memberId: members.chutich,
    });
    expect(other.status).toBe(403);

    const refused = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/open`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      key: 'committees.no_quorum',
      details: { present: 1, required: 3 },
    });
    expect(refused.body.error.message).toContain('1');
    expect(refused.body.error.message).toContain('3');
    const vi = await t.app.inject({
      method: 'POST',
      url: `/api/meetings/${meetingId}/open`,
      headers: { cookie: c.thuky!, 'accept-language': 'vi' },
    });
    expect(vi.json().error.message).toMatch(/Chưa đủ/);

    const bySecretary = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/check-in`, {
      memberId: members.chuyenvien,
    });
    expect(bySecretary.body.attendance.find((a: Msg) => a.memberId === members.chuyenvien)).toMatchObject({
      present: true,
      checkedInBy: 'secretary',
    });
    // The external member must sign the pledge before seeing the meeting at all.
    const gated = await call(c.chuyengia!, 'GET', `/api/meetings/${meetingId}`);
    expect([gated.status, gated.body.error.key]).toEqual([403, 'committees.pledge_required']);
    expect((await call(c.chuyengia!, 'POST', '/api/me/pledge')).status).toBe(200);
    const external = await call(c.chuyengia!, 'POST', `/api/meetings/${meetingId}/check-in`, {});
    expect(external.body.quorumNow).toMatchObject({ present: 3, required: 3, met: true });
    expect(external.body.me).toMatchObject({ memberId: members.chuyengia, role: 'member', canManage: false });

    // Check-out and in again by the secretary moves the quorum both ways.
    const out = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/check-in`, {
      memberId: members.chuyengia,
      present: false,
    });
    expect(out.body.quorumNow.present).toBe(2);
    await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/check-in`, { memberId: members.chuyengia });

    const opened = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      status: 'open',
      quorumAtOpen: { rule: 'majority_of_members', members: 4, present: 3, required: 3, met: true },
    });
    expect((await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/open`)).body.error.key).toBe(
      'committees.meeting_not_noticed',
    );
  });

  it('records conflicts of interest, which take the member out of the item and lock once a poll opens', async () => {
    const notMember = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/items/${items[0]}/conflict`, {
      reason: 'x',
    });
    expect([notMember.status, notMember.body.error.key]).toEqual([403, 'committees.not_member']);
    const declared = await call(
      c.chanhvanphong!,
      'POST',
      `/api/meetings/${meetingId}/items/${items[0]}/conflict`,
      {
        reason: 'Vợ là đồng tác giả sáng kiến',
      },
    );
    expect(declared.status).toBe(200);
    expect(declared.body.items[0]).toMatchObject({
      recused: [
        { memberId: members.chanhvanphong, name: 'Bùi Quang Huy', reason: 'Vợ là đồng tác giả sáng kiến' },
      ],
      myConflict: 'Vợ là đồng tác giả sáng kiến',
    });
    expect(declared.body.items[1].recused).toEqual([]);
    const withdrawn = await call(
      c.chanhvanphong!,
      'DELETE',
      `/api/meetings/${meetingId}/items/${items[0]}/conflict`,
    );
    expect(withdrawn.body.items[0].recused).toEqual([]);
    await call(c.chanhvanphong!, 'POST', `/api/meetings/${meetingId}/items/${items[0]}/conflict`, {
      reason: 'Người thân',
    });

    const poll = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/items/${items[0]}/polls`, {});
    expect(poll.status).toBe(201);
    // Three voting members remain on the item (the recused one left its quorum), all three present.
    expect(poll.body.quorum).toMatchObject({ members: 3, present: 3, met: true });
    const locked = await call(
      c.chanhvanphong!,
      'DELETE',
      `/api/meetings/${meetingId}/items/${items[0]}/conflict`,
    );
    expect([locked.status, locked.body.error.key]).toEqual([409, 'committees.conflict_locked']);
    const seen = await call(c.chuyenvien!, 'GET', `/api/meetings/${meetingId}`);
    expect(seen.body.items[0].polls).toHaveLength(1);
    expect(seen.body.items[0].polls[0]).toMatchObject({ status: 'open', canVote: true });
  });

  it('closes the meeting: open polls are counted, minutes drafted, attendance frozen', async () => {
    expect((await call(c.chuyenvien!, 'POST', `/api/meetings/${meetingId}/close`)).status).toBe(403);
    const closed = await call(c.thuky!, 'POST', `/api/meetings/${meetingId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.items[0].polls[0]).toMatchObject({ status: 'closed' });
    expect(closed.body.items[0].polls[0].outcome).not.toBeNull();
    expect(closed.body.minutes).toMatchObject({ status: 'draft' });
    const late = await call(c.chutich!, 'POST', `/api/meetings/${meetingId}/check-in`, { present: false });
    expect(late.body.error.key).toBe('committees.attendance_closed');
    const conflict = await call(
      c.chuyenvien!,
      'POST',
      `/api/meetings/${meetingId}/items/${items[1]}/conflict`,
      { reason: 'x' },
    );
    expect(conflict.body.error.key).toBe('committees.meeting_closed');
    const audit = await selectRows<{ action: string }>(
      t.db.database.db,
      sql`select action from audit_log where entity_id = ${meetingId} order by id`,
    );
    const actions = audit.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'committees.meeting_created',
        'committees.meeting_noticed',
        'committees.rsvp',
        'committees.checked_in',
        'committees.checked_out',
        'committees.meeting_opened',
        'committees.conflict_declared',
        'committees.conflict_withdrawn',
        'committees.meeting_closed',
      ]),
    );
  });

  it('offers written deliberation only where the rules allow it, with ground and deadline', async () => {
    const missing = await call(c.thuky!, 'POST', `/api/committees/${committeeId}/meetings`, {
      title: 'Lấy ý kiến',
      mode: 'written',
      startsAt: new Date().toISOString(),
    });
    expect(missing.body.error.key).toBe('committees.written_ground_required');
    const noDeadline = await call(c.thuky!, 'POST', `/api/committees/${committeeId}/meetings`, {
      title: 'Lấy ý kiến',
      mode: 'written',
      startsAt: new Date().toISOString(),
      writtenGround: 'Cấp bách',
    });
    expect(noDeadline.body.error.key).toBe('committees.deadline_required');
    const written = await call(c.thuky!, 'POST', `/api/committees/${committeeId}/meetings`, {
      title: 'Lấy ý kiến',
      mode: 'written',
      startsAt: new Date().toISOString(),
      writtenGround: 'Cấp bách',
      deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(written.status).toBe(201);
    expect(written.body.videoRoomUrl).toBeNull();
    await call(c.thuky!, 'POST', `/api/meetings/${written.body.id}/items`, {
      kind: 'resolution',
      title: 'Điều chỉnh',
    });
    const noticed = await call(c.thuky!, 'POST', `/api/meetings/${written.body.id}/notice`);
    // A written deliberation opens at its notice, a poll on each item, no check-in.
    expect(noticed.body.status).toBe('open');
    expect(noticed.body.items[0].polls).toHaveLength(1);
    const checkIn = await call(c.chutich!, 'POST', `/api/meetings/${written.body.id}/check-in`, {});
    expect(checkIn.body.error.key).toBe('committees.written_no_attendance');

    await call(c.thuky!, 'PATCH', `/api/committees/${committeeId}`, {
      rules: { ...rules, writtenAllowed: false, writtenGrounds: null },
    });
    const refused = await call(c.thuky!, 'POST', `/api/committees/${committeeId}/meetings`, {
      title: 'Lấy ý kiến',
      mode: 'written',
      startsAt: new Date().toISOString(),
      writtenGround: 'Cấp bách',
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect([refused.status, refused.body.error.key]).toEqual([409, 'committees.written_not_allowed']);
  });
});
