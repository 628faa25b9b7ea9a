import { describe, expect, it } from 'vitest';
import { citationsValid } from './llm.ts';
import { periodAt, periodStart, periodsUntil } from './schedule.ts';
import { detectLanguage, extractiveText, splitSentences, summarise, tokenise } from './summarise.ts';

const src = (id: string, name: string, text: string) => ({
  reportId: `00000000-0000-4000-8000-00000000000${id}`,
  agencyId: `00000000-0000-4000-9000-00000000000${id}`,
  agencyName: name,
  text,
});

const vi = [
  src(
    '1',
    'Tân Phú',
    'Xã đã tiếp nhận 412 hồ sơ trực tuyến, tăng 12% so với tháng trước. Tỷ lệ văn bản điện tử có ký số đạt 91,5%. Bộ phận một cửa được trang bị thêm hai máy quét tài liệu.',
  ),
  src(
    '2',
    'Hòa An',
    'Hồ sơ trực tuyến tiếp nhận đạt 287 hồ sơ, tăng so với tháng trước. Đường truyền internet tại thôn Đồng Bãi còn chập chờn. Tỷ lệ ký số văn bản điện tử đạt 88%.',
  ),
];
const ko = [
  src(
    '3',
    '한빛동',
    '전자결재 비율이 95%에 도달하였음. 모바일 결재 이용자가 지난달보다 늘었다. 회의실 영상장비 교체가 필요함.',
  ),
  src('4', '누리동', '전자결재 비율은 93%로 상승하였다. 영상회의 장비 노후로 회의가 두 차례 중단되었음.'),
];
const en = [
  src(
    '5',
    'North',
    'Online applications rose to 310 this month. Two scanners were installed at the one-stop desk. Digital signature use reached 90%.',
  ),
  src(
    '6',
    'South',
    'Online applications grew to 250. The rural network remains unstable in two villages. Digital signature use reached 87%.',
  ),
];

describe('summariser', () => {
  it('detects the language', () => {
    expect(detectLanguage(vi[0]!.text)).toBe('vi');
    expect(detectLanguage(ko[0]!.text)).toBe('ko');
    expect(detectLanguage(en[0]!.text)).toBe('en');
  });

  it('splits sentences in each language without breaking decimals', () => {
    expect(splitSentences(vi[0]!.text)).toHaveLength(3);
    expect(splitSentences('Tỷ lệ đạt 91.5 phần trăm. Tốt!')).toEqual(['Tỷ lệ đạt 91.5 phần trăm.', 'Tốt!']);
    expect(splitSentences(ko[0]!.text)).toEqual([
      '전자결재 비율이 95%에 도달하였음.',
      '모바일 결재 이용자가 지난달보다 늘었다.',
      '회의실 영상장비 교체가 필요함.',
    ]);
    expect(splitSentences('첫째 줄입니다\n둘째 줄입니다')).toHaveLength(2);
    expect(splitSentences(en[1]!.text)).toHaveLength(3);
  });

  it('tokenises Vietnamese syllables and bigrams, Korean character bigrams, English words', () => {
    expect(tokenise('Hồ sơ trực tuyến', 'vi')).toEqual([
      'hồ',
      'sơ',
      'trực',
      'tuyến',
      'hồ_sơ',
      'sơ_trực',
      'trực_tuyến',
    ]);
    expect(tokenise('전자결재 비율이', 'ko')).toEqual(['전자', '자결', '결재', '비율']);
    expect(tokenise('The applications of the desk', 'en')).toEqual(['application', 'desk']);
  });

  for (const [lang, sources] of [
    ['vi', vi],
    ['ko', ko],
    ['en', en],
  ] as const) {
    it(`picks cited, non-redundant sentences deterministically (${lang})`, () => {
      const a = summarise(sources, 3);
      const b = summarise([...sources], 3);
      expect(a).toEqual(b);
      expect(a.length).toBeGreaterThan(1);
      expect(a.map((p) => p.id)).toEqual(a.map((_, i) => i + 1));
      for (const p of a) {
        const source = sources.find((s) => s.reportId === p.reportId)!;
        expect(splitSentences(source.text)[p.sentenceIndex]).toBe(p.text);
        expect(p.agencyName).toBe(source.agencyName);
      }
      // Both agencies are cited: the shared topic is said once, the distinct ones are kept.
      expect(new Set(a.map((p) => p.agencyId)).size).toBe(2);
      expect(extractiveText(a)).toContain('[1]');
    });
  }

  it('puts the sentence most central to all texts first', () => {
    const [first] = summarise(en, 3);
    expect(first!.text).toMatch(/Online applications|Digital signature/);
  });

  it('returns nothing for empty input', () => {
    expect(summarise([], 3)).toEqual([]);
    expect(summarise([src('1', 'x', '  ')], 3)).toEqual([]);
  });
});

describe('LLM citations', () => {
  it('accepts only citations of given ids', () => {
    expect(citationsValid('Both grew [1] and one lags [2].', [1, 2])).toBe(true);
    expect(citationsValid('Made up [7].', [1, 2])).toBe(false);
    expect(citationsValid('No citation at all.', [1, 2])).toBe(false);
  });
});

describe('schedule', () => {
  it('generates periods and due dates', () => {
    expect(periodStart('quarterly', '2026-08-15')).toBe('2026-07-01');
    expect(periodAt('monthly', '2026-10-01', 5)).toEqual({
      start: '2026-10-01',
      end: '2026-10-31',
      dueOn: '2026-11-05',
    });
    expect(periodAt('yearly', '2026-01-01', 15).dueOn).toBe('2027-01-15');
    expect(periodsUntil('monthly', '2026-09-10', '2026-11-22', 5).map((p) => p.start)).toEqual([
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
    ]);
  });
});
