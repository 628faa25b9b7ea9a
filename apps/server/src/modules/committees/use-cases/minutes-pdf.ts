import { PDFDocument } from 'pdf-lib';
import { addSignatureFields } from '../../../platform/pades/fields.ts';
import {
  A4,
  type Cursor,
  contentWidth,
  drawLine,
  embedFaces,
  type Faces,
  frame,
  mm,
  renderHtml,
  rule,
  startCursor,
  takeLine,
  wrapSpans,
} from '../../documents/documents.service.ts';
import type { OutcomeJson, QuorumJson } from '../committees.tables.ts';

// The printed minutes (회의록 / biên bản, §3.8) or written resolution (서면의결서): built from the structured record
// — attendance, quorum with its rule and numbers, recusals, polls with tally and the rule that decided them —
// plus the secretary's summary, with one empty signature field per required signer (`sign-1` …). The public
// version reduces closed items to their title and leaves out named votes on them.

export type MinutesView = {
  country: 'vn' | 'kr';
  agencyName: string;
  committeeName: string;
  legalBasis: string;
  title: string;
  mode: 'in_person' | 'online' | 'written';
  startsAt: Date;
  location: string | null;
  videoRoomUrl: string | null;
  deadline: Date | null;
  writtenGround: string | null;
  attendance: { name: string; role: string; external: boolean; present: boolean }[];
  quorumAtOpen: QuorumJson | null;
  items: {
    seq: number;
    kind: string;
    title: string;
    description: string;
    closed: boolean;
    recused: string[];
    polls: {
      secret: boolean;
      tally: { yes: number; no: number; abstain: number; eligible: number; voted: number } | null;
      outcome: OutcomeJson | null;
      quorum: QuorumJson;
      votes: { name: string; choice: string; reason: string | null }[];
    }[];
  }[];
  summaryHtml: string;
  signers: { name: string; role: string }[];
  publicVersion: boolean;
};

