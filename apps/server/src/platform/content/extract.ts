import { Worker } from 'node:worker_threads';

// Text of uploaded files for search. Parsers run in a worker thread with a heap limit and a deadline: a file
// built to hang or exhaust the parser (a zip bomb in a DOCX, a PDF with endless objects) costs only that worker.

const worked = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;

export type ExtractLimits = { timeoutMs?: number; maxBytes?: number };

const defaults = { timeoutMs: 10_000, maxBytes: 1024 * 1024 };

/**
 * Plain text of a PDF, DOCX or text file, at most `maxBytes` of UTF-8; '' when the file has no text (a scan);
 * null for other types and for files that cannot be read in time. Never throws.
 */
export async function extractText(
  bytes: Uint8Array,
  mime: string,
  limits: ExtractLimits = {},
): Promise<string | null> {
  const { timeoutMs, maxBytes } = { ...defaults, ...limits };
  if (mime === 'text/plain') return cleanText(new TextDecoder().decode(bytes), maxBytes);
  const kind = worked[mime as keyof typeof worked];
  if (!kind) return null;
  try {
    return cleanText(await runWorker(kind, bytes, timeoutMs, maxBytes), maxBytes);
  } catch {
    return null;
  }
}

function runWorker(kind: 'pdf' | 'docx', bytes: Uint8Array, timeoutMs: number, maxChars: number) {
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL('./extract.worker.mjs', import.meta.url), {
      workerData: { kind, bytes, maxChars },
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    });
    const timer = setTimeout(
      () => finish(new Error(`text extraction timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const finish = (error: Error | null, text?: string) => {
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(text ?? '');
    };
    worker.once('message', (text: unknown) => finish(null, String(text)));
    worker.once('error', (error) => finish(error));
    worker.once('exit', (code) => finish(new Error(`text extraction worker exited with ${code}`)));
  });
}

// PostgreSQL text cannot hold NUL, which PDFs often yield; the cap counts UTF-8 bytes, as the column stores them.
function cleanText(text: string, maxBytes: number): string {
  const clean = text.replaceAll('\u0000', '').trim();
  const utf8 = Buffer.from(clean, 'utf8');
  if (utf8.length <= maxBytes) return clean;
  return utf8
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}
