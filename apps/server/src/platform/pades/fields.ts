import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFRef, PDFString } from 'pdf-lib';
import { decodeText, isName, PdfStr } from './pdf-syntax.ts';
import type { FieldRect } from './types.ts';
import { ObjectTable, readXrefChain } from './xref.ts';

// Empty signature fields, added when the official PDF is rendered (revision 0). Each is a merged field and
// widget (ISO 32000 §12.7.4.5, §12.5.6.19) over the box the renderer drew for it, so a signer later only
// rewrites that one object (/V and /AP) in an incremental update and never touches a page.

const SIG_FLAGS_SIGNATURES_EXIST_APPEND_ONLY = 3;
const ANNOT_FLAG_PRINT = 4;

/** Adds one empty /FT /Sig field per entry (names must be unique) and the AcroForm that lists them. */
export function addSignatureFields(doc: PDFDocument, fields: { name: string; rect: FieldRect }[]): void {
  if (fields.length === 0) return;
  const names = new Set(fields.map((f) => f.name));
  if (names.size !== fields.length) throw new Error('signature field names must be unique');
  const { context, catalog } = doc;
  let acroForm = catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    acroForm = context.obj({ Fields: [] });
    catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
  }
  let list = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!list) {
    list = context.obj([]);
    acroForm.set(PDFName.of('Fields'), list);
  }
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(SIG_FLAGS_SIGNATURES_EXIST_APPEND_ONLY));
  for (const field of fields) list.push(addField(doc, field.name, field.rect));
}

function addField(doc: PDFDocument, fieldName: string, rect: FieldRect): PDFRef {
  const page = doc.getPage(rect.page);
  const { context } = doc;
  // An empty appearance keeps the unsigned field invisible in every viewer (and PDF/A-friendly).
  const blank = context.register(
    context.stream('', {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, round(rect.width), round(rect.height)],
      Resources: {},
    }),
  );
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(fieldName),
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height].map(round),
    F: ANNOT_FLAG_PRINT,
    P: page.ref,
    AP: { N: blank },
  });
  const ref = context.register(widget);
  page.node.addAnnot(ref);
  return ref;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The names of the signature fields (signed or not) of a PDF; [] when it has none or cannot be read. */
export function signatureFieldNames(pdf: Buffer): string[] {
  try {
    const sections = readXrefChain(pdf);
    const table = new ObjectTable(pdf, sections);
    const catalog = table.dict(sections.at(-1)?.trailer.get('Root'));
    const fields = table.resolve(table.dict(catalog?.get('AcroForm'))?.get('Fields'));
    if (!Array.isArray(fields)) return [];
    return fields.flatMap((ref) => {
      const d = table.dict(ref);
      const t = d?.get('T');
      return d && isName(d.get('FT'), 'Sig') && t instanceof PdfStr ? [decodeText(t)] : [];
    });
  } catch {
    return [];
  }
}
