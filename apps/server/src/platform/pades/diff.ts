import {
  PdfDict as Dict,
  isName,
  type PdfDict,
  type PdfObject,
  PdfRef,
  type PdfValue,
  writeValue,
} from './pdf-syntax.ts';
import { ObjectTable, type XrefSection } from './xref.ts';

// Difference analysis between the revision a signature covers and the revisions appended after it (the check
// pdfsig and openssl do not make; security research §1.9). Later revisions may add objects, but may redefine
// objects of the signed revision only in the ways that signing itself needs:
//   - a signature field or widget not yet signed (its /V, /AP, /MK, /DA; nothing else),
//   - the catalog's /AcroForm, /DSS, /Extensions and /Version entries, the AcroForm's /Fields, /SigFlags,
//     /DR, /DA, and any array (/Fields, /Annots) that only grows by signature fields or widgets,
//   - a page whose only change is new signature widgets in /Annots,
//   - DSS dictionaries (long-term validation data), the document information dictionary and the XMP
//     metadata stream (writers such as iText update modification dates when they append a signature).
// Anything else — a page content stream, a font, an image, a page tree, a freed object — is a disallowed change.

const SIG_FIELD_KEYS = new Set(['V', 'AP', 'MK', 'DA']);
const CATALOG_KEYS = new Set(['AcroForm', 'DSS', 'Extensions', 'Version']);
const ACROFORM_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA']);

type Context = { before: ObjectTable; after: ObjectTable; rootNum: number; allowedNums: Set<number> };