type Labels = Record<string, string>;
const vi: Labels = {
  heading: 'BIÊN BẢN HỌP',
  headingWritten: 'BIÊN BẢN LẤY Ý KIẾN BẰNG VĂN BẢN',
  publicNote: 'Bản công khai: nội dung họp kín chỉ giữ tiêu đề.',
  committee: 'Hội đồng',
  basis: 'Căn cứ',
  meeting: 'Cuộc họp',
  mode: 'Hình thức',
  in_person: 'Họp trực tiếp',
  online: 'Họp trực tuyến',
  written: 'Lấy ý kiến bằng văn bản',
  date: 'Thời gian',
  place: 'Địa điểm',
  link: 'Phòng họp trực tuyến',
  deadline: 'Hạn cuối',
  ground: 'Lý do lấy ý kiến bằng văn bản',
  attendance: 'I. THÀNH PHẦN',
  present: 'Có mặt',
  absent: 'Vắng mặt',
  external: 'thành viên ngoài cơ quan',
  quorum: 'Số thành viên để tiến hành họp',
  items: 'II. NỘI DUNG',
  deliberation: 'Thẩm định',
  resolution: 'Quyết nghị',
  report: 'Báo cáo',
  closedItem: 'Nội dung họp kín',
  recused: 'Không tham gia do xung đột lợi ích',
  secretPoll: 'Bỏ phiếu kín',
  namedPoll: 'Biểu quyết công khai',
  yes: 'Tán thành',
  no: 'Không tán thành',
  abstain: 'Không biểu quyết',
  voted: 'Số phiếu',
  passed: 'THÔNG QUA',
  failed: 'KHÔNG THÔNG QUA',
  rule: 'Quy tắc',
  summary: 'III. Ý KIẾN THẢO LUẬN',
  signatures: 'CHỮ KÝ',
  chair: 'Chủ tịch Hội đồng',
  presiding: 'Chủ trì',
  member: 'Thành viên',
  vice_chair: 'Phó Chủ tịch',
  secretary: 'Thư ký',
  majority_of_members: 'quá nửa tổng số thành viên',
  two_thirds_of_members: 'hai phần ba tổng số thành viên',
  majority_of_present: 'quá nửa số thành viên có mặt',
  two_thirds_of_present: 'hai phần ba số thành viên có mặt',
  threshold_met: 'đạt tỷ lệ tán thành',
  threshold_not_met: 'không đạt tỷ lệ tán thành',
  tie_fails: 'số phiếu ngang nhau: không thông qua',
  tie_chair_yes: 'số phiếu ngang nhau: theo ý kiến Chủ tịch (tán thành)',
  tie_chair_no: 'số phiếu ngang nhau: theo ý kiến Chủ tịch (không tán thành)',
  no_quorum: 'không đủ số phiếu trả lời',
  of: 'trên',
  required: 'cần',
  met: 'đạt',
  notMet: 'không đạt',
};
const ko: Labels = {
  heading: '회 의 록',
  headingWritten: '서면심의 결과서',
  publicNote: '공개본: 비공개 안건은 제목만 표시합니다.',
  committee: '위원회',
  basis: '근거',
  meeting: '회의',
  mode: '방식',
  in_person: '대면회의',
  online: '영상회의',
  written: '서면심의',
  date: '일시',
  place: '장소',
  link: '영상회의실',
  deadline: '마감',
  ground: '서면심의 사유',
  attendance: '1. 출석 현황',
  present: '출석',
  absent: '불참',
  external: '외부위원',
  quorum: '개의정족수',
  items: '2. 안건',
  deliberation: '심의안건',
  resolution: '의결안건',
  report: '보고안건',
  closedItem: '비공개 안건',
  recused: '제척·회피',
  secretPoll: '무기명 투표',
  namedPoll: '기명 표결',
  yes: '찬성',
  no: '반대',
  abstain: '기권',
  voted: '투표',
  passed: '가결',
  failed: '부결',
  rule: '의결정족수',
  summary: '3. 회의 내용 요지',
  signatures: '서명',
  chair: '위원장',
  presiding: '회의 주재',
  member: '위원',
  vice_chair: '부위원장',
  secretary: '간사',
  majority_of_members: '재적위원 과반수',
  two_thirds_of_members: '재적위원 3분의 2 이상',
  majority_of_present: '출석위원 과반수',
  two_thirds_of_present: '출석위원 3분의 2 이상',
  threshold_met: '정족수 충족',
  threshold_not_met: '정족수 미달',
  tie_fails: '가부동수: 부결',
  tie_chair_yes: '가부동수: 위원장 결정(가)',
  tie_chair_no: '가부동수: 위원장 결정(부)',
  no_quorum: '회신 정족수 미달',
  of: '/',
  required: '필요',
  met: '충족',
  notMet: '미달',
};

const SIZE = 12;
const LINE = SIZE * 1.35;
const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const BOX = { width: mm(70), height: mm(24) };

