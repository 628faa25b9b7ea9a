import { PDFDocument } from 'pdf-lib';
import { addSignatureFields } from '../../../platform/pades/fields.ts';
import {
  type Cursor,
  contentWidth,
  drawLine,
  embedFaces,
  type Faces,
  frame,
  mm,
  startCursor,
  takeLine,
  wrapSpans,
} from '../../documents/documents.service.ts';

// The result of an approved procedure (giấy phép / giấy chứng nhận / 허가증): one page built from the submission,
// with one empty signature field `signer` that the approving official signs after a step-up.

export type ResultView = {
  country: 'vn' | 'kr';
  agencyName: string;
  kind: 'licence' | 'certificate' | 'decision';
  procedureName: string;
  numberText: string;
  applicantName: string;
  holderIdentifier: string | null;
  legalBasis: string;
  lines: { label: string; value: string }[];
  issuedAt: Date;
  validUntil: string | null;
  signerTitle: string;
  signerName: string;
  verifyUrl: string;
};

const text = {
  vn: {
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    licence: 'GIẤY PHÉP',
    certificate: 'GIẤY CHỨNG NHẬN',
    decision: 'QUYẾT ĐỊNH',
    number: 'Số',
    basis: 'Căn cứ',
    applicant: 'Cấp cho',
    holder: 'Số định danh cá nhân',
    issued: 'Ngày cấp',
    valid: 'Có giá trị đến',
    verify: 'Kiểm tra tính xác thực tại',
  },
  kr: {
    motto: [] as string[],
    licence: '허 가 증',
    certificate: '증 명 서',
    decision: '결 정 서',
    number: '제',
    basis: '근거',
    applicant: '성명',
    holder: '식별번호',
    issued: '발급일',
    valid: '유효기간',
    verify: '진위 확인',
  },
};

const SIZE = 12;
type Writer = { c: Cursor; faces: Faces };

function para(w: Writer, value: string, opts: { bold?: boolean; center?: boolean; size?: number } = {}) {
  const size = opts.size ?? SIZE;
  const width = contentWidth(w.c);
  for (const line of wrapSpans(
    [{ text: value, face: opts.bold ? 'bold' : 'regular' }],
    w.faces,
    size,
    width,
  )) {
    const y = takeLine(w.c, size * 1.4, size);
    drawLine(w.c.page, line, w.c.margins.left, y, width, opts.center ? 'center' : 'left');
  }
}

export async function renderResultPdf(v: ResultView): Promise<Uint8Array> {
  const L = text[v.country];
  const doc = await PDFDocument.create();
  doc.setTitle(`${L[v.kind]} ${v.numberText}`);
  doc.setAuthor(v.agencyName);
  doc.setCreator('CivicDesk');
  doc.setProducer('CivicDesk (pdf-lib)');
  doc.setCreationDate(v.issuedAt);
  doc.setModificationDate(v.issuedAt);
  const faces = await embedFaces(doc, v.country === 'vn' ? 'serif' : 'sans');
  const w: Writer = {
    c: startCursor(doc, { top: mm(20), bottom: mm(20), left: mm(25), right: mm(20) }),
    faces,
  };
  para(w, v.agencyName.toUpperCase(), { bold: true, center: true });
  for (const m of L.motto) para(w, m, { bold: true, center: true, size: 11 });
  w.c.y -= SIZE * 1.5;
  para(w, L[v.kind], { bold: true, center: true, size: 18 });
  para(w, `${L.number} ${v.numberText}`, { center: true });
  para(w, v.procedureName, { bold: true, center: true });
  w.c.y -= SIZE;
  para(w, `${L.basis}: ${v.legalBasis}`);
  para(w, `${L.applicant}: ${v.applicantName}`, { bold: true });
  if (v.holderIdentifier) para(w, `${L.holder}: ${v.holderIdentifier}`);
  for (const line of v.lines) para(w, `${line.label}: ${line.value}`);
  para(w, `${L.issued}: ${v.issuedAt.toISOString().slice(0, 10)}`);
  if (v.validUntil) para(w, `${L.valid}: ${v.validUntil}`);
  w.c.y -= SIZE * 1.5;
  const colWidth = contentWidth(w.c) / 2;
  const x = w.c.margins.left + colWidth;
  const [titleLine] = wrapSpans([{ text: v.signerTitle, face: 'bold' }], faces, SIZE, colWidth);
  if (titleLine) drawLine(w.c.page, titleLine, x, takeLine(w.c, SIZE * 1.4, SIZE), colWidth, 'center');
  const box = { width: mm(60), height: mm(25) };
  const boxX = x + (colWidth - box.width) / 2;
  const boxY = w.c.y - box.height;
  frame(w.c.page, boxX, boxY, box.width, box.height, 0.4);
  w.c.y = boxY - SIZE * 0.5;
  const [nameLine] = wrapSpans([{ text: v.signerName, face: 'bold' }], faces, SIZE, colWidth);
  if (nameLine) drawLine(w.c.page, nameLine, x, takeLine(w.c, SIZE * 1.4, SIZE), colWidth, 'center');
  w.c.y -= SIZE * 2;
  para(w, `${L.verify}: ${v.verifyUrl}`, { size: 9 });
  addSignatureFields(doc, [
    { name: 'signer', rect: { page: w.c.pageIndex, x: boxX, y: boxY, width: box.width, height: box.height } },
  ]);
  return doc.save({
    objectsPerTick: Number.POSITIVE_INFINITY,
    updateFieldAppearances: false,
    useObjectStreams: false,
  });
}
