import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { krDate, vnDateLine } from './format.ts';
import { parseHtml } from './html-parse.ts';
import { renderOfficialPdf } from './render.ts';
import type { Box, OfficialDocumentView, RenderedPdf } from './view.ts';

// The PDFs are checked with tools that share no code with the renderer: poppler's pdftotext and pdfinfo
// read the text and page count back, qpdf checks the file structure.

const dir = mkdtempSync(join(tmpdir(), 'civicdesk-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 20:30 UTC on 4 March is already 5 March in Vietnam (UTC+7) and in Korea (UTC+9).
const issuedAt = new Date('2026-03-04T20:30:00Z');
const A4 = { width: 595.28, height: 841.89 };
const DIACRITICS =
  'ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ẹ ẻ ẽ ế ề ể ễ ệ ỉ ị ọ ỏ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ụ ủ ứ ừ ử ữ ự ỳ ỵ ỷ ỹ Đ đ';

type Common = 'urgency' | 'confidentiality' | 'disclosure' | 'copyRecipients' | 'attachments' | 'approvals';
const common: Pick<OfficialDocumentView, Common | 'draftingUnitCode' | 'place' | 'issuedAt'> = {
  urgency: 'normal',
  confidentiality: 'normal',
  disclosure: 'public',
  copyRecipients: [],
  attachments: [],
  approvals: [],
  draftingUnitCode: null,
  place: null,
  issuedAt,
};

function vnLetter(): OfficialDocumentView {
  return {
    ...common,
    country: 'vn',
    agency: { name: 'Ủy ban nhân dân tỉnh Lâm Sơn' },
    typeCode: 'CV',
    typeName: '',
    numberText: '12/UBND-VX',
    place: 'Lâm Sơn',
    subject: 'triển khai Kế hoạch tổ chức các hoạt động văn hóa năm 2026',
    urgency: 'khan',
    bodyHtml: `<p>Ủy ban nhân dân tỉnh đề nghị các đơn vị thực hiện <strong>một số nội dung</strong> sau:</p>
      <ol><li>Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng chương trình chi tiết.</li><li>Sở Tài chính thẩm định dự toán.</li></ol>
      <p>${DIACRITICS}</p>`,
    mainRecipients: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính'],
    copyRecipients: ['Chủ tịch, các PCT UBND tỉnh'],
    draftingUnitCode: 'VX',
    signer: { name: 'Nguyễn Văn An', title: 'Phó Chủ tịch', mark: 'KT', onBehalfTitle: 'Chủ tịch' },
    attachments: ['Kế hoạch số 45/KH-UBND'],
    verifyUrl: 'https://eoffice.lamson.gov.vn/verify/2026-UBND-VX-000012',
  };
}

const article = (n: number) =>
  `<p><strong>Điều ${n}.</strong> Các cơ quan, đơn vị có liên quan tổ chức thực hiện, phân công trách nhiệm và
   triển khai các nhiệm vụ được giao theo đúng quy định của pháp luật; chủ động bố trí nguồn lực, bảo đảm
   tiến độ, chất lượng và định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.</p>`;

function vnDecision(): OfficialDocumentView {
  return {
    ...common,
    country: 'vn',
    agency: { name: 'Sở Văn hóa, Thể thao và Du lịch', parentName: 'UBND tỉnh Lâm Sơn' },
    typeCode: 'QĐ',
    typeName: 'Quyết định',
    numberText: '15/QĐ-SVHTTDL',
    place: 'Lâm Sơn',
    issuedAt: new Date('2026-01-08T03:00:00Z'),
    subject: 'Về việc ban hành Quy chế tổ chức và hoạt động của Trung tâm Văn hóa tỉnh',
    confidentiality: 'mat',
    bodyHtml: `<p style="text-align: center"><strong>GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH</strong></p>
      <h1>QUYẾT ĐỊNH:</h1>${Array.from({ length: 17 }, (_, i) => article(i + 1)).join('')}
      <table><tr><th>STT</th><th>Đơn vị</th></tr><tr><td>1</td><td>Văn phòng Sở</td></tr></table>`,
    mainRecipients: ['Như Điều 3'],
    draftingUnitCode: 'VP',
    signer: { name: 'Trần Thị Bích Hạnh', title: 'Giám đốc' },
  };
}

function krDraft(): OfficialDocumentView {
  return {
    ...common,
    country: 'kr',
    agency: {
      name: '한빛구청',
      postcode: '04500',
      address: '서울특별시 한빛구 한빛로 1',
      phone: '02-123-4567',
      fax: '02-123-4568',
      email: 'hong@hanbit.go.kr',
      website: 'www.hanbit.go.kr',
    },
    typeCode: 'GIAN',
    typeName: '',
    numberText: '기획예산과-123',
    subject: '2026년 주민참여예산 운영계획 알림',
    bodyHtml: `<ol><li>관련: 기획예산과-100(2026. 2. 10.)</li><li>주민참여예산 운영계획을 다음과 같이 알려드립니다.
      <ol><li>운영 기간: 2026. 3. 1. ~ 2026. 12. 31.</li></ol></li></ol>`,
    mainRecipients: ['한빛시장(기획조정실장)'],
    signer: { name: '이영희', title: '기획예산과장' },
    approvals: [
      { role: 'drafter', position: '주무관', name: '홍길동' },
      { role: 'reviewer', position: '예산팀장', name: '김철수' },
      { role: 'cooperator', position: '재무과장', name: '박서준' },
      { role: 'approver', position: '기획예산과장', name: '이영희', mark: '전결', date: issuedAt },
    ],
    attachments: ['2026년 주민참여예산 운영계획'],
    verifyUrl: 'https://eoffice.hanbit.go.kr/verify/123',
  };
}

function krSimple(): OfficialDocumentView {
  return {
    ...krDraft(),
    typeCode: 'GANI',
    numberText: '기획예산과-124',
    subject: '2026년 1분기 주민참여예산 추진상황 보고',
    mainRecipients: [],
    attachments: [],
    verifyUrl: null,
    bodyHtml:
      '<h2>추진 실적</h2><table><tr><th>구분</th><th>실적</th></tr><tr><td>주민 제안</td><td>124건</td></tr></table>',
  };
}

function save(name: string, pdf: RenderedPdf): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf.bytes);
  return file;
}

