import { createHash } from 'node:crypto';
import { type AppearanceParts, buildAppearance } from './appearance.ts';
import { buildCms } from './cms.ts';
import { checkSigningGate } from './gate.ts';
import {
  PdfDict as Dict,
  decodeText,
  isName,
  numberOf,
  type PdfDict,
  PdfRef,
  PdfStr,
  textString,
  writeValue,
} from './pdf-syntax.ts';
import type { Appearance, Signer, TimestampAuthority } from './types.ts';
import { ObjectTable, readXrefChain } from './xref.ts';

// Signs one empty signature field of a PDF in ONE incremental update appended to the file (ISO 32000
// §7.5.6, §12.8): the signature dictionary with its /ByteRange and /Contents placeholder, the field/widget
// rewritten with /V and a visible /AP, the appearance's image objects, a classic cross-reference section with
// /Prev, and a trailer keeping /Root, /Info and /ID. Earlier bytes are never touched, so earlier signatures
// stay valid; the gate (gate.ts) proves it on the result before it is returned. Only the small objects it
// needs are parsed (trailer, xref, catalog, AcroForm, fields): no full PDF load per signature.

export type SignOptions = {
  field: string;
  signer: Signer;
  /** The claimed signing time, written as /M (PAdES has no signing-time attribute in the CMS). */
  signingTime: Date;
  appearance?: Appearance;
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** With a TSA the signature is PAdES B-T (signature-time-stamp), else B-B. */
  tsa?: TimestampAuthority;
};

/** Reserved DER bytes for the CMS: the chain fits B-B easily; B-T adds the TSA's token and its chain. */
const PLACEHOLDER_BYTES = { b: 16 * 1024, t: 32 * 1024 };
const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

type Target = {
  sections: ReturnType<typeof readXrefChain>;
  field: { num: number; gen: number; dict: PdfDict };
};

export async function signField(pdf: Buffer, opts: SignOptions): Promise<Buffer> {
  const target = findField(pdf, opts.field);
  const rect = rectOf(target.field.dict);
  const look = buildAppearance(rect.width, rect.height, opts.appearance);
  const reserved = opts.tsa ? PLACEHOLDER_BYTES.t : PLACEHOLDER_BYTES.b;
  const update = writeUpdate(pdf, target, opts, look, rect, reserved);
  const contentDigest = createHash('sha256')
    .update(pdf)
    .update(update.bytes.subarray(0, update.contentsAt))
    .update(update.bytes.subarray(update.contentsAt + reserved * 2 + 2))
    .digest();
  const cms = await buildCms({ contentDigest, signer: opts.signer, tsa: opts.tsa });
  if (cms.length > reserved)
    throw new Error(`the signature (${cms.length} bytes) exceeds its ${reserved}-byte placeholder`);
  update.bytes.write(cms.toString('hex'), update.contentsAt + 1, 'latin1');
  const signed = Buffer.concat([pdf, update.bytes]);
  checkSigningGate(pdf, signed);
  return signed;
}

/** The trailer chain and the named, still empty signature field; a clear Error otherwise. */
function findField(pdf: Buffer, fieldName: string): Target {
  let sections: ReturnType<typeof readXrefChain>;
  try {
    sections = readXrefChain(pdf);
  } catch (e) {
    throw new Error(`cannot read the PDF's cross-reference data: ${(e as Error).message}`);
  }
  const last = sections.at(-1)!;
  if (last.kind !== 'table')
    throw new Error('signing needs a PDF saved with a classic cross-reference table (no xref streams)');
  if (last.trailer.get('Encrypt')) throw new Error('cannot sign an encrypted PDF');
  const table = new ObjectTable(pdf, sections);
  const catalog = table.dict(last.trailer.get('Root'));
  const fields = table.resolve(table.dict(catalog?.get('AcroForm'))?.get('Fields'));
  for (const ref of Array.isArray(fields) ? fields : []) {
    const obj = ref instanceof PdfRef ? table.object(ref.num) : null;
    const dict = obj?.value;
    const t = dict instanceof Dict ? dict.get('T') : null;
    if (!obj || !(dict instanceof Dict) || !(t instanceof PdfStr) || decodeText(t) !== fieldName) continue;
    if (!isName(dict.get('FT'), 'Sig')) throw new Error(`field "${fieldName}" is not a signature field`);
    if (dict.get('V')) throw new Error(`field "${fieldName}" is already signed`);
    return { sections, field: { num: obj.num, gen: obj.gen, dict } };
  }
  throw new Error(`the PDF has no signature field "${fieldName}"`);
}

function rectOf(dict: PdfDict) {
  const r = dict.get('Rect');
  const n = Array.isArray(r) ? r.map((v) => numberOf(v)) : [];
  if (n.length !== 4 || n.some((v) => v === null)) throw new Error('the signature field has no /Rect');
  const [x1, y1, x2, y2] = n as number[];
  return { width: Math.abs(x2! - x1!), height: Math.abs(y2! - y1!) };
}

/** The PDF date of the signing time, in UTC. */
const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

type Chunk = { num: number; gen: number; bytes: Buffer };

/**
 * The bytes of the update (the /Contents hex still zeros) and the offset of its '<' within them. Object
 * numbers: the signature dictionary, the appearance form, its image and soft mask take /Size onwards.
 */
