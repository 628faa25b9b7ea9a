import type { FormDefinition } from '@civicdesk/contracts/services';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Actor, Ctx } from '../../platform/http/context.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { approve } from '../services/use-cases/approve.ts';
import { addHoliday, createProcedure } from '../services/use-cases/catalogue.ts';
import { registerCitizen } from '../services/use-cases/portal-accounts.ts';
import { assign, requestInfo } from '../services/use-cases/processing.ts';
import { grantConsent, lookup } from '../services/use-cases/registry.ts';
import { createSubmission } from '../services/use-cases/submit.ts';
import { demoPassword } from './demo.data.ts';

// Public services in the demo: three procedures (two Vietnamese at the province, one Korean at Hanbit-gu), the
// 2026 holiday calendars, the citizen `congdan` and submissions in each state a clerk meets in a day.

type People = Map<string, { id: string; name: string }>;

const vnHolidays: [string, string][] = [
  ['2026-01-01', 'Tết Dương lịch'],
  ...['16', '17', '18', '19', '20'].map((d): [string, string] => [`2026-02-${d}`, 'Tết Nguyên đán']),
  ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
  ['2026-04-30', 'Ngày Giải phóng miền Nam'],
  ['2026-05-01', 'Quốc tế Lao động'],
  ['2026-09-01', 'Quốc khánh'],
  ['2026-09-02', 'Quốc khánh'],
];
const krHolidays: [string, string][] = [
  ['2026-01-01', '신정'],
  ['2026-02-16', '설날 연휴'],
  ['2026-02-17', '설날'],
  ['2026-02-18', '설날 연휴'],
  ['2026-03-02', '삼일절 대체공휴일'],
  ['2026-05-05', '어린이날'],
  ['2026-05-25', '부처님오신날 대체공휴일'],
  ['2026-06-03', '지방선거일'],
  ['2026-08-17', '광복절 대체공휴일'],
  ['2026-09-24', '추석 연휴'],
  ['2026-09-25', '추석'],
  ['2026-10-05', '개천절 대체공휴일'],
  ['2026-10-09', '한글날'],
  ['2026-12-25', '성탄절'],
];

const permitForm: FormDefinition = {
  fields: [
    {
      key: 'citizenId',
      type: 'text',
      label: { vi: 'Số CCCD', ko: '식별번호', en: 'Citizen ID number' },
      required: true,
    },
    {
      key: 'site',
      type: 'address',
      label: { vi: 'Địa điểm xây dựng', ko: '대지 위치', en: 'Building site' },
      required: true,
    },
    { key: 'floors', type: 'number', label: { vi: 'Số tầng', ko: '층수', en: 'Floors' }, required: true },
    {
      key: 'area',
      type: 'number',
      label: { vi: 'Diện tích sàn (m²)', ko: '연면적(m²)', en: 'Floor area (m²)' },
      required: true,
    },
    {
      key: 'kind',
      type: 'choice',
      label: { vi: 'Loại công trình', ko: '공사 종류', en: 'Kind of work' },
      required: true,
      options: [
        { value: 'new', label: { vi: 'Xây dựng mới', ko: '신축', en: 'New building' } },
        { value: 'repair', label: { vi: 'Sửa chữa, cải tạo', ko: '개축', en: 'Renovation' } },
      ],
    },
    {
      key: 'drawing',
      type: 'file',
      label: { vi: 'Bản vẽ thiết kế', ko: '설계도서', en: 'Design drawings' },
      required: false,
    },
  ],
};
const birthForm: FormDefinition = {
  fields: [
    {
      key: 'childName',
      type: 'text',
      label: { vi: 'Họ tên trẻ', ko: '자녀 성명', en: 'Child’s name' },
      required: true,
    },
    {
      key: 'birthDate',
      type: 'date',
      label: { vi: 'Ngày sinh', ko: '출생일', en: 'Date of birth' },
      required: true,
    },
    {
      key: 'birthPlace',
      type: 'address',
      label: { vi: 'Nơi sinh', ko: '출생 장소', en: 'Place of birth' },
      required: true,
    },
    {
      key: 'sex',
      type: 'choice',
      label: { vi: 'Giới tính', ko: '성별', en: 'Sex' },
      required: true,
      options: [
        { value: 'f', label: { vi: 'Nữ', ko: '여', en: 'Female' } },
        { value: 'm', label: { vi: 'Nam', ko: '남', en: 'Male' } },
      ],
    },
    {
      key: 'certificate',
      type: 'file',
      label: { vi: 'Giấy chứng sinh', ko: '출생증명서', en: 'Birth certificate from the hospital' },
      required: false,
    },
  ],
};
const krForm: FormDefinition = {
  fields: [
    { key: 'holderId', type: 'text', label: '식별번호', required: true },
    { key: 'site', type: 'address', label: '대지 위치', required: true },
    { key: 'area', type: 'number', label: '연면적(m²)', required: true },
    {
      key: 'use',
      type: 'choice',
      label: '용도',
      required: true,
      options: [
        { value: 'house', label: '단독주택' },
        { value: 'shop', label: '근린생활시설' },
      ],
    },
  ],
};

