import type { Actor, Ctx } from '../../platform/http/context.ts';
import { createMeeting } from '../meetings/meetings.service.ts';

// Video meetings of the demo: the province's weekly briefing, open from now for two hours so the demo can join it
// at once (from two browsers: chutich hosts, chuyenvien and the VX unit are invited), and the Korean district's
// expanded executive meeting tomorrow morning with the whole office invited.

type People = Map<string, { id: string; name: string }>;

const staff = (people: People, username: string): Actor => ({
  userId: people.get(username)!.id,
  username,
  displayName: people.get(username)!.name,
  kind: 'staff',
  isPlatformAdmin: false,
  sessionId: null,
});

export async function seedDemoMeetings(
  ctx: Ctx,
  d: { agencies: Map<string, string>; units: Map<string, string>; people: People },
) {
  const now = ctx.now.getTime();
  const host = staff(d.people, 'chutich');
  await createMeeting({ ...ctx, actor: host }, host, {
    agencyId: d.agencies.get('UBND-LS')!,
    title: 'Họp giao ban trực tuyến đầu tuần',
    description:
      'Điểm lại công việc tuần trước, giao nhiệm vụ tuần này. Phòng Văn hóa - Xã hội báo cáo tiến độ.',
    startsAt: new Date(now - 5 * 60_000).toISOString(),
    endsAt: new Date(now + 2 * 3600_000).toISOString(),
    lobby: true,
    invitees: [
      { kind: 'user', id: d.people.get('chuyenvien')!.id },
      { kind: 'unit', id: d.units.get('UBND-LS:VX')! },
      { kind: 'user', id: d.people.get('chanhvanphong')!.id },
    ],
  });
  const mayor = staff(d.people, 'guchung');
  const tomorrow9 = new Date(Math.ceil(now / 86_400_000) * 86_400_000); // 09:00 in Korea is 00:00 UTC
  await createMeeting({ ...ctx, actor: mayor }, mayor, {
    agencyId: d.agencies.get('HANBIT-GU')!,
    title: '확대간부회의',
    description: '국·과장 전원 참석, 전 직원 생중계.',
    startsAt: tomorrow9.toISOString(),
    endsAt: new Date(tomorrow9.getTime() + 90 * 60_000).toISOString(),
    lobby: false,
    invitees: [{ kind: 'agency', id: d.agencies.get('HANBIT-GU')! }],
  });
}
