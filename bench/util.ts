import { Worker } from 'node:worker_threads';

// Small helpers that worker threads can import without loading the application (lib.ts re-exports them).

/** Starts a TypeScript module in a worker thread (on Node 20 tsx's `--import` hooks do not reach workers). */
export function startTsWorker(moduleUrl: URL, workerData: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const href = JSON.stringify(moduleUrl.href);
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${href}, ${href}))`;
  return new Worker(code, { eval: true, workerData });
}

/** The p-th percentile (0–100) of the values, by nearest rank; 0 for none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 10) / 10;
}
