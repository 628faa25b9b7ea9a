import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

// What the machine and the database do while a benchmark runs: CPU split between this process, its PostgreSQL
// backends and everything else; what the backends wait on (sampled from pg_stat_activity); and pgbench as the
// reference for what this PostgreSQL on this machine does at all.

const tick = 100; // USER_HZ on Linux
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** CPU seconds used so far by a process (user + system), from /proc; 0 when it is gone. */
function processCpuSec(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / tick;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine so far. */
function machineCpuSec(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0) / tick;
  const idle = (cpu[3]! + (cpu[4] ?? 0)) / tick;
  return { busy: total - idle, total };
}

export type Observation = {
  seconds: number;
  loadAverage1m: number;
  /** Share of the window this process's main thread (the server's event loop) was busy. */
  serverEventLoopBusy: number;
  /** Cores' worth of CPU (2 = both cores busy) used by each party during the window. */
  cores: { machine: number; thisProcess: number; postgresBackends?: number; other: number };
  /** Share of sampled backend states (state / wait event) — PostgreSQL only. */
  backendStates?: Record<string, number>;
  /** Statements seen waiting on a lock (first 90 characters), by how often they were sampled waiting. */
  lockWaits?: Record<string, number>;
};

/** Starts observing; `stop()` returns the figures for the window. `dbUrl`: this benchmark's own database. */
export async function observe(dbUrl?: string) {
  const t0 = performance.now();
  const m0 = machineCpuSec();
  const p0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  let client: pg.Client | undefined;
  const backendCpu0 = new Map<number, number>();
  const states = new Map<string, number>();
  const lockWaits = new Map<string, number>();
  let samples = 0;
  let timer: NodeJS.Timeout | undefined;
  if (dbUrl) {
    client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const sample = async () => {
      const { rows } = await client!.query<{ pid: number; s: string; q: string | null }>(
        `select pid, coalesce(state, '?') || coalesce(' / ' || wait_event_type || ':' || wait_event, '') as s,
           case when wait_event_type = 'Lock' then left(regexp_replace(query, '\\s+', ' ', 'g'), 90) end as q
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      samples++;
      for (const r of rows) {
        if (!backendCpu0.has(r.pid)) backendCpu0.set(r.pid, processCpuSec(r.pid));
        states.set(r.s, (states.get(r.s) ?? 0) + 1);
        if (r.q) lockWaits.set(r.q, (lockWaits.get(r.q) ?? 0) + 1);
      }
    };
    await sample();
    timer = setInterval(() => void sample().catch(() => {}), 200);
  }
  return {
    async stop(): Promise<Observation> {
      if (timer) clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const m1 = machineCpuSec();
      const p1 = process.cpuUsage(p0);
      const machine = ((m1.busy - m0.busy) / (m1.total - m0.total)) * os.cpus().length;
      const thisProcess = (p1.user + p1.system) / 1e6 / seconds;
      let backends: number | undefined;
      let backendStates: Record<string, number> | undefined;
      if (client) {
        backends = 0;
        for (const [pid, c0] of backendCpu0) backends += Math.max(0, processCpuSec(pid) - c0);
        backends /= seconds;
        const n = [...states.values()].reduce((a, b) => a + b, 0) || 1;
        backendStates = Object.fromEntries(
          [...states.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round1((v / n) * 100)]),
        );
        backendStates.samples = samples;
        await client.end();
      }
      return {
        seconds: round1(seconds),
        loadAverage1m: round1(os.loadavg()[0]!),
        serverEventLoopBusy: round2(performance.eventLoopUtilization(elu0).utilization),
        cores: {
          machine: round2(machine),
          thisProcess: round2(thisProcess),
          ...(backends !== undefined ? { postgresBackends: round2(backends) } : {}),
          other: round2(Math.max(0, machine - thisProcess - (backends ?? 0))),
        },
        ...(backendStates ? { backendStates } : {}),
        ...(client ? { lockWaits: Object.fromEntries([...lockWaits].sort((a, b) => b[1] - a[1])) } : {}),
      };
    },
  };
}

export type Pgbench = {
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  tps: number;
  latencyMs: number;
};

/** pgbench (TPC-B-like) in a scratch database beside `baseUrl`, created and dropped here. */
export async function runPgbench(
  baseUrl: string,
  seconds = 15,
  clients = 16,
  threads = 2,
  scale = 10,
): Promise<Pgbench> {
  const name = `civicdesk_pgbench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    const init = spawnSync('pgbench', ['-i', '-q', '-s', String(scale), url.toString()], {
      encoding: 'utf8',
    });
    if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
    const run = spawnSync(
      'pgbench',
      ['-c', String(clients), '-j', String(threads), '-T', String(seconds), url.toString()],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
    const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(run.stdout)?.[1]);
    return { scale, clients, threads, seconds, tps: round1(tps), latencyMs };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
