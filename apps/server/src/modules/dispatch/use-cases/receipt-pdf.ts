import { PDFDocument } from 'pdf-lib';
import {
  type Cursor,
  drawLine,
  embedFaces,
  type Faces,
  frame,
  mm,
  startCursor,
  takeLine,
  wrapSpans,
} from '../../documents/documents.service.ts';

// One A4 page in the receiving country's form: Vietnam's "ĐẾN" stamp (Decree 30/2020 Appendix IV: Số đến,
// Ngày, Giờ, Chuyển, Lưu hồ sơ số) or Korea's 접수인 (처리과-접수번호, 접수일시), then what identifies the received
// file — sender, number and date, subject, the SHA-256 of the signed PDF and its verification code.

export type ReceiptView = {
  country: 'vn' | 'kr';
  receivingAgency: string;
  incomingNumber: number;
  receivedAt: Date;
  receivedBy: string | null;
  /** The unit the copy was distributed to, or else its lead handler (Chuyển / 처리과). */
  routedTo: string | null;
  sender: string;
  numberText: string | null;
  issuedAt: Date | null;
  subject: string;
  pdfSha256: string | null;
  digitallySigned: boolean;
  verifyCode: string | null;
  verifyUrl: string | null;
};

const BLANK = '……………………';
const text = {
  vn: {
    family: 'serif' as const,
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    title: 'PHIẾU TIẾP NHẬN VĂN BẢN ĐẾN',
    stamp: 'ĐẾN',
    number: 'Số',
    date: 'Ngày',
    time: 'Giờ',
    routed: 'Chuyển',
    file: 'Lưu hồ sơ số',
    sender: 'Cơ quan gửi',
    original: 'Số, ký hiệu văn bản',
    issued: 'Ngày văn bản',
    subject: 'Trích yếu',
    receivedBy: 'Người tiếp nhận',
    sha: 'Mã băm SHA-256 của tệp văn bản',
    signed: ['đã ký số', 'chưa ký số'],
    code: 'Mã kiểm tra',
    note: 'Phiếu này được lập riêng cho văn bản đến: tệp văn bản điện tử đã ký số được lưu giữ nguyên vẹn, không đóng dấu “Đến” lên tệp, nên chữ ký số trên văn bản vẫn còn hiệu lực.',
  },
  kr: {
    family: 'sans' as const,
    motto: [] as string[],
    title: '접 수 증',
    stamp: '접수',
    number: '접수번호',
    date: '접수일시',
    time: '',
    routed: '처리과',
    file: '기록물철',
    sender: '발신 기관',
    original: '문서번호',
    issued: '시행일자',
    subject: '제목',
    receivedBy: '접수자',
    sha: '원문 PDF의 SHA-256',
    signed: ['전자서명됨', '전자서명 없음'],
    code: '진위 확인 코드',
    note: '이 접수증은 접수 문서와 별도로 발급됩니다. 전자서명된 원문 PDF에는 접수인을 찍지 않으므로 원문은 변경되지 않고 전자서명은 유효합니다.',
  },
};

