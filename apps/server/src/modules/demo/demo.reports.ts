import type { Actor, Ctx } from '../../platform/http/context.ts';
import { saveReport } from '../reports/use-cases/submissions.ts';
import { createTemplate, ensurePeriods } from '../reports/use-cases/templates.ts';

// The province's monthly digital-transformation report to its communes: Tân Phú and Hòa An have submitted last
// month's (and the month before), Phú Lộc has not (overdue after the 5th).

type People = Map<string, { id: string; name: string }>;

const staff = (people: People, username: string): Actor => ({
  userId: people.get(username)!.id,
  username,
  displayName: people.get(username)!.name,
  kind: 'staff',
  isPlatformAdmin: false,
  sessionId: null,
});

const texts = {
  tanPhu: [
    {
      highlights:
        'Xã đã tiếp nhận 412 hồ sơ trực tuyến, tăng 12% so với tháng trước. Bộ phận một cửa được trang bị thêm hai máy quét tài liệu để số hóa hồ sơ. Tỷ lệ văn bản điện tử phát hành có ký số đạt 91,5%. Đoàn thanh niên hỗ trợ người dân cài đặt ứng dụng dịch vụ công trên điện thoại.',
      obstacles:
        'Một số cán bộ lớn tuổi còn lúng túng khi ký số trên điện thoại. Đường truyền internet tại trụ sở thỉnh thoảng bị gián đoạn vào giờ cao điểm. Kinh phí thay thế máy tính cũ chưa được bố trí.',
    },
    {
      highlights:
        'Xã đã tiếp nhận 368 hồ sơ trực tuyến trong tháng. Tỷ lệ văn bản điện tử có ký số đạt 89%. Xã tổ chức tập huấn ký số cho cán bộ các thôn.',
      obstacles:
        'Đường truyền internet tại trụ sở còn chậm. Người dân vùng xa chưa quen nộp hồ sơ trực tuyến.',
    },
  ],
  hoaAn: [
    {
      highlights:
        'Hồ sơ trực tuyến tiếp nhận đạt 287 hồ sơ, tăng so với tháng trước. Tỷ lệ ký số văn bản điện tử đạt 88%. Xã hoàn thành số hóa sổ hộ tịch giai đoạn 2015–2020. Tổ công nghệ số cộng đồng đã hướng dẫn 150 hộ gia đình sử dụng dịch vụ công trực tuyến.',
      obstacles:
        'Đường truyền internet tại thôn Đồng Bãi còn chập chờn, ảnh hưởng đến việc tiếp nhận hồ sơ. Thiếu cán bộ chuyên trách công nghệ thông tin. Một số hồ sơ giấy cũ bị hư hỏng, khó số hóa.',
    },
    {
      highlights: 'Hồ sơ trực tuyến tiếp nhận đạt 251 hồ sơ. Tỷ lệ ký số văn bản điện tử đạt 85%.',
      obstacles: 'Thiếu cán bộ chuyên trách công nghệ thông tin. Máy scan của bộ phận một cửa bị hỏng.',
    },
  ],
};

export async function seedDemoReports(ctx: Ctx, ids: { agencies: Map<string, string>; people: People }) {
  const now = ctx.now;
  const twoMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))
    .toISOString()
    .slice(0, 10);
  const chair = staff(ids.people, 'chutich');
  const t = await createTemplate({ ...ctx, actor: chair }, chair, {
    agencyId: ids.agencies.get('UBND-LS')!,
    title: 'Báo cáo tình hình chuyển đổi số',
    frequency: 'monthly',
    dueDay: 5,
    audience: 'children',
    startsOn: twoMonthsAgo,
    fields: [
      {
        key: 'online_applications',
        label: 'Hồ sơ trực tuyến tiếp nhận',
        kind: 'number',
        unit: 'hồ sơ',
        required: true,
      },
      {
        key: 'e_documents',
        label: 'Văn bản điện tử phát hành',
        kind: 'number',
        unit: 'văn bản',
        required: true,
      },
      { key: 'signed_rate', label: 'Tỷ lệ ký số', kind: 'number', unit: '%', required: true },
      { key: 'highlights', label: 'Kết quả nổi bật', kind: 'text', required: true },
      { key: 'obstacles', label: 'Khó khăn, vướng mắc', kind: 'text', required: false },
    ],
  });
  // Newest first: [current month, last month, the month before].
  const periods = await ensurePeriods(ctx, t.id);
  const submissions = [
    {
      clerk: 'vanthu.tanphu',
      agency: 'UBND-TP',
      text: texts.tanPhu,
      numbers: [
        [412, 96, 91.5],
        [368, 84, 89],
      ],
    },
    {
      clerk: 'chutich.hoaan',
      agency: 'UBND-HA',
      text: texts.hoaAn,
      numbers: [
        [287, 71, 88],
        [251, 66, 85],
      ],
    },
  ];
  for (const s of submissions) {
    const actor = staff(ids.people, s.clerk);
    for (const i of [1, 0]) {
      const period = periods[i + 1];
      if (!period) continue;
      const [apps, docs, rate] = s.numbers[i]!;
      await saveReport({ ...ctx, actor }, actor, period.id, {
        agencyId: ids.agencies.get(s.agency)!,
        submit: true,
        values: {
          online_applications: apps!,
          e_documents: docs!,
          signed_rate: rate!,
          highlights: s.text[i]!.highlights,
          obstacles: s.text[i]!.obstacles,
        },
      });
    }
  }
  return t.id;
}