function writeUpdate(
  pdf: Buffer,
  target: Target,
  opts: SignOptions,
  look: AppearanceParts,
  rect: { width: number; height: number },
  reserved: number,
) {
  const last = target.sections.at(-1)!;
  const size = numberOf(last.trailer.get('Size')) ?? 0;
  const [sigNum, apNum, imgNum, maskNum] = [size, size + 1, size + 2, size + 3];
  const objects: Chunk[] = [];
  const obj = (num: number, body: string | Buffer[], gen = 0) => {
    const head = Buffer.from(`${num} ${gen} obj\n`, 'latin1');
    const parts = typeof body === 'string' ? [Buffer.from(body, 'latin1')] : body;
    objects.push({ num, gen, bytes: Buffer.concat([head, ...parts, Buffer.from('\nendobj\n', 'latin1')]) });
  };
  obj(sigNum, signatureDictionary(opts, reserved));
  const field = new Dict(new Map(target.field.dict.map));
  field.map.set('V', new PdfRef(sigNum, 0));
  field.map.set('AP', new Dict(new Map([['N', new PdfRef(apNum, 0)]])));
  obj(target.field.num, writeValue(field), target.field.gen);
  obj(apNum, formXObject(look, rect, imgNum));
  if (look.image) {
    const { image } = look;
    const mask = image.alpha ? ` /SMask ${maskNum} 0 R` : '';
    const imageDict = `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height}`;
    obj(imgNum, stream(`${imageDict} ${image.color.entries}${mask}`, image.color.data));
    if (image.alpha) obj(maskNum, stream(`${imageDict} ${image.alpha.entries}`, image.alpha.data));
  }
  const newSize = Math.max(size, ...objects.map((o) => o.num + 1));
  const lead = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? '' : '\n';
  return assemble(pdf.length, lead, objects, trailer(pdf, last.trailer, newSize, last.offset), reserved);
}

function signatureDictionary(opts: SignOptions, reserved: number): string {
  const text = (key: string, value: string | undefined) =>
    value ? ` /${key} ${writeValue(textString(value))}` : '';
  return (
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (${pdfDate(opts.signingTime)})` +
    text('Name', opts.name) +
    text('Reason', opts.reason) +
    text('Location', opts.location) +
    text('ContactInfo', opts.contactInfo) +
    ' /Prop_Build << /App << /Name /CivicDesk >> >>' +
    `\n/ByteRange ${BYTE_RANGE_PLACEHOLDER}\n/Contents <${'0'.repeat(reserved * 2)}> >>`
  );
}

function formXObject(
  look: AppearanceParts,
  rect: { width: number; height: number },
  imgNum: number,
): Buffer[] {
  const xobject = look.image ? ` /XObject << /Img ${imgNum} 0 R >>` : '';
  const font = look.hasFont
    ? ' /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >>'
    : '';
  const bbox = `[0 0 ${rect.width.toFixed(3)} ${rect.height.toFixed(3)}]`;
  const dict = `/Type /XObject /Subtype /Form /BBox ${bbox} /Resources <<${xobject}${font} >>`;
  return stream(dict, Buffer.from(look.content, 'latin1'));
}

const stream = (dict: string, data: Buffer): Buffer[] => [
  Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
  data,
  Buffer.from('\nendstream', 'latin1'),
];

/** The new trailer: /Size, /Root, /Info and /ID kept (an /ID is added when the file has none), /Prev. */
function trailer(pdf: Buffer, old: PdfDict, size: number, prev: number): string {
  const keep = ['Root', 'Info'].map((k) => (old.get(k) ? ` /${k} ${writeValue(old.get(k)!)}` : '')).join('');
  let id = old.get('ID');
  if (!Array.isArray(id)) {
    const h = createHash('md5')
      .update(pdf.subarray(Math.max(0, pdf.length - 4096)))
      .update(String(pdf.length));
    const hex = new PdfStr(h.digest(), true);
    id = [hex, hex];
  }
  return `trailer\n<< /Size ${size}${keep} /ID ${writeValue(id)} /Prev ${prev} >>\n`;
}

/** Lays the objects out after the file, writes the xref section and the real /ByteRange. */
function assemble(base: number, lead: string, objects: Chunk[], trailerText: string, reserved: number) {
  const parts: Buffer[] = [Buffer.from(lead, 'latin1')];
  let pos = base + lead.length;
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const o of objects) {
    offsets.set(o.num, { offset: pos, gen: o.gen });
    parts.push(o.bytes);
    pos += o.bytes.length;
  }
  const xrefAt = pos;
  parts.push(Buffer.from(`${xrefTable(offsets)}${trailerText}startxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  const bytes = Buffer.concat(parts);
  const sig = objects[0]!.bytes;
  const sigAt = offsets.get(objects[0]!.num)!.offset - base;
  const contentsAt = sigAt + sig.indexOf('/Contents <') + '/Contents '.length;
  const rangeAt = sigAt + sig.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsEnd = contentsAt + reserved * 2 + 2; // past the closing '>'
  const fileEnd = base + bytes.length;
  const values = [base + contentsAt, base + contentsEnd, fileEnd - (base + contentsEnd)];
  bytes.write(`[0 ${values.map((v) => String(v).padEnd(10, ' ')).join(' ')}]`, rangeAt, 'latin1');
  return { bytes, contentsAt };
}

/** A classic cross-reference section: one subsection per run of consecutive object numbers. */
function xrefTable(offsets: Map<number, { offset: number; gen: number }>): string {
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let out = 'xref\n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    out += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(nums[k]!)!;
      out += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return out;
}
