import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// Measuring helpers for bench/video.bench.ts: process CPU from /proc, the Janus namespace's interface counters,
// and WebRTC getStats totals read from a meeting page.

const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** utime + stime of one process, in CPU seconds (0 when it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks; // fields 14 and 15 of proc(5)
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Every living descendant of `root`. */
export function descendants(root: number): number[] {
  const pids = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const parent = new Map(pids.map((p) => [p, parentOf(p)]));
  const out: number[] = [];
  for (const p of pids) {
    for (let q = parent.get(p); q && q > 1; q = parent.get(q))
      if (q === root) {
        out.push(p);
        break;
      }
  }
  return out;
}

/** The janus process whose network namespace holds `iface` (other tests may run their own Janus). */
export function janusPid(iface: string): number | undefined {
  let list = '';
  try {
    list = execFileSync('pgrep', ['-x', 'janus']).toString();
  } catch {
    return undefined;
  }
  return list
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/net/dev`, 'utf8').includes(`${iface}:`);
      } catch {
        return false;
      }
    });
}

export type NetCount = { rx: number; tx: number; rxPackets: number; txPackets: number };

/** Bytes and packets Janus received (rx) and sent (tx) on its side of the veth pair, read in its namespace. */
export function janusBytes(pid: number, iface: string): NetCount {
  const line = readFileSync(`/proc/${pid}/net/dev`, 'utf8')
    .split('\n')
    .find((l) => l.trim().startsWith(`${iface}:`));
  const f = (line ?? '').split(':')[1]?.trim().split(/\s+/).map(Number) ?? [];
  return { rx: f[0] ?? 0, tx: f[8] ?? 0, rxPackets: f[1] ?? 0, txPackets: f[9] ?? 0 };
}

export type PageStats = {
  at: number;
  /** Bytes sent by the camera publication (RTP payload + headers), per simulcast layer and audio. */
  sent: Record<string, number>;
  sentPackets: Record<string, number>;
  /** Media payload only (no headers, padding or retransmissions), per layer and audio. */
  sentPayload: Record<string, number>;
  /** Each inbound stream of the subscription by mid: its kind, frame height now, bytes and packets so far. */
  inbound: Record<string, { kind: string; height: number; bytes: number; packets: number }>;
  /** Bytes received by the subscription, per kind. */
  recv: { video: number; audio: number };
  /** Inbound video streams that have received anything. */
  videoIn: number;
  audioIn: number;
  framesDecoded: number;
  /** What each simulcast layer sends now: "WxH@fps". */
  layers: Record<string, string>;
};

/** getStats of the page's LiveClient (its private camera publication and subscription, read for the bench). */
export function pageStats(page: Page): Promise<PageStats> {
  return page.evaluate(async () => {
    type Pc = RTCPeerConnection | undefined;
    // biome-ignore lint/suspicious/noExplicitAny: the client's private peer connections
    const live = (window as any).civicdeskLive as { pubs: Map<string, Pc>; sub: Pc } | undefined;
    const out: PageStats = {
      at: Date.now(),
      sent: {},
      sentPackets: {},
      sentPayload: {},
      inbound: {},
      recv: { video: 0, audio: 0 },
      videoIn: 0,
      audioIn: 0,
      framesDecoded: 0,
      layers: {},
    };
    (await live?.pubs.get('camera')?.getStats())?.forEach((s) => {
      if (s.type !== 'outbound-rtp') return;
      const key = s.kind === 'audio' ? 'audio' : (s.rid ?? 'video');
      out.sent[key] = (out.sent[key] ?? 0) + s.bytesSent + (s.headerBytesSent ?? 0);
      out.sentPackets[key] = (out.sentPackets[key] ?? 0) + s.packetsSent;
      out.sentPayload[key] = (out.sentPayload[key] ?? 0) + s.bytesSent - (s.retransmittedBytesSent ?? 0);
      if (s.kind === 'video')
        out.layers[key] = `${s.frameWidth ?? 0}x${s.frameHeight ?? 0}@${s.framesPerSecond ?? 0}`;
    });
    (await live?.sub?.getStats())?.forEach((s) => {
      if (s.type !== 'inbound-rtp') return;
      const kind = s.kind as 'audio' | 'video';
      out.recv[kind] += s.bytesReceived + (s.headerBytesReceived ?? 0);
      if (s.bytesReceived > 0 && kind === 'video') out.videoIn++;
      if (s.bytesReceived > 0 && kind === 'audio') out.audioIn++;
      if (kind === 'video') out.framesDecoded += s.framesDecoded ?? 0;
      out.inbound[s.mid ?? s.id] = {
        kind,
        height: s.frameHeight ?? 0,
        bytes: s.bytesReceived + (s.headerBytesReceived ?? 0),
        packets: s.packetsReceived ?? 0,
      };
    });
    return out;
  });
}

/** Mbit/s between two byte counts over `ms`. */
export const mbps = (bytes: number, ms: number) =>
  Math.round(((bytes * 8) / (ms / 1000) / 1e6) * 1000) / 1000;
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
