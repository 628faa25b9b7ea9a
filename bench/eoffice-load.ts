import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { type Call, httpCaller, type Recorder, runFlow, UnexpectedReply } from './eoffice-flow.ts';
import type { Office } from './eoffice-setup.ts';

// The load generator of eoffice.bench.ts, in a worker thread: `vus` virtual users each run documents through
// their life back to back, for an unrecorded warm-up and then a measured window, at each concurrency level.
// Every request that starts inside the measured window is counted, however long it takes; nothing new starts
// after the window closes (a document in progress then stops at its next request).

export type LoadInput = {
  origin: string;
  offices: Office[];
  /** thinkMs: mean pause before each request (uniform 0 … 2 × thinkMs); 0 for back-to-back requests. */
  levels: { name: string; vus: number; thinkMs: number; warmupSec: number; durationSec: number }[];
  /** Every n-th document is received twice at once (0: never). */
  raceEvery: number;
};
export type LevelOutput = {
  name: string;
  vus: number;
  thinkMs: number;
  measuredSec: number;
  /** Latencies in ms by request kind (actions, list reads, the losing side of a race). */
  latencies: Record<string, number[]>;
  /** Documents whose last action (close) ended inside the window. */
  flowsCompleted: number;
  errors: number;
  errorSamples: string[];
  racesChecked: number;
  /** Share of the window the load generator's own event loop was busy (near 1: it is the limit). */
  loadGeneratorBusy: number;
};

class Stopped extends Error {}

async function runLevel(input: LoadInput, level: LoadInput['levels'][number]) {
  const { name, vus, thinkMs, warmupSec, durationSec } = level;
  const call = httpCaller(input.origin, vus * 2 + 8);
  const offices = input.offices;
  const t0 = performance.now();
  const measureFrom = t0 + warmupSec * 1000;
  const endAt = measureFrom + durationSec * 1000;
  const out: LevelOutput = {
    name,
    vus,
    thinkMs,
    measuredSec: durationSec,
    latencies: {},
    flowsCompleted: 0,
    errors: 0,
    errorSamples: [],
    racesChecked: 0,
    loadGeneratorBusy: 0,
  };
  const rec: Recorder = (kind, start, end) => {
    if (start < measureFrom || start > endAt) return;
    out.latencies[kind] ??= [];
    out.latencies[kind].push(end - start);
  };
  // Nothing new starts after the window closes; flows in progress stop at their next request.
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const pause = async () => {
    if (thinkMs > 0) await sleep(Math.random() * 2 * thinkMs);
  };
  const guarded: Call = (method, path, cookie, body) =>
    performance.now() > endAt ? Promise.reject(new Stopped()) : call(method, path, cookie, body);
  let next = 0;
  const vu = async () => {
    while (performance.now() < endAt) {
      const k = next++;
      const from = k % offices.length;
      const to = (from + 1 + (Math.floor(k / offices.length) % (offices.length - 1))) % offices.length;
      const race = input.raceEvery > 0 && k % input.raceEvery === 0;
      try {
        await runFlow(guarded, rec, offices[from]!, offices[to]!, k, race, pause);
        const end = performance.now();
        if (end >= measureFrom && end <= endAt) out.flowsCompleted++;
        if (race) out.racesChecked++;
      } catch (err) {
        if (err instanceof Stopped) break;
        out.errors++;
        if (out.errorSamples.length < 10)
          out.errorSamples.push(err instanceof UnexpectedReply ? err.message : String(err));
      }
    }
  };
  // The main thread samples the server and the database during the window.
  let elu: ReturnType<typeof performance.eventLoopUtilization> | undefined;
  const opened = setTimeout(() => {
    elu = performance.eventLoopUtilization();
    parentPort!.postMessage({ type: 'window', phase: 'open', name });
  }, warmupSec * 1000);
  const closed = setTimeout(
    () => parentPort!.postMessage({ type: 'window', phase: 'close', name }),
    endAt - t0,
  );
  await Promise.all(Array.from({ length: vus }, vu));
  clearTimeout(opened);
  clearTimeout(closed);
  if (elu) out.loadGeneratorBusy = Math.round(performance.eventLoopUtilization(elu).utilization * 100) / 100;
  return out;
}

const input = workerData as LoadInput;
for (const level of input.levels) {
  const out = await runLevel(input, level);
  parentPort!.postMessage({ type: 'level', out });
}
parentPort!.postMessage({ type: 'done' });
