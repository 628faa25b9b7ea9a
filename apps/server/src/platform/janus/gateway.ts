/// <reference path="./janode.d.ts" />
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import Janode, { type Connection, type Handle, type Session } from 'janode';
import StreamingPlugin from 'janode/plugins/streaming';
import VideoRoomPlugin from 'janode/plugins/videoroom';
import { writeJanusConfig } from './janus-config.ts';
import { findJanus, type Supervisor, superviseJanus } from './supervisor.ts';

// CivicDesk's only door to Janus. One janode connection and session per instance (the supervised child, or the
// instances named in JANUS_URL); reconnects when an instance goes away and tells its users, whose handles died
// with the session. Browsers never talk to Janus: the meetings module relays their signalling.

export type JanusSettings = {
  /** 'auto': run the installed janus as a child; 'off': no video; otherwise external instances are given. */
  mode: 'auto' | 'off' | 'external';
  urls: string[];
  apiSecret?: string;
  adminKey?: string;
  bin: string;
  host: string;
  iceInterfaces?: string;
  publicIp?: string;
  rtpPortRange: string;
  streamingPortRange: string;
  dataDir: string;
};

export type JanusInstance = {
  url: string;
  /** The address RTP forwarders send to, as seen from the other instances. */
  host: string;
  session: Session;
  attachVideoRoom(): Promise<Handle>;
  attachStreaming(): Promise<Handle>;
};

export type Gateway = {
  status(): { available: boolean; reason: 'no_janus' | 'unreachable' | 'disabled' | null; instances: number };
  /** The instance a new meeting runs on (the least loaded), or null when none is up. */
  primary(): JanusInstance | null;
  /** Every live instance: the relay forwards to each one's Streaming plugin. */
  instances(): JanusInstance[];
  adminKey: string;
  recordingsDir: string;
  /** A pair of UDP ports (audio, video) on every instance for one relay's mountpoint. */
  takeRelayPorts(): [number, number];
  releaseRelayPorts(ports: [number, number]): void;
  /** Called when an instance's session is lost (its rooms and handles are gone). */
  onLost(listener: (instance: JanusInstance) => void): void;
  close(): Promise<void>;
};

type Log = { info(o: object, m: string): void; warn(o: object, m: string): void };

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startGateway(s: JanusSettings, log: Log): Promise<Gateway> {
  Janode.Logger.setLevel('error');
  const adminKey = s.adminKey ?? randomBytes(18).toString('base64url');
  const recordingsDir = path.join(s.dataDir, 'janus', 'recordings');
  const live = new Map<string, JanusInstance>();
  const lostListeners: ((i: JanusInstance) => void)[] = [];
  let supervisor: Supervisor | undefined;
  let reason: 'no_janus' | 'unreachable' | 'disabled' | null = null;
  let closed = false;
  let apiSecret = s.apiSecret;
  let targets = s.urls.map((url) => ({ url, host: new URL(url).hostname }));

  if (s.mode === 'off') reason = 'disabled';
  else if (s.mode === 'auto') {
    const bin = findJanus(s.bin);
    if (!bin) reason = 'no_janus';
    else {
      apiSecret = randomBytes(18).toString('base64url');
      // A port free here; inside a test's network namespace every port is free anyway.
      const port = await freePort('127.0.0.1');
      const configDir = path.join(s.dataDir, 'janus', 'config');
      writeJanusConfig({ ...s, configDir, port, apiSecret, adminKey, recordingsDir });
      supervisor = superviseJanus({
        bin,
        configDir,
        logFile: path.join(s.dataDir, 'janus', 'janus.log'),
        log,
      });
      targets = [{ url: `ws://${s.host}:${port}`, host: s.host }];
    }
  }

  async function connect(target: { url: string; host: string }, attempt = 0): Promise<void> {
    if (closed) return;
    try {
      const connection: Connection = await Janode.connect({
        address: { url: target.url, apisecret: apiSecret },
        retry_time_secs: 1,
        max_retries: 30,
      });
      const session = await connection.create(20);
      const instance: JanusInstance = {
        url: target.url,
        host: target.host,
        session,
        attachVideoRoom: () => session.attach(VideoRoomPlugin),
        attachStreaming: () => session.attach(StreamingPlugin),
      };
      live.set(target.url, instance);
      log.info({ url: target.url }, 'janus: connected');
      const lost = () => {
        if (live.get(target.url) !== instance) return;
        live.delete(target.url);
        log.warn({ url: target.url }, 'janus: connection lost');
        for (const l of lostListeners) l(instance);
        connection.close().catch(() => {});
        setTimeout(() => connect(target), 1000);
      };
      connection.once(Janode.EVENT.CONNECTION_CLOSED, lost);
      connection.once(Janode.EVENT.CONNECTION_ERROR, lost);
      session.once(Janode.EVENT.SESSION_DESTROYED, lost);
    } catch (err) {
      if (attempt % 10 === 9) log.warn({ url: target.url, err: String(err) }, 'janus: still unreachable');
      setTimeout(() => connect(target, attempt + 1), Math.min(250 * 2 ** Math.min(attempt, 3), 2000));
    }
  }
  for (const t of targets) void connect(t);

  const [low, high] = s.streamingPortRange.split('-').map(Number) as [number, number];
  const usedPairs = new Set<number>();

  return {
    adminKey,
    recordingsDir,
    status() {
      if (reason) return { available: false, reason, instances: 0 };
      return { available: live.size > 0, reason: live.size > 0 ? null : 'unreachable', instances: live.size };
    },
    primary() {
      return live.values().next().value ?? null;
    },
    instances: () => [...live.values()],
    takeRelayPorts() {
      for (let p = low + (low % 2); p + 3 <= high; p += 4)
        if (!usedPairs.has(p)) {
          usedPairs.add(p);
          return [p, p + 2];
        }
      throw new Error('janus: no free relay ports');
    },
    releaseRelayPorts([audio]) {
      usedPairs.delete(audio);
    },
    onLost(listener) {
      lostListeners.push(listener);
    },
    async close() {
      closed = true;
      for (const i of live.values()) await i.session.destroy().catch(() => {});
      live.clear();
      await supervisor?.stop();
    },
  };
}