const site = { street: '25 Trần Đăng Ninh', district: 'Phường Tam Thanh', city: 'Lạng Sơn' };

export async function seedDemoServices(
  ctx: Ctx,
  config: Config,
  admin: Actor,
  ids: { agencies: Map<string, string>; units: Map<string, string>; people: People },
) {
  const ls = ids.agencies.get('UBND-LS')!;
  const hanbit = ids.agencies.get('HANBIT-GU')!;
  for (const [date, name] of vnHolidays) await addHoliday(ctx, admin, ls, { date, name });
  for (const [date, name] of krHolidays) await addHoliday(ctx, admin, hanbit, { date, name });
  const base = {
    requiredDocuments: [] as string[],
    fee: 0,
    validityMonths: null,
    holderField: null,
    isRegistry: false,
  };
  const permit = await createProcedure(ctx, admin, {
    ...base,
    agencyId: ls,
    unitId: ids.units.get('UBND-LS:VX')!,
    code: 'GPXD-RL',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    legalBasis: 'Luật Xây dựng số 50/2014/QH13 (sửa đổi 2020); Nghị định 15/2021/NĐ-CP, Điều 102',
    requiredDocuments: [
      'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)',
      'Giấy tờ về quyền sử dụng đất',
      'Bản vẽ thiết kế xây dựng',
    ],
    form: permitForm,
    processingDays: 15,
    fee: 75_000,
    resultKind: 'licence',
    isRegistry: true,
    holderField: 'citizenId',
    validityMonths: 12,
  });
  const birth = await createProcedure(ctx, admin, {
    ...base,
    agencyId: ls,
    unitId: ids.units.get('UBND-LS:VX')!,
    code: 'DKKS',
    name: 'Đăng ký khai sinh',
    legalBasis: 'Luật Hộ tịch 2014, Điều 16; Nghị định 123/2015/NĐ-CP',
    requiredDocuments: ['Giấy chứng sinh', 'Giấy tờ tùy thân của người đi đăng ký'],
    form: birthForm,
    processingDays: 1,
    resultKind: 'certificate',
  });
  await createProcedure(ctx, admin, {
    ...base,
    agencyId: hanbit,
    unitId: ids.units.get('HANBIT-GU:PLN')!,
    code: 'GUNCHUK',
    name: '건축허가 신청',
    legalBasis: '건축법 제11조, 같은 법 시행규칙 제6조',
    requiredDocuments: ['건축허가신청서', '설계도서', '토지 소유권 증명서류'],
    form: krForm,
    processingDays: 10,
    fee: 27_000,
    resultKind: 'licence',
    isRegistry: true,
    holderField: 'holderId',
    validityMonths: 24,
  });

  await registerCitizen(ctx, config, null, {
    username: 'congdan',
    displayName: 'Nguyễn Thị Dân',
    email: 'congdan@demo.civicdesk.local',
    password: demoPassword,
    locale: 'vi',
    identifier: '020190001234',
  });
  await inTransaction(ctx, async (tx) => {
    await tx.db.execute(
      sql`update citizen_profiles set email_verified_at = now(), verify_token_hash = null, verify_token_expires_at = null
           where user_id = (select id from users where username = 'congdan')`,
    );
  });
  const [congdanRow] = (
    (await ctx.db.execute(sql`select id from users where username = 'congdan'`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows;
  const congdan: Actor = {
    userId: congdanRow!.id,
    username: 'congdan',
    displayName: 'Nguyễn Thị Dân',
    kind: 'citizen',
    isPlatformAdmin: false,
    sessionId: null,
  };
  const staff = (u: string): Actor => ({
    userId: ids.people.get(u)!.id,
    username: u,
    displayName: ids.people.get(u)!.name,
    kind: 'staff',
    isPlatformAdmin: false,
    sessionId: null,
    reauthAt: new Date(),
  });
  const asCitizen = { ...ctx, actor: congdan };
  const head = staff('truongphong.vx');
  const official = staff('chuyenvien');
  const permitValues = { citizenId: '020190001234', site, floors: 3, area: 180, kind: 'new' };

  // Waiting in the queue, not yet assigned.
  await createSubmission(asCitizen, congdan, {
    procedureId: birth.id,
    values: { childName: 'Nguyễn Minh An', birthDate: '2026-01-05', birthPlace: site, sex: 'm' },
    submit: true,
  });
  // Waiting for the applicant: the official asked for more information.
  const needsInfo = await createSubmission(asCitizen, congdan, {
    procedureId: permit.id,
    values: { ...permitValues, kind: 'repair' },
    submit: true,
  });
  await assign({ ...ctx, actor: head }, head, needsInfo.id, official.userId);
  await requestInfo(
    { ...ctx, actor: official },
    null,
    official,
    needsInfo.id,
    'Đề nghị bổ sung bản vẽ mặt bằng tầng 3 và giấy tờ về quyền sử dụng đất.',
  );
  // Approved: the signed licence, filed in the outgoing register and entered in the registry.
  const approved = await createSubmission(asCitizen, congdan, {
    procedureId: permit.id,
    values: permitValues,
    submit: true,
  });
  await assign({ ...ctx, actor: head }, head, approved.id, official.userId);
  await approve(
    { ...ctx, actor: official },
    config,
    null,
    official,
    approved.id,
    'Hồ sơ đầy đủ, phù hợp quy hoạch chi tiết 1/500.',
  );
  // Once-only: congdan lets the commune of Tân Phú read her records for a business licence; its official does.
  const tanPhu = ids.agencies.get('UBND-TP')!;
  const purpose = 'Hồ sơ đăng ký hộ kinh doanh tại UBND xã Tân Phú';
  await grantConsent(asCitizen, congdan, { agencyId: tanPhu, purpose });
  const canbo = staff('canbo.tanphu');
  await lookup({ ...ctx, actor: canbo }, canbo, { agencyId: tanPhu, identifier: '020190001234', purpose });
  // Overdue: a guest's application received long ago and never decided.
  const overdue = await createSubmission({ ...ctx, actor: null }, null, {
    procedureId: permit.id,
    values: { ...permitValues, citizenId: '020185009876', floors: 2 },
    applicantName: 'Hoàng Văn Bình',
    submit: true,
  });
  await assign({ ...ctx, actor: head }, head, overdue.id, official.userId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.execute(
      sql`update service_submissions set submitted_at = now() - interval '40 days', deadline = now() - interval '12 days'
           where id = ${overdue.id}`,
    );
  });
  return { congdan: congdan.userId };
}
