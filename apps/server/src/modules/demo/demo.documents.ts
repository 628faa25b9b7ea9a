import type { Config } from '../../config.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { act } from '../approvals/use-cases/act.ts';
import { submit } from '../approvals/use-cases/submit.ts';
import { issueDocument } from '../dispatch/use-cases/issue.ts';
import { listDeliveriesOfDocument } from '../dispatch/use-cases/lists.ts';
import { assign, distribute, receive } from '../dispatch/use-cases/receive.ts';
import { createDocument } from '../documents/use-cases/draft.ts';
import { createTemplate } from '../documents/use-cases/templates.ts';

// Demo documents in every state, made through the same services people use: a commune's letter received and
// assigned at the province, a directive to the communes, a draft, documents waiting for approval (VN and KR).

type People = Map<string, { id: string; name: string }>;
type Ids = { agencies: Map<string, string>; units: Map<string, string>; people: People };

const actorOf = (people: People, username: string): Actor => {
  const p = people.get(username)!;
  return {
    userId: p.id,
    username,
    displayName: p.name,
    kind: 'staff',
    isPlatformAdmin: false,
    sessionId: null,
    // The seed signs as these people: it stands in for their step-up re-authentication.
    reauthAt: new Date(),
  };
};

const body = (...paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');

export async function seedDemoDocuments(ctx: Ctx, config: Config, admin: Actor, ids: Ids) {
  const as = (u: string) => actorOf(ids.people, u);
  const agency = (code: string) => ids.agencies.get(code)!;
  const user = (u: string) => ids.people.get(u)!.id;

  // 0. Agency templates to start drafting from.
  await createTemplate(ctx, as('vanthu'), agency('UBND-LS'), {
    typeCode: 'CV',
    name: 'Công văn trả lời',
    bodyHtml: body(
      'Ủy ban nhân dân tỉnh nhận được Văn bản số …/… ngày … của …, về việc …',
      'Sau khi xem xét, Ủy ban nhân dân tỉnh có ý kiến như sau:',
      '1. …',
      '2. …',
    ),
  });
  await createTemplate(ctx, as('vanthu'), agency('UBND-LS'), {
    typeCode: 'GM',
    name: 'Giấy mời họp',
    bodyHtml: body(
      'Ủy ban nhân dân tỉnh trân trọng kính mời: …',
      'Tới dự: …',
      'Thời gian: … giờ …, ngày …',
      'Địa điểm: … (kết hợp trực tuyến tới các điểm cầu cấp xã)',
    ),
  });
  await createTemplate(ctx, as('munseo'), agency('HANBIT-GU'), {
    typeCode: 'GIAN',
    name: '기안문 기본 서식',
    bodyHtml: body('1. 관련: …', '2. …와 관련하여 다음과 같이 보고(시행)합니다.', '가. …', '나. …'),
  });

  // 1. Tân Phú reports to the province; the province receives, distributes to VX and assigns a handler.
  const report = await createDocument(ctx, as('canbo.tanphu'), {
    agencyId: agency('UBND-TP'),
    typeCode: 'CV',
    subject: 'V/v báo cáo kết quả triển khai văn phòng điện tử quý III',
    bodyHtml: body(
      'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về chuyển đổi số, Ủy ban nhân dân xã Tân Phú báo cáo như sau:',
      'Trong quý III, xã đã tiếp nhận 1.254 văn bản đến và phát hành 412 văn bản đi trên hệ thống; 91% văn bản đi được ký số.',
      'Đề nghị Ủy ban nhân dân tỉnh hỗ trợ thêm 02 chứng thư số cho công chức văn phòng.',
    ),
    urgency: 'normal',
    confidentiality: 'normal',
    disclosure: 'public',
    retention: '10y',
    recipients: [{ kind: 'agency', agencyId: agency('UBND-LS'), main: true }],
    isDirective: false,
  });
  await submit(ctx, as('canbo.tanphu'), report.id, [
    { kind: 'approval', assigneeId: user('chutich.tanphu') },
  ]);
  await act(ctx, config, as('chutich.tanphu'), report.id, { action: 'approve', opinion: 'Đồng ý phát hành' });
  await issueDocument(ctx, config, as('vanthu.tanphu'), report.id);
  const copy = (await listDeliveriesOfDocument(ctx, admin, report.id))[0]!.id;
  await receive(ctx, as('vanthu'), copy);
  await distribute(ctx, as('vanthu'), copy, ids.units.get('UBND-LS:VX')!);
  const deadline = new Date(ctx.now.getTime() + 5 * 86400_000).toISOString();
  await assign(ctx, as('truongphong.vx'), copy, {
    leadId: user('chuyenvien'),
    coIds: [user('chuyenvien.kt')],
    deadline,
    instruction: 'Tổng hợp, đề xuất hỗ trợ chứng thư số',
  });

  // 2. A directive from the province to the three communes, with a task and deadline each.
  const due = new Date(ctx.now.getTime() + 14 * 86400_000).toISOString();
  const directive = await createDocument(ctx, as('chuyenvien'), {
    agencyId: agency('UBND-LS'),
    typeCode: 'CT',
    subject: 'Chỉ thị về đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính cấp xã',
    bodyHtml: body(
      'Yêu cầu Ủy ban nhân dân các xã hoàn thành số hóa hồ sơ thủ tục hành chính còn hiệu lực và báo cáo kết quả về Ủy ban nhân dân tỉnh.',
    ),
    urgency: 'khan',
    confidentiality: 'normal',
    disclosure: 'public',
    retention: '10y',
    isDirective: true,
    recipients: ['UBND-TP', 'UBND-HA', 'UBND-PL'].map((code) => ({
      kind: 'agency' as const,
      agencyId: agency(code),
      main: true,
      task: 'Số hóa 100% hồ sơ còn hiệu lực; báo cáo kết quả',
      taskDeadline: due,
    })),
  });
  await submit(ctx, as('chuyenvien'), directive.id, [{ kind: 'approval', assigneeId: user('chutich') }]);
  await act(ctx, config, as('phochutich'), directive.id, { action: 'approve' });
  await issueDocument(ctx, config, as('vanthu'), directive.id);

  // 3. A draft, and documents waiting for approval in both country profiles.
  await createDocument(ctx, as('chuyenvien'), {
    agencyId: agency('UBND-LS'),
    typeCode: 'KH',
    subject: 'Kế hoạch tổ chức hội nghị trực tuyến tổng kết công tác năm',
    bodyHtml: body('Dự thảo kế hoạch tổ chức hội nghị trực tuyến với 204 điểm cầu.'),
    urgency: 'normal',
    confidentiality: 'normal',
    disclosure: 'public',
    retention: '5y',
    recipients: [],
    isDirective: false,
  });
  const plan = await createDocument(ctx, as('chuyenvien.kt'), {
    agencyId: agency('UBND-LS'),
    typeCode: 'TTr',
    subject: 'Tờ trình về việc cấp bổ sung chứng thư số cho công chức cấp xã',
    bodyHtml: body('Phòng Kinh tế kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, phê duyệt.'),
    urgency: 'normal',
    confidentiality: 'normal',
    disclosure: 'public',
    retention: '10y',
    recipients: [],
    isDirective: false,
  });
  await submit(ctx, as('chuyenvien.kt'), plan.id, [
    { kind: 'review', assigneeId: user('chanhvanphong') },
    { kind: 'approval', assigneeId: user('chutich') },
  ]);
  const korean = await createDocument(ctx, as('jumugwan'), {
    agencyId: agency('HANBIT-GU'),
    typeCode: 'GIAN',
    subject: '2026년 정보보안 점검 결과 보고',
    bodyHtml: body(
      '1. 관련: 정보보안 기본지침',
      '2. 2026년 하반기 정보보안 점검 결과를 붙임과 같이 보고합니다.',
    ),
    urgency: 'normal',
    confidentiality: 'normal',
    disclosure: 'public',
    retention: '5y',
    recipients: [],
    isDirective: false,
  });
  await submit(ctx, as('jumugwan'), korean.id, [{ kind: 'approval', assigneeId: user('gwajang') }]);
}