/** Day, month, year, hour and minute where the agency sits (Vietnam UTC+7, Korea UTC+9). */
function local(date: Date, country: 'vn' | 'kr') {
  const d = new Date(date.getTime() + (country === 'vn' ? 7 : 9) * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
  return country === 'vn' ? { date: `${p(day)}/${p(m)}/${y}`, time } : { date: `${y}. ${m}. ${day}.`, time };
}

type Writer = { c: Cursor; faces: Faces };
type Opts = { bold?: boolean; center?: boolean; size?: number; x?: number; width?: number };

type Spans = { text: string; face: 'regular' | 'bold' }[];

function para(w: Writer, value: string | Spans, opts: Opts = {}) {
  const size = opts.size ?? 12;
  const x = opts.x ?? w.c.margins.left;
  const width = opts.width ?? w.c.page.getWidth() - x - w.c.margins.right;
  const spans: Spans =
    typeof value === 'string' ? [{ text: value, face: opts.bold ? 'bold' : 'regular' }] : value;
  for (const line of wrapSpans(spans, w.faces, size, width)) {
    drawLine(w.c.page, line, x, takeLine(w.c, size * 1.45, size), width, opts.center ? 'center' : 'left');
  }
}

/** The stamp, framed, left-aligned as clerks put it on paper: agency, ĐẾN / 접수 and number, date, routing. */
function stamp(w: Writer, v: ReceiptView) {
  const L = text[v.country];
  const at = local(v.receivedAt, v.country);
  const x = w.c.margins.left;
  const width = mm(95);
  const inner = { x: x + mm(4), width: width - mm(8), size: 11 };
  const top = w.c.y;
  w.c.y -= mm(2);
  para(w, v.receivingAgency.toUpperCase(), { ...inner, bold: true, size: 10, center: true });
  if (v.country === 'vn') {
    para(w, `${L.stamp}    ${L.number}: ${v.incomingNumber}`, { ...inner, bold: true, size: 14 });
    para(w, `${L.date}: ${at.date}    ${L.time}: ${at.time}`, inner);
  } else {
    const office = v.routedTo ?? v.receivingAgency;
    para(w, `${L.stamp}    ${office}-${v.incomingNumber} (${at.date})`, { ...inner, bold: true, size: 13 });
    para(w, `${L.number}: ${v.incomingNumber}    ${L.date}: ${at.date} ${at.time}`, inner);
  }
  para(w, `${L.routed}: ${v.routedTo ?? BLANK}`, inner);
  para(w, `${L.file}: ${BLANK}`, inner);
  w.c.y -= mm(2);
  frame(w.c.page, x, w.c.y, width, top - w.c.y, 1.2);
}

export async function renderReceiptPdf(v: ReceiptView): Promise<Uint8Array> {
  const L = text[v.country];
  const doc = await PDFDocument.create();
  doc.setTitle(`${L.title.replace(/ /g, v.country === 'kr' ? '' : ' ')} — ${v.incomingNumber}`);
  doc.setSubject(v.numberText ?? v.subject);
  doc.setAuthor(v.receivingAgency);
  doc.setCreator('CivicDesk');
  doc.setProducer('CivicDesk (pdf-lib)');
  doc.setLanguage(v.country === 'vn' ? 'vi-VN' : 'ko-KR');
  // The reception's own time: the same slip renders to the same bytes.
  doc.setCreationDate(v.receivedAt);
  doc.setModificationDate(v.receivedAt);
  const faces = await embedFaces(doc, L.family);
  const w: Writer = {
    c: startCursor(doc, { top: mm(20), bottom: mm(20), left: mm(30), right: mm(20) }),
    faces,
  };

  para(w, v.receivingAgency.toUpperCase(), { bold: true, center: true, size: 12 });
  for (const m of L.motto) para(w, m, { bold: true, center: true, size: 12 });
  w.c.y -= mm(8);
  para(w, L.title, { bold: true, center: true, size: 15 });
  w.c.y -= mm(6);
  stamp(w, v);
  w.c.y -= mm(8);

  const issued = v.issuedAt ? local(v.issuedAt, v.country).date : '—';
  const signed = L.signed[v.digitallySigned ? 0 : 1];
  const rows: [string, string][] = [
    [L.sender, v.sender],
    [L.original, v.numberText ?? '—'],
    [L.issued, issued],
    [L.subject, v.subject],
    [L.receivedBy, v.receivedBy ?? '—'],
  ];
  for (const [label, value] of rows)
    para(w, [
      { text: `${label}: `, face: 'bold' },
      { text: value, face: 'regular' },
    ]);
  // The signed file by its digest and verification code (64 hex digits on a line of their own).
  para(w, `${L.sha} (${signed}):`, { bold: true });
  para(w, v.pdfSha256 ?? '—', { size: 10, x: w.c.margins.left + mm(5) });
  para(w, [
    { text: `${L.code}: `, face: 'bold' },
    { text: v.verifyCode ?? '—', face: 'regular' },
  ]);
  if (v.verifyUrl) para(w, v.verifyUrl, { size: 10, x: w.c.margins.left + mm(5) });
  w.c.y -= mm(6);
  para(w, L.note, { size: 10 });
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY, useObjectStreams: false });
}
