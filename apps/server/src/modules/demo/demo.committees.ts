import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Config } from '../../config.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { addItem, addMaterial } from '../committees/use-cases/agenda.ts';
import { createCommittee } from '../committees/use-cases/committees.ts';
import { createMeeting, noticeMeeting } from '../committees/use-cases/meetings.ts';
import { addMember } from '../committees/use-cases/members.ts';
import { signPledge } from '../committees/use-cases/pledge.ts';

// Two demo committees made through the same services a secretary uses: the province's public-investment
// appraisal council (a noticed online meeting next week and a written deliberation in progress) and the
// district's urban planning committee (a noticed in-person meeting). The external experts have signed the pledge.

type People = Map<string, { id: string; name: string }>;

const day = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A one-page PDF to stand in for a dossier (standard font: ASCII only, no font embedding, fast). */
async function samplePdf(title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(title, { x: 60, y: 760, size: 16, font });
  page.drawText('Summary of the investment proposal, total budget and sources of funds.', {
    x: 60,
    y: 730,
    size: 11,
    font,
  });
  return doc.save();
}

export async function seedDemoCommittees(
  ctx: Ctx,
  config: Config,
  admin: Actor,
  ids: { agencies: Map<string, string>; people: People },
) {
  const user = (u: string) => ids.people.get(u)!.id;
  const external = (u: string): Actor => ({
    userId: user(u),
    username: u,
    displayName: ids.people.get(u)!.name,
    kind: 'external',
    isPlatformAdmin: false,
    sessionId: null,
  });
  const termStart = isoDate(new Date(ctx.now.getTime() - 200 * day));
  const termEnd = (years: number) => `${Number(termStart.slice(0, 4)) + years}${termStart.slice(4)}`;
  const seat = (
    u: string,
    role: 'chair' | 'vice_chair' | 'member' | 'secretary',
    appointed = false,
    years = 2,
  ) => ({
    userId: user(u),
    role,
    type: appointed ? ('appointed' as const) : ('ex_officio' as const),
    termStart,
    termEnd: termEnd(appointed ? years : 5),
    succession: role === 'vice_chair' ? 1 : null,
  });
  const nextWeek = new Date(ctx.now.getTime() + 7 * day);
  nextWeek.setUTCHours(2, 0, 0, 0); // 09:00 in Vietnam and 11:00 in Korea

  // UBND tỉnh Lâm Sơn: Hội đồng thẩm định dự án đầu tư công.
  const ls = await createCommittee(ctx, admin, {
    agencyId: ids.agencies.get('UBND-LS')!,
    name: 'Hội đồng thẩm định dự án đầu tư công tỉnh Lâm Sơn',
    legalBasis: 'Luật Đầu tư công số 58/2024/QH15; Quyết định số 125/QĐ-UBND của UBND tỉnh Lâm Sơn',
    function: 'deliberative',
    rules: {
      quorum: 'majority_of_members',
      threshold: 'majority_of_present',
      chairVotes: true,
      tie: 'fails',
      writtenAllowed: true,
      writtenGrounds: 'Vấn đề cấp bách hoặc đơn giản',
    },
    termYears: 5,
    maxTerms: 2,
    concurrencyLimit: 3,
    rates: { attendance: 500_000, review: 300_000, travel: 200_000 },
  });
  for (const s of [
    seat('phochutich', 'chair'),
    seat('truongphong.vx', 'vice_chair'),
    seat('chuyenvien.kt', 'member'),
    seat('chuyengia', 'member', true, 5),
    seat('thuky', 'secretary'),
  ])
    await addMember(ctx, admin, ls, s);
  await signPledge({ ...ctx, locale: 'vi', actor: external('chuyengia') }, external('chuyengia'));

  const online = await createMeeting(ctx, config, admin, ls, {
    title: 'Phiên họp thẩm định quý III',
    mode: 'online',
    startsAt: nextWeek.toISOString(),
    location: null,
    deadline: null,
    writtenGround: null,
  });
  const first = await addItem(ctx, admin, online, {
    kind: 'resolution',
    title: 'Thẩm định chủ trương đầu tư dự án đường liên xã Tân Phú – Hòa An',
    description: 'Tổng mức đầu tư dự kiến 120 tỷ đồng từ ngân sách tỉnh giai đoạn 2026–2030.',
    closed: false,
    secret: false,
  });
  await addItem(ctx, admin, online, {
    kind: 'resolution',
    title: 'Bầu Phó Chủ tịch thường trực Hội đồng',
    description: 'Biểu quyết kín theo Quy chế hoạt động của Hội đồng.',
    closed: true,
    secret: true,
  });
  await addItem(ctx, admin, online, {
    kind: 'report',
    title: 'Báo cáo tình hình giải ngân vốn đầu tư công 6 tháng đầu năm',
    description: '',
    closed: false,
    secret: false,
  });
  await addMaterial(ctx, config, admin, online, first, {
    name: 'ho-so-du-an-duong-lien-xa.pdf',
    bytes: await samplePdf('Investment dossier: inter-commune road Tan Phu - Hoa An'),
  });
  await noticeMeeting(ctx, config, null, admin, online);

  const written = await createMeeting(ctx, config, admin, ls, {
    title: 'Lấy ý kiến bằng văn bản: điều chỉnh kế hoạch vốn năm',
    mode: 'written',
    startsAt: ctx.now.toISOString(),
    location: null,
    deadline: new Date(ctx.now.getTime() + 4 * day).toISOString(),
    writtenGround: 'Vấn đề cấp bách: hạn điều chỉnh kế hoạch vốn theo hướng dẫn của Bộ Tài chính',
  });
  await addItem(ctx, admin, written, {
    kind: 'resolution',
    title: 'Điều chuyển 8 tỷ đồng từ dự án chậm giải ngân sang dự án trường học xã Phú Lộc',
    description: 'Đề nghị các thành viên cho ý kiến đồng ý hoặc không đồng ý, nêu rõ lý do.',
    closed: false,
    secret: false,
  });
  await noticeMeeting(ctx, config, null, admin, written);

  // 한빛구청: 도시계획위원회.
  const hb = await createCommittee(ctx, admin, {
    agencyId: ids.agencies.get('HANBIT-GU')!,
    name: '한빛구 도시계획위원회',
    legalBasis: '「국토의 계획 및 이용에 관한 법률」 제113조, 「한빛구 도시계획 조례」',
    function: 'deliberative',
    rules: {
      quorum: 'majority_of_members',
      threshold: 'majority_of_present',
      chairVotes: true,
      tie: 'fails',
      writtenAllowed: true,
      writtenGrounds: '긴급하거나 경미한 사안',
    },
    termYears: 2,
    maxTerms: 2,
    concurrencyLimit: 3,
    rates: { attendance: 150_000, review: 100_000, travel: 50_000 },
  });
  for (const s of [
    seat('gwajang', 'chair'),
    seat('jumugwan', 'member'),
    seat('oebu', 'member', true, 2),
    seat('ganssa', 'secretary'),
  ])
    await addMember(ctx, admin, hb, s);
  await signPledge({ ...ctx, locale: 'ko', actor: external('oebu') }, external('oebu'));
  const hbMeeting = await createMeeting(ctx, config, admin, hb, {
    title: '제3차 도시계획위원회',
    mode: 'in_person',
    startsAt: new Date(nextWeek.getTime() + day).toISOString(),
    location: '한빛구청 3층 대회의실',
    deadline: null,
    writtenGround: null,
  });
  await addItem(ctx, admin, hbMeeting, {
    kind: 'deliberation',
    title: '중앙로 지구단위계획 변경(안) 심의',
    description: '건축물 높이 제한 완화 및 공공보행통로 지정.',
    closed: false,
    secret: false,
  });
  await addItem(ctx, admin, hbMeeting, {
    kind: 'report',
    title: '도시계획시설 장기미집행 현황 보고',
    description: '',
    closed: false,
    secret: false,
  });
  await noticeMeeting(ctx, config, null, admin, hbMeeting);
}
