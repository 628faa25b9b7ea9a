// Runs in a worker thread started by extract.ts, so a hostile file can exhaust only this thread's heap and
// time. Plain JavaScript because Node 20 does not apply tsx's loader to worker threads.
import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/** @type {{ kind: 'pdf' | 'docx'; bytes: Uint8Array; maxChars: number }} */
const { kind, bytes, maxChars } = workerData;

async function pdfText() {
  // No eval of font programs (CVE-2024-4367) and no console noise from malformed files.
  const pdf = await getDocumentProxy(bytes, { isEvalSupported: false, verbosity: 0 });
  return (await extractText(pdf, { mergePages: true })).text;
}

async function docxText() {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (await mammoth.extractRawText({ buffer })).value;
}

const text = kind === 'pdf' ? await pdfText() : await docxText();
parentPort?.postMessage(text.slice(0, maxChars));