/** Descriptions of the disallowed changes made after the revision ending at `coverageEnd` (empty: none). */
export function disallowedChanges(pdf: Buffer, sections: XrefSection[], coverageEnd: number): string[] {
  const signed = sections.filter((s) => s.offset < coverageEnd);
  const later = sections.filter((s) => s.offset >= coverageEnd);
  if (later.length === 0 || signed.length === 0) return [];
  const before = new ObjectTable(pdf, signed);
  const after = new ObjectTable(pdf, sections);
  const rootOf = (s: XrefSection[]) => s.at(-1)!.trailer.get('Root');
  const root = rootOf(signed);
  const finalRoot = rootOf(sections);
  if (!(root instanceof PdfRef) || !(finalRoot instanceof PdfRef)) return ['catalog unreadable'];
  if (root.num !== finalRoot.num) return ['catalog replaced'];
  const ctx: Context = {
    before,
    after,
    rootNum: root.num,
    allowedNums: metadataObjects(signed, before, root),
  };
  const problems: string[] = [];
  const changed = new Set<number>();
  for (const s of later) for (const n of s.entries.keys()) changed.add(n);
  for (const n of changed) {
    const was = before.entries.get(n);
    if (!was || was.kind === 'f' || n === 0) continue; // a new object: allowed
    const problem = checkObject(n, ctx);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The info dictionary and XMP metadata stream of the signed revision. */
function metadataObjects(signed: XrefSection[], before: ObjectTable, root: PdfRef): Set<number> {
  const nums = new Set<number>();
  const info = signed.at(-1)!.trailer.get('Info');
  if (info instanceof PdfRef) nums.add(info.num);
  const metadata = before.dict(root)?.get('Metadata');
  if (metadata instanceof PdfRef) nums.add(metadata.num);
  return nums;
}

function checkObject(n: number, ctx: Context): string | null {
  const oldObj = ctx.before.object(n);
  const newObj = ctx.after.object(n);
  if (!newObj) return `object ${n} deleted`;
  if (!oldObj || same(ctx, oldObj, newObj)) return null;
  if (ctx.allowedNums.has(n)) return null;
  const old = oldObj.value;
  const neu = newObj.value;
  if (old instanceof Dict && neu instanceof Dict && !oldObj.stream && !newObj.stream) {
    return allowedDictChange(n, old, neu, ctx) ? null : `object ${n} (${kindOf(old)}) changed`;
  }
  if (Array.isArray(old) && Array.isArray(neu) && growsBySignatureFields(old, neu, ctx)) return null;
  return `object ${n} (${kindOf(old)}) changed`;
}

function allowedDictChange(n: number, old: PdfDict, neu: PdfDict, ctx: Context): boolean {
  if (n === ctx.rootNum) return sameExcept(old, neu, CATALOG_KEYS);
  if (isName(old.get('Type'), 'DSS') || isName(old.get('Type'), 'VRI')) return true;
  if (isAcroForm(n, ctx)) {
    const fields = [ctx.before.resolve(old.get('Fields')), ctx.after.resolve(neu.get('Fields'))];
    const fieldsOk =
      !Array.isArray(fields[0]) ||
      (Array.isArray(fields[1]) && growsBySignatureFields(fields[0], fields[1], ctx));
    return fieldsOk && sameExcept(old, neu, ACROFORM_KEYS);
  }
  if (isSignatureField(old, ctx.before)) {
    // Filling an empty signature field; a signed one may not change at all.
    return !old.get('V') && sameExcept(old, neu, SIG_FIELD_KEYS);
  }
  if (isName(old.get('Type'), 'Page')) {
    const annots = [ctx.before.resolve(old.get('Annots')) ?? [], ctx.after.resolve(neu.get('Annots')) ?? []];
    const grows =
      Array.isArray(annots[0]) &&
      Array.isArray(annots[1]) &&
      growsBySignatureFields(annots[0], annots[1], ctx);
    return grows && sameExcept(old, neu, new Set(['Annots']));
  }
  return false;
}

function isAcroForm(n: number, ctx: Context): boolean {
  const ref = ctx.before.dict(new PdfRef(ctx.rootNum, 0))?.get('AcroForm');
  return ref instanceof PdfRef && ref.num === n;
}

/** A signature field: /FT /Sig on itself or on its parent (a widget kid of a signature field). */
export function isSignatureField(d: PdfDict | null, table: ObjectTable): boolean {
  if (!d) return false;
  if (isName(d.get('FT'), 'Sig')) return true;
  const parent = table.dict(d.get('Parent'));
  return !!parent && isName(parent.get('FT'), 'Sig');
}

/** The new array keeps every old entry in order and adds only references to signature fields or widgets. */
function growsBySignatureFields(old: PdfValue[], neu: PdfValue[], ctx: Context): boolean {
  const oldKeys = old.map((v) => writeValue(v, true));
  const newKeys = neu.map((v) => writeValue(v, true));
  if (oldKeys.some((k, i) => newKeys[i] !== k)) return false;
  return neu
    .slice(old.length)
    .every((v) => v instanceof PdfRef && isSignatureField(ctx.after.dict(v), ctx.after));
}

function sameExcept(old: PdfDict, neu: PdfDict, allowed: Set<string>): boolean {
  const keys = new Set([...old.map.keys(), ...neu.map.keys()]);
  for (const k of keys) {
    if (allowed.has(k)) continue;
    const a = old.get(k);
    const b = neu.get(k);
    if (a === undefined || b === undefined ? a !== b : writeValue(a, true) !== writeValue(b, true))
      return false;
  }
  return true;
}

function same(ctx: Context, a: PdfObject, b: PdfObject): boolean {
  if (writeValue(a.value, true) !== writeValue(b.value, true)) return false;
  if (!a.stream && !b.stream) return true;
  if (!a.stream || !b.stream) return false;
  const bytes = (t: ObjectTable, s: { start: number; end: number }) => t.pdf.subarray(s.start, s.end);
  return bytes(ctx.before, a.stream).equals(bytes(ctx.after, b.stream));
}

function kindOf(v: PdfValue): string {
  if (v instanceof Dict) {
    const type = v.get('Type') ?? v.get('Subtype');
    return type ? writeValue(type) : 'dictionary';
  }
  return Array.isArray(v) ? 'array' : 'value';
}
