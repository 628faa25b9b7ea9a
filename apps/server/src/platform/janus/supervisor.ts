import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Runs Janus as a child process and starts it again when it dies (backoff 1 s doubling to 30 s). Its output goes
// to a log file (stderr beside it); stopping CivicDesk stops it.

export type Supervisor = { stop(): Promise<void>; restarts(): number; pid(): number | undefined };

export type SupervisorOptions = {
  bin: string;
  configDir: string;
  logFile: string;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
};

/** The janus executable on PATH (or the given path), or null when it is not installed. */
export function findJanus(bin: string): string | null {
  if (bin.includes('/')) return existsSync(bin) ? bin : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, bin);
    if (dir && existsSync(candidate)) return candidate;
  }
  for (const dir of ['/usr/bin', '/usr/local/bin', '/opt/janus/bin']) {
    const candidate = path.join(dir, bin);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** A Janus left running by a CivicDesk that was killed outright (its pid file names it): stop it first. */
function stopStale(pidFile: string, configDir: string) {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(configDir)) process.kill(pid, 'SIGKILL');
  } catch {
    // no pid file, or that process is gone
  }
}

export function superviseJanus(o: SupervisorOptions): Supervisor {
  const pidFile = path.join(o.configDir, 'janus.pid');
  stopStale(pidFile, o.configDir);
  const out = createWriteStream(`${o.logFile}.stderr`, { flags: 'a' });
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let delay = 1000;
  let timer: NodeJS.Timeout | undefined;
  let startedAt = 0;

  function start() {
    startedAt = Date.now();
    const config = path.join(o.configDir, 'janus.jcfg');
    child = spawn(o.bin, ['-F', o.configDir, '-C', config, '-N', '-o', '-L', o.logFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.pipe(out, { end: false });
    o.log.info({ janusPid: child.pid }, 'janus: started');
    if (child.pid) writeFileSync(pidFile, String(child.pid));
    child.on('exit', (code, signal) => {
      child = undefined;
      if (stopping) return;
      // A run that lasted a minute was healthy: the next failure starts the backoff over.
      if (Date.now() - startedAt > 60_000) delay = 1000;
      o.log.warn({ code, signal, retryInMs: delay }, 'janus: exited, restarting');
      restarts += 1;
      timer = setTimeout(start, delay);
      delay = Math.min(delay * 2, 30_000);
    });
  }
  start();

  return {
    restarts: () => restarts,
    pid: () => child?.pid,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      const c = child;
      if (c && c.exitCode === null) {
        const exited = new Promise((resolve) => c.once('exit', resolve));
        c.kill('SIGTERM');
        const killer = setTimeout(() => c.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(pidFile, { force: true });
      out.end();
    },
  };
}
