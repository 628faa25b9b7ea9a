// The demo organisation: a Vietnamese province with three communes (two-tier local government) and a Korean
// district office beside it. All names are fictional. Password of every demo account: see demoPassword.
export const demoPassword = 'civicdesk-demo';

type DemoUnit = { code: string; name: string };
type DemoPerson = { username: string; name: string; role: string; unit?: string; position?: string };
export type DemoAgency = {
  code: string;
  name: string;
  shortName: string;
  tier: string;
  country: 'vn' | 'kr';
  parent?: string;
  address: string;
  units: DemoUnit[];
  positions: string[];
  people: DemoPerson[];
};

const vnPositions = [
  'Chủ tịch',
  'Phó Chủ tịch',
  'Chánh Văn phòng',
  'Trưởng phòng',
  'Chuyên viên',
  'Văn thư',
  'Thư ký Hội đồng',
  'Quản trị hệ thống',
];
const commune = (code: string, name: string): DemoAgency => ({
  code,
  name: `Ủy ban nhân dân xã ${name}`,
  shortName: `UBND xã ${name}`,
  tier: 'commune',
  country: 'vn',
  parent: 'UBND-LS',
  address: `Xã ${name}, tỉnh Lâm Sơn`,
  units: [
    { code: 'VP', name: 'Văn phòng HĐND và UBND' },
    { code: 'KT', name: 'Phòng Kinh tế' },
    { code: 'VX', name: 'Phòng Văn hóa - Xã hội' },
  ],
  positions: vnPositions,
  people: [],
});

const tanPhu = commune('UBND-TP', 'Tân Phú');
tanPhu.people = [
  { username: 'chutich.tanphu', name: 'Đặng Văn Lực', role: 'head', position: 'Chủ tịch' },
  { username: 'vanthu.tanphu', name: 'Ngô Thị Hạnh', role: 'clerk', unit: 'VP', position: 'Văn thư' },
  { username: 'canbo.tanphu', name: 'Lý Minh Khoa', role: 'official', unit: 'VX', position: 'Chuyên viên' },
  {
    username: 'quantri.tanphu',
    name: 'Tạ Thị Ngọc',
    role: 'agency_admin',
    unit: 'VP',
    position: 'Quản trị hệ thống',
  },
];
const hoaAn = commune('UBND-HA', 'Hòa An');
hoaAn.people = [
  { username: 'chutich.hoaan', name: 'Mai Xuân Trường', role: 'head', position: 'Chủ tịch' },
  { username: 'canbo.hoaan', name: 'Châu Thị Yến', role: 'official', unit: 'KT', position: 'Chuyên viên' },
];
const phuLoc = commune('UBND-PL', 'Phú Lộc');
phuLoc.people = [
  { username: 'chutich.phuloc', name: 'Quách Văn Định', role: 'head', position: 'Chủ tịch' },
  { username: 'canbo.phuloc', name: 'Hồ Thị Phương', role: 'official', unit: 'VP', position: 'Chuyên viên' },
];

export const demoAgencies: DemoAgency[] = [
  {
    code: 'UBND-LS',
    name: 'Ủy ban nhân dân tỉnh Lâm Sơn',
    shortName: 'UBND tỉnh Lâm Sơn',
    tier: 'province',
    country: 'vn',
    address: 'Số 1 đường Trần Hưng Đạo, thành phố Lâm Sơn',
    units: [
      { code: 'VP', name: 'Văn phòng UBND tỉnh' },
      { code: 'VX', name: 'Phòng Văn hóa - Xã hội' },
      { code: 'KT', name: 'Phòng Kinh tế' },
      { code: 'TH', name: 'Phòng Tổng hợp' },
    ],
    positions: vnPositions,
    people: [
      { username: 'chutich', name: 'Nguyễn Văn Hùng', role: 'head', position: 'Chủ tịch' },
      { username: 'phochutich', name: 'Trần Thị Mai', role: 'head', position: 'Phó Chủ tịch' },
      {
        username: 'chanhvanphong',
        name: 'Bùi Quang Huy',
        role: 'head',
        unit: 'VP',
        position: 'Chánh Văn phòng',
      },
      { username: 'vanthu', name: 'Lê Thị Hoa', role: 'clerk', unit: 'VP', position: 'Văn thư' },
      {
        username: 'truongphong.vx',
        name: 'Phạm Minh Tuấn',
        role: 'head',
        unit: 'VX',
        position: 'Trưởng phòng',
      },
      {
        username: 'chuyenvien',
        name: 'Hoàng Văn Nam',
        role: 'official',
        unit: 'VX',
        position: 'Chuyên viên',
      },
      {
        username: 'chuyenvien.kt',
        name: 'Đỗ Thị Lan',
        role: 'official',
        unit: 'KT',
        position: 'Chuyên viên',
      },
      { username: 'thuky', name: 'Vũ Thị Thu', role: 'secretary', unit: 'TH', position: 'Thư ký Hội đồng' },
      {
        username: 'quantri',
        name: 'Phan Đức Anh',
        role: 'agency_admin',
        unit: 'VP',
        position: 'Quản trị hệ thống',
      },
      { username: 'chuyengia', name: 'TS. Lương Văn Thịnh', role: 'external_member' },
    ],
  },
  tanPhu,
  hoaAn,
  phuLoc,
  {
    code: 'HANBIT-GU',
    name: '한빛구청',
    shortName: '한빛구',
    tier: 'district',
    country: 'kr',
    address: '한빛시 한빛구 중앙로 100',
    units: [
      { code: 'ADM', name: '행정지원과' },
      { code: 'PLN', name: '기획예산과' },
      { code: 'ICT', name: '정보통신과' },
    ],
    positions: ['구청장', '부구청장', '과장', '팀장', '주무관', '문서담당', '위원회 간사'],
    people: [
      { username: 'guchung', name: '박지훈', role: 'head', position: '구청장' },
      { username: 'gwajang', name: '윤미경', role: 'head', unit: 'PLN', position: '과장' },
      { username: 'jumugwan', name: '최민호', role: 'official', unit: 'PLN', position: '주무관' },
      { username: 'munseo', name: '이서연', role: 'clerk', unit: 'ADM', position: '문서담당' },
      { username: 'ganssa', name: '정수진', role: 'secretary', unit: 'ADM', position: '위원회 간사' },
      { username: 'oebu', name: '한도윤', role: 'external_member' },
    ],
  },
];