function formatDate(d: Date, country: 'vn' | 'kr') {
  const tz = country === 'vn' ? 'Asia/Ho_Chi_Minh' : 'Asia/Seoul';
  return new Intl.DateTimeFormat(country === 'vn' ? 'vi-VN' : 'ko-KR', {
    timeZone: tz,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(d);
}

type Writer = { c: Cursor; faces: Faces };

/** A paragraph of plain text (bold label first when given), wrapped and indented. */
function para(
  w: Writer,
  text: string,
  opts: { bold?: boolean; indent?: number; center?: boolean; size?: number } = {},
) {
  const size = opts.size ?? SIZE;
  const indent = opts.indent ?? 0;
  const width = contentWidth(w.c) - indent;
  const lines = wrapSpans([{ text, face: opts.bold ? 'bold' : 'regular' }], w.faces, size, width);
  for (const line of lines) {
    const y = takeLine(w.c, size * 1.35, size);
    drawLine(w.c.page, line, w.c.margins.left + indent, y, width, opts.center ? 'center' : 'left');
  }
}

const gap = (w: Writer, h = SIZE * 0.6) => {
  w.c.y -= h;
};

export async function renderMinutesPdf(v: MinutesView): Promise<{ bytes: Uint8Array; fields: string[] }> {
  const L = v.country === 'vn' ? vi : ko;
  const doc = await PDFDocument.create();
  doc.setTitle(v.title);
  doc.setAuthor(v.agencyName);
  doc.setCreator('CivicDesk');
  doc.setProducer('CivicDesk (pdf-lib)');
  doc.setLanguage(v.country === 'vn' ? 'vi-VN' : 'ko-KR');
  doc.setCreationDate(v.startsAt);
  doc.setModificationDate(v.startsAt);
  const faces = await embedFaces(doc, v.country === 'vn' ? 'serif' : 'sans');
  const w: Writer = { c: startCursor(doc, MARGINS), faces };

  para(w, v.agencyName.toUpperCase(), { bold: true, center: true });
  para(w, v.committeeName, { bold: true, center: true });
  gap(w);
  para(w, v.mode === 'written' ? L.headingWritten! : L.heading!, { bold: true, center: true, size: 15 });
  para(w, v.title, { bold: true, center: true });
  if (v.publicVersion) para(w, L.publicNote!, { center: true, size: 10 });
  gap(w, SIZE);

  para(w, `${L.basis}: ${v.legalBasis}`);
  para(w, `${L.mode}: ${L[v.mode]}`);
  para(w, `${L.date}: ${formatDate(v.startsAt, v.country)}`);
  if (v.mode === 'written') {
    if (v.deadline) para(w, `${L.deadline}: ${formatDate(v.deadline, v.country)}`);
    if (v.writtenGround) para(w, `${L.ground}: ${v.writtenGround}`);
  } else {
    if (v.location) para(w, `${L.place}: ${v.location}`);
    if (v.mode === 'online' && v.videoRoomUrl) para(w, `${L.link}: ${v.videoRoomUrl}`);
  }
  gap(w);

  para(w, L.attendance!, { bold: true });
  const person = (a: MinutesView['attendance'][number]) =>
    `${a.name} (${L[a.role] ?? a.role}${a.external ? `, ${L.external}` : ''})`;
  const present = v.attendance.filter((a) => a.present);
  const absent = v.attendance.filter((a) => !a.present);
  para(w, `${L.present} (${present.length}): ${present.map(person).join('; ') || '—'}`, { indent: mm(5) });
  if (v.mode !== 'written')
    para(w, `${L.absent} (${absent.length}): ${absent.map(person).join('; ') || '—'}`, { indent: mm(5) });
  if (v.quorumAtOpen) para(w, `${L.quorum}: ${quorumText(L, v.quorumAtOpen)}`, { indent: mm(5) });
  gap(w);

  para(w, L.items!, { bold: true });
  for (const item of v.items) {
    const hidden = v.publicVersion && item.closed;
    para(
      w,
      `${item.seq}. [${L[item.kind] ?? item.kind}] ${item.title}${item.closed ? ` (${L.closedItem})` : ''}`,
      {
        bold: true,
        indent: mm(5),
      },
    );
    if (!hidden && item.description) para(w, item.description, { indent: mm(10) });
    if (item.recused.length) para(w, `${L.recused}: ${item.recused.join(', ')}`, { indent: mm(10) });
    for (const poll of item.polls) pollLines(w, L, poll, hidden);
    gap(w, SIZE * 0.4);
  }
  gap(w);

  if (v.summaryHtml.trim()) {
    para(w, L.summary!, { bold: true });
    renderHtml(w.c, v.summaryHtml, {
      faces,
      size: SIZE,
      leading: 1.35,
      paraGap: SIZE * 0.4,
      firstIndent: mm(10),
      align: 'justify',
      bullet: '-',
      lists: 'inline',
    });
    gap(w);
  }

  const fields = signatureBlock(w, L, v.signers);
  addSignatureFields(doc, fields);
  const bytes = await doc.save({
    objectsPerTick: Number.POSITIVE_INFINITY,
    updateFieldAppearances: false,
    useObjectStreams: false, // a classic xref table: each signature appends an incremental section
  });
  return { bytes, fields: fields.map((f) => f.name) };
}

function quorumText(L: Labels, qj: QuorumJson) {
  return `${qj.present} ${L.of} ${qj.members} (${L[qj.rule]}, ${L.required} ${qj.required}): ${qj.met ? L.met : L.notMet}`;
}

function pollLines(
  w: Writer,
  L: Labels,
  poll: MinutesView['items'][number]['polls'][number],
  hidden: boolean,
) {
  const indent = mm(10);
  const t = poll.tally;
  para(
    w,
    `${poll.secret ? L.secretPoll : L.namedPoll}${t ? ` — ${L.voted} ${t.voted}/${t.eligible}: ${L.yes} ${t.yes}, ${L.no} ${t.no}, ${L.abstain} ${t.abstain}` : ''}`,
    { indent },
  );
  const o = poll.outcome;
  if (o)
    para(
      w,
      `${o.passed ? L.passed : L.failed} — ${L.rule}: ${L[o.rule]} (${L.required} ${o.required} ${L.of} ${o.base}); ${L[o.decidedBy] ?? o.decidedBy}`,
      {
        indent,
        bold: true,
      },
    );
  if (!poll.secret && !hidden)
    for (const vote of poll.votes)
      para(w, `• ${vote.name}: ${L[vote.choice]}${vote.reason ? ` — ${vote.reason}` : ''}`, {
        indent: indent + mm(5),
      });
}

/** Boxes for the signatures, two a row, each with the signer's role and name under it; fields `sign-<n>`. */
function signatureBlock(w: Writer, L: Labels, signers: MinutesView['signers']) {
  if (signers.length === 0) return [];
  para(w, L.signatures!, { bold: true, center: true });
  const fields: {
    name: string;
    rect: { page: number; x: number; y: number; width: number; height: number };
  }[] = [];
  const colWidth = contentWidth(w.c) / 2;
  const rowHeight = BOX.height + LINE * 2 + SIZE;
  for (let i = 0; i < signers.length; i += 2) {
    if (w.c.y - rowHeight < w.c.margins.bottom) {
      w.c.page = w.c.doc.addPage([A4.width, A4.height]);
      w.c.pageIndex += 1;
      w.c.y = A4.height - w.c.margins.top;
    }
    const top = w.c.y - SIZE * 0.5;
    signers.slice(i, i + 2).forEach((s, k) => {
      const x = w.c.margins.left + k * colWidth + (colWidth - BOX.width) / 2;
      const y = top - BOX.height;
      frame(w.c.page, x, y, BOX.width, BOX.height, 0.4);
      fields.push({
        name: `sign-${i + k + 1}`,
        rect: { page: w.c.pageIndex, x, y, width: BOX.width, height: BOX.height },
      });
      const label = `${L[s.role] ?? s.role}`;
      for (const [j, text] of [label, s.name].entries()) {
        const [line] = wrapSpans([{ text, face: j === 1 ? 'bold' : 'regular' }], w.faces, SIZE, colWidth);
        if (line)
          drawLine(w.c.page, line, w.c.margins.left + k * colWidth, y - LINE * (j + 1), colWidth, 'center');
      }
    });
    w.c.y = top - rowHeight;
  }
  rule(w.c.page, w.c.margins.left, w.c.margins.left + contentWidth(w.c), w.c.y + SIZE * 0.5, 0.2);
  return fields;
}
