import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { httpCaller } from './eoffice-flow.ts';
import { percentile, startTsWorker } from './util.ts';

// A closed-loop GET load over a mix of labelled requests, from a worker thread, with exact percentiles
// (autocannon reports no p95). `connections` clients each send the next request of the mix as soon as the
// previous one answers. Every request that starts inside the measured window is counted, however long it takes
// (slow requests are not cut off at the window's end), and nothing new starts after it.

export type HttpLoadInput = {
  origin: string;
  requests: { label: string; path: string; cookie: string }[];
  connections: number;
  warmupSec: number;
  durationSec: number;
  /** Instead of a timed window: one client sends the whole mix this many times, every request counted. */
  rounds?: number;
};
export type Figures = {
  requests: number;
  requestsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};
export type HttpLoadOutput = {
  all: Figures;
  byLabel: Record<string, Figures>;
  errors: number;
  errorSamples: string[];
};

export function figuresOf(latencies: number[], seconds: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    requestsPerSec: Math.round((sorted.length / seconds) * 10) / 10,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
}

/** Runs the load in a worker thread and returns the figures. */
export function httpLoad(input: HttpLoadInput): Promise<HttpLoadOutput> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL(import.meta.url), input);
    worker.once('message', (out: HttpLoadOutput) => void worker.terminate().then(() => resolve(out)));
    worker.once('error', reject);
  });
}

async function run(input: HttpLoadInput): Promise<HttpLoadOutput> {
  const call = httpCaller(input.origin, input.connections + 2);
  const t0 = performance.now();
  const from = input.rounds ? t0 : t0 + input.warmupSec * 1000;
  const end = input.rounds ? Number.POSITIVE_INFINITY : from + input.durationSec * 1000;
  const total = input.rounds ? input.rounds * input.requests.length : Number.POSITIVE_INFINITY;
  const byLabel: Record<string, number[]> = {};
  let errors = 0;
  const errorSamples: string[] = [];
  let next = 0;
  const client = async () => {
    while (performance.now() < end && next < total) {
      const r = input.requests[next++ % input.requests.length]!;
      const start = performance.now();
      try {
        const reply = await call('GET', r.path, r.cookie);
        const stop = performance.now();
        if (start >= from) {
          const list = byLabel[r.label] ?? [];
          byLabel[r.label] = list;
          list.push(stop - start);
        }
        if (reply.status !== 200)
          throw new Error(`${r.label}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
      } catch (err) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: input.rounds ? 1 : input.connections }, client));
  const seconds = input.rounds ? (performance.now() - t0) / 1000 : input.durationSec;
  return {
    all: figuresOf(Object.values(byLabel).flat(), seconds),
    byLabel: Object.fromEntries(Object.entries(byLabel).map(([k, v]) => [k, figuresOf(v, seconds)])),
    errors,
    errorSamples,
  };
}

if (!isMainThread && (workerData as HttpLoadInput)?.requests) parentPort!.postMessage(await run(workerData));
