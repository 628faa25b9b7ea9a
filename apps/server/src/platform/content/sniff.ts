import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';

// The type of an upload is read from its bytes; the name and the client's MIME type are claims, not evidence.
// The name must agree with the bytes, so a file always opens in the program its name promises.

export type SniffedType = { mime: string; extension: string };

export class RefusedUploadError extends Error {
  /** What the bytes turned out to be ('unknown' when nothing matched), for the log. */
  readonly detected: string;
  constructor(detected: string) {
    super(`upload refused: bytes are ${detected}`);
    this.detected = detected;
  }
}

// file-type tells macro-enabled Office files (docm, xlsm, pptm) and other ZIPs apart from these by their content
// types, so an archive that is not exactly one of these is refused.
const binaryTypes: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

const textExtensions = ['txt', 'csv', 'md'];

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The type the bytes prove, when it is on the allow-list and the name's extension agrees; throws otherwise. */
export async function sniffUpload(bytes: Uint8Array, declaredName: string): Promise<SniffedType> {
  const extension = extensionOf(declaredName);
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const extensions = binaryTypes[found.mime];
    if (!extensions?.includes(extension)) throw new RefusedUploadError(found.mime);
    return { mime: found.mime, extension };
  }
  const refusal = textRefusal(bytes);
  if (refusal) throw new RefusedUploadError(refusal);
  if (!textExtensions.includes(extension)) throw new RefusedUploadError('text/plain');
  return { mime: 'text/plain', extension };
}

// Markup a browser recognises at the start of an unlabelled document (WHATWG MIME Sniffing §7.1, plus SVG):
// text that begins like this could run as a page if it were ever served without its type.
const markupStart =
  /^(?:<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg)[\s>/]|<!--|<\?xml)/i;

/** Why these bytes are not plain text, or null when they are UTF-8 text without NUL bytes or markup. */
function textRefusal(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return 'binary';
  if (!isUtf8(bytes)) return 'non-utf8';
  const head = new TextDecoder().decode(bytes.subarray(0, 1024));
  return markupStart.test(`${head.trimStart()} `) ? 'markup' : null;
}
