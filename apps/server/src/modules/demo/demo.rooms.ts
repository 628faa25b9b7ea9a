import type { Actor, Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { bookResource } from '../rooms/use-cases/book.ts';
import { createResource } from '../rooms/use-cases/resources.ts';

// Rooms and seats of the demo: the province's video-conference room and smart-work seats, the Korean district
// office's 화상회의실 and 스마트워크센터 seats, and a few bookings for tomorrow (local time) to see in the day view.

type People = Map<string, { id: string; name: string }>;

const staff = (people: People, username: string): Actor => ({
  userId: people.get(username)!.id,
  username,
  displayName: people.get(username)!.name,
  kind: 'staff',
  isPlatformAdmin: false,
  sessionId: null,
});

/** `hour` o'clock tomorrow in a zone `offset` hours ahead of UTC (Vietnam +7, Korea +9, no summer time). */
function tomorrowAt(now: Date, offset: number, hour: number): Date {
  const local = new Date(now.getTime() + offset * 3600_000);
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, 0, 0) +
      (hour - offset) * 3600_000,
  );
}

const resources = {
  'UBND-LS': [
    {
      kind: 'vc_room' as const,
      name: 'Phòng họp trực tuyến tầng 3',
      location: 'Tầng 3, trụ sở UBND tỉnh',
      capacity: 40,
      equipment: 'Màn hình LED 98", 2 camera PTZ, micro hội nghị, điểm cầu truyền hình trực tuyến',
    },
    ...[1, 2, 3].map((n) => ({
      kind: 'smart_seat' as const,
      name: `Trung tâm làm việc thông minh – chỗ ngồi 0${n}`,
      location: 'Tầng 1, Trung tâm Phục vụ hành chính công tỉnh',
      capacity: 1,
      equipment: 'Màn hình 27", bàn phím, webcam, mạng nội bộ',
    })),
  ],
  'HANBIT-GU': [
    {
      kind: 'vc_room' as const,
      name: '화상회의실',
      location: '본관 5층',
      capacity: 24,
      equipment: '85인치 디스플레이, PTZ 카메라, 회의용 마이크, 영상회의 단말',
    },
    ...['A-01', 'A-02', 'B-01'].map((seat) => ({
      kind: 'smart_seat' as const,
      name: `스마트워크센터 좌석 ${seat}`,
      location: '별관 2층 스마트워크센터',
      capacity: 1,
      equipment: '듀얼 모니터, 화상회의 헤드셋, 행정망 접속',
    })),
  ],
};

export async function seedDemoRooms(
  ctx: Ctx,
  admin: Actor,
  ids: { agencies: Map<string, string>; people: People },
) {
  const made = new Map<string, string>();
  for (const [code, list] of Object.entries(resources))
    for (const r of list) {
      const created = await createResource({ ...ctx, actor: admin }, admin, {
        ...r,
        agencyId: ids.agencies.get(code)!,
      });
      made.set(r.name, created.id);
    }
  const bookings = [
    {
      who: 'chuyenvien',
      room: 'Phòng họp trực tuyến tầng 3',
      offset: 7,
      from: 9,
      to: 10.5,
      title: 'Họp trực tuyến với các xã về chuyển đổi số',
    },
    {
      who: 'truongphong.vx',
      room: 'Phòng họp trực tuyến tầng 3',
      offset: 7,
      from: 14,
      to: 16,
      title: 'Giao ban Phòng Văn hóa - Xã hội',
    },
    {
      who: 'chuyenvien.kt',
      room: 'Trung tâm làm việc thông minh – chỗ ngồi 01',
      offset: 7,
      from: 8,
      to: 12,
      title: 'Làm việc tại trung tâm',
    },
    { who: 'gwajang', room: '화상회의실', offset: 9, from: 10, to: 11, title: '주간 업무 화상회의' },
    {
      who: 'jumugwan',
      room: '스마트워크센터 좌석 A-01',
      offset: 9,
      from: 9,
      to: 18,
      title: '스마트워크 근무',
    },
  ];
  for (const b of bookings) {
    const actor = staff(ids.people, b.who);
    await inTransaction({ ...ctx, actor }, (tx) =>
      bookResource(tx, {
        resourceId: made.get(b.room)!,
        title: b.title,
        startsAt: tomorrowAt(ctx.now, b.offset, b.from),
        endsAt: tomorrowAt(ctx.now, b.offset, b.to),
      }),
    );
  }
}