/** pdftotext -layout, with runs of white space (justified lines, no-break spaces) folded to one space. */
function textOf(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' }).replace(
    /[\s\u00a0]+/g,
    ' ',
  );
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function expectValidPdf(file: string): void {
  const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(check.status, check.stdout + check.stderr).toBe(0);
  expect(check.stdout).toContain('No syntax or stream encoding errors found');
  expect(check.stderr).toBe('');
}

function expectInside(b: Box | null, page: number): asserts b is Box {
  expect(b).not.toBeNull();
  if (!b) return;
  expect(b.page).toBe(page);
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(A4.width);
  expect(b.y + b.height).toBeLessThanOrEqual(A4.height);
}

describe('Vietnamese format (Decree 30/2020)', () => {
  it('renders a công văn with header, V/v, Kính gửi, Nơi nhận and the signer block', async () => {
    const pdf = await renderOfficialPdf(vnLetter());
    const file = save('vn-letter', pdf);
    expectValidPdf(file);
    expect(pdf.pages).toBe(1);
    expect(pageCount(file)).toBe(1);
    const text = textOf(file);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      'Số: 12/UBND-VX',
      'Lâm Sơn, ngày 05 tháng 3 năm 2026',
      'V/v triển khai Kế hoạch',
      'KHẨN',
      'Kính gửi:',
      '- Sở Tài chính.',
      'Tài liệu kèm theo: Kế hoạch số 45/KH-UBND.',
      'Nơi nhận:',
      '- Như trên;',
      'Lưu: VT, VX.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn An',
      'https://eoffice.lamson.gov.vn/verify/2026-UBND-VX-000012',
    ]) {
      expect(text).toContain(expected);
    }
    // A line of lone letters evenly spaced reads to pdftotext like letter-spaced text, so the
    // diacritics are compared without spaces: every glyph there, in order, with its own code point.
    expect(text.replaceAll(' ', '')).toContain(DIACRITICS.replaceAll(' ', ''));
    expectInside(pdf.boxes.signer, 0);
    expectInside(pdf.boxes.seal, 0);
    const { signer, seal } = pdf.boxes;
    // The seal (Ø 36 mm) overlaps the left third of the signature.
    expect(seal.width).toBeCloseTo((36 * 72) / 25.4, 1);
    expect(seal.x + seal.width).toBeCloseTo(signer.x + signer.width / 3, 1);
    expect(seal.x).toBeLessThan(signer.x);
    // Empty signature fields over both boxes, in a classic cross-reference table (incremental signing).
    expect(pdf.fields).toEqual(['signer', 'seal']);
    expect(Buffer.from(pdf.bytes).includes('/FT /Sig')).toBe(true);
    expect(Buffer.from(pdf.bytes).includes('\nxref\n')).toBe(true);
  });

  it('flows a decision over three pages with page numbers from page 2 and the signer on the last', async () => {
    const pdf = await renderOfficialPdf(vnDecision());
    const file = save('vn-decision', pdf);
    expectValidPdf(file);
    expect(pdf.pages).toBe(3);
    expect(pageCount(file)).toBe(3);
    const first = textOf(file, 1);
    for (const expected of ['UBND TỈNH LÂM SƠN', 'SỞ VĂN HÓA', 'Số: 15/QĐ-SVHTTDL', 'MẬT', 'QUYẾT ĐỊNH']) {
      expect(first).toContain(expected);
    }
    // Day below 10 and months 1–2 take a leading zero.
    expect(first).toContain('Lâm Sơn, ngày 08 tháng 01 năm 2026');
    expect(first).toContain('Về việc ban hành Quy chế');
    expect(first.trim().startsWith('1 ')).toBe(false);
    expect(textOf(file, 2).trim().startsWith('2 ')).toBe(true);
    expect(textOf(file, 3).trim().startsWith('3 ')).toBe(true);
    const last = textOf(file, 3);
    for (const expected of [
      'Văn phòng Sở',
      'Nơi nhận:',
      '- Như Điều 3;',
      'Lưu: VT, VP.',
      'GIÁM ĐỐC',
      'Trần Thị Bích Hạnh',
    ]) {
      expect(last).toContain(expected);
    }
    expectInside(pdf.boxes.signer, 2);
    expectInside(pdf.boxes.seal, 2);
  });

  it('prints a blank number with its code before issuance', async () => {
    const pdf = await renderOfficialPdf({
      ...vnDecision(),
      numberText: null,
      codeText: 'QĐ-SVHTTDL',
      issuedAt: null,
    });
    const text = textOf(save('vn-draft', pdf), 1);
    expect(text).toMatch(/Số: \/QĐ-SVHTTDL/);
    expect(text).toMatch(/Lâm Sơn, ngày tháng năm \d{4}/);
  });
});

