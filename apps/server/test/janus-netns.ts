import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A network of the test's own for Janus: Janus never offers loopback ICE candidates, so tests run it (and the
// browsers that talk to it) in a network namespace joined to this one by a veth pair on an address range of the
// test's own. Nothing touches the machine's other interfaces. Needs root, `ip` and the janus package.

export type JanusNet = {
  /** Address of the test side (the CivicDesk server, reachable from inside). */
  outerIp: string;
  /** Janus's address inside the namespace. */
  innerIp: string;
  iface: string;
  /** A janus executable that runs inside the namespace. */
  janusBin: string;
  /** A chromium executable that runs inside the namespace. */
  chromiumBin: string;
  dispose(): void;
};

export function janusAvailable(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
  } catch {
    return false;
  }
  return existsSync('/usr/bin/janus');
}

function ip(...args: string[]) {
  execFileSync('ip', args, { stdio: 'pipe' });
}

/** A /30 of 10.231.0.0/16 that no interface here uses yet (parallel test files each take their own). */
function freeSubnet(): number {
  const used = execFileSync('ip', ['-o', '-4', 'addr', 'show']).toString();
  for (let tries = 0; tries < 500; tries++) {
    const n = (process.pid * 7 + Math.floor(Math.random() * 250)) % 250;
    if (!used.includes(`10.231.${n}.`)) return n;
  }
  throw new Error('no free test subnet');
}

export function createJanusNet(): JanusNet {
  const n = freeSubnet();
  const id = randomBytes(3).toString('hex');
  const ns = `cdv${id}`;
  const outer = `cdv${id}o`;
  const inner = `cdv${id}i`;
  const outerIp = `10.231.${n}.1`;
  const innerIp = `10.231.${n}.2`;
  ip('netns', 'add', ns);
  ip('link', 'add', outer, 'type', 'veth', 'peer', 'name', inner);
  ip('link', 'set', inner, 'netns', ns);
  ip('addr', 'add', `${outerIp}/30`, 'dev', outer);
  ip('link', 'set', outer, 'up');
  ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${innerIp}/30`, 'dev', inner);
  ip('netns', 'exec', ns, 'ip', 'link', 'set', inner, 'up');
  ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  const dir = mkdtempSync(path.join(tmpdir(), 'civicdesk-netns-'));
  const wrap = (name: string, target: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\nexec ip netns exec ${ns} ${target} "$@"\n`);
    chmodSync(file, 0o755);
    return file;
  };
  return {
    outerIp,
    innerIp,
    iface: inner,
    janusBin: wrap('janus', '/usr/bin/janus'),
    chromiumBin: wrap('chromium', '/usr/bin/chromium'),
    dispose() {
      try {
        execFileSync('ip', ['netns', 'pids', ns])
          .toString()
          .split('\n')
          .filter(Boolean)
          .forEach((pid) => {
            try {
              process.kill(Number(pid), 'SIGKILL');
            } catch {}
          });
      } catch {}
      try {
        ip('link', 'del', outer);
      } catch {}
      try {
        ip('netns', 'del', ns);
      } catch {}
    },
  };
}