describe('Korean format (기안문/시행문, 간이기안문)', () => {
  it('renders a 기안문 with 두문, 본문 ending in 끝. and the 결문', async () => {
    const pdf = await renderOfficialPdf(krDraft());
    const file = save('kr-draft', pdf);
    expectValidPdf(file);
    expect(pageCount(file)).toBe(1);
    const text = textOf(file);
    for (const expected of [
      '한빛구청',
      '수신 한빛시장(기획조정실장)',
      '(경유)',
      '제목 2026년 주민참여예산 운영계획 알림',
      '1. 관련: 기획예산과-100(2026. 2. 10.)',
      '가. 운영 기간',
      '붙임 2026년 주민참여예산 운영계획 1부. 끝.',
      '한빛구청장',
      '주무관 홍길동',
      '예산팀장 김철수',
      '기획예산과장 전결 03/05 이영희',
      '협조자 재무과장 박서준',
      '시행 기획예산과-123 (2026. 3. 5.)',
      '접수',
      '우 04500 서울특별시 한빛구 한빛로 1',
      '전화 02-123-4567 전송 02-123-4568',
      '공개',
    ]) {
      expect(text).toContain(expected);
    }
    expectInside(pdf.boxes.signer, pdf.pages - 1);
    expectInside(pdf.boxes.seal, pdf.pages - 1);
    expect(pdf.boxes.seal.width).toBeCloseTo((30 * 72) / 25.4, 1);
  });

  it('marks the end of the body with 끝. and prints 내부결재 when nothing is sent out', async () => {
    const pdf = await renderOfficialPdf({ ...krDraft(), mainRecipients: [], attachments: [] });
    const text = textOf(save('kr-internal', pdf));
    expect(text).toContain('수신 내부결재');
    expect(text).toContain('2026. 12. 31. 끝.');
    expect(text).not.toContain('한빛구청장');
    expect(pdf.boxes.seal).toBeNull();
    expect(pdf.fields).toEqual(['signer']);
  });

  it('renders a 간이기안문 with the registration block and the approval grid', async () => {
    const pdf = await renderOfficialPdf(krSimple());
    const file = save('kr-simple', pdf);
    expectValidPdf(file);
    expect(pageCount(file)).toBe(1);
    const text = textOf(file);
    for (const expected of [
      '등록번호 기획예산과-124',
      '공개구분 공개',
      '주무관',
      '2026년 1분기 주민참여예산 추진상황 보고',
      '124건',
      '끝.',
    ]) {
      expect(text).toContain(expected);
    }
    expectInside(pdf.boxes.signer, 0);
    expect(pdf.boxes.seal).toBeNull();
  });
});

describe('formatting', () => {
  it('dates in the agency time zone whatever the process TZ', () => {
    expect(vnDateLine('Hà Nội', new Date('2026-02-03T18:00:00Z'))).toBe('Hà Nội, ngày 04 tháng 02 năm 2026');
    expect(vnDateLine(null, new Date('2026-11-20T01:00:00Z'))).toBe('ngày 20 tháng 11 năm 2026');
    expect(krDate(new Date('2026-12-31T15:30:00Z'))).toBe('2027. 1. 1.');
  });

  it('parses the sanitised body HTML into blocks', () => {
    const blocks = parseHtml(
      '<p>a <strong>b</strong>&amp;c<br>d</p><ul><li>x</li></ul><table><tr><td><p>1</p></td></tr></table>',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['para', 'list', 'table']);
    expect(blocks[0]).toMatchObject({
      spans: [{ text: 'a ' }, { text: 'b', face: 'bold' }, { text: '&c' }, { br: true }, { text: 'd' }],
    });
  });
});
