import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createJanusNet, type JanusNet, janusAvailable } from '@civicdesk/server/test/janus-netns.ts';
import { type Browser, hasChromium, launchBrowser, newContext, type Page } from '../e2e/support/browser.ts';
import { type ApiSession, Authenticator, agencyByCode, apiSession } from '../e2e/support/journeys.ts';
import { type E2eServer, startServer } from '../e2e/support/server.ts';
import { databaseKind, report } from './lib.ts';
import {
  cpuSeconds,
  descendants,
  janusBytes,
  janusPid,
  type NetCount,
  type PageStats,
  pageStats,
} from './video-measure.ts';
import { type Window, windowFigures } from './video-model.ts';

// Video meetings on Janus (issue 6): Janus 1.1 in a network namespace of the bench's own (as e2e/video-meeting.spec.ts
// runs it), the server in this process, P publishers in Chromium pages with the fake camera (1280x720, three
// simulcast layers, as the client publishes) who each see all the others in the page's grid, then V light relay
// viewers (werift, no decoding, a child process) on the staff relay. Two steady windows: the meeting alone, then
// the meeting with the relay; Janus CPU from /proc, its traffic from the veth counters, clients from getStats.
// Then an extrapolation to one 2-core instance and to the brief's 80-person meeting with 1,000 relay viewers.
// Env: BENCH_VIDEO_PUBLISHERS (4, at most 8), BENCH_VIDEO_VIEWERS (10), BENCH_VIDEO_WINDOW (seconds, 20).

const envInt = (name: string, fallback: number, max = 10_000) =>
  Math.min(max, Math.max(1, Math.floor(Number(process.env[name])) || fallback));
const publishers = envInt('BENCH_VIDEO_PUBLISHERS', 4, 8);
const viewerCount = envInt('BENCH_VIDEO_VIEWERS', 10, 200);
const windowSec = envInt('BENCH_VIDEO_WINDOW', 20, 600);
// Staff of UBND-LS (invited as an agency) publish; staff of the communes below it watch the relay.
const participants = ['chutich', 'phochutich', 'chanhvanphong', 'vanthu', 'truongphong.vx', 'chuyenvien'];
participants.push('chuyenvien.kt', 'thuky');
const watchers = ['canbo.phuloc', 'chutich.phuloc', 'canbo.hoaan', 'chutich.hoaan', 'canbo.tanphu'];
const mediaFlags = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeout = 60_000,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

if (!janusAvailable() || !hasChromium) {
  console.log('video bench skipped: it needs root, `ip`, /usr/bin/janus and /usr/bin/chromium');
  process.exit(0);
}

// Everything started is ended on the way out, whatever happens (the namespace also on a signal or a crash).
let net: JanusNet | undefined;
let server: E2eServer | undefined;
let browser: Browser | undefined;
let viewersChild: ChildProcess | undefined;
process.on('exit', () => {
  viewersChild?.kill('SIGKILL');
  net?.dispose();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** Janus in its namespace, the server with the built web client, and a meeting without a lobby. */
async function setUp() {
  net = createJanusNet();
  server = await startServer({
    config: {
      janus: {
        mode: 'auto',
        urls: [],
        bin: net.janusBin,
        host: net.innerIp,
        iceInterfaces: net.iface,
        rtpPortRange: '20000-20900',
        streamingPortRange: '21000-21100',
      },
    },
  });
  const auth = new Authenticator();
  const host = await apiSession(server, auth, participants[0]!);
  await until(
    'Janus',
    async () => (await host.get<{ available: boolean }>('/api/video/status')).body.available,
  );
  const ls = await agencyByCode(host, 'UBND-LS');
  const created = await host.send<{ id: string }>('POST', '/api/video-meetings', {
    agencyId: ls.id,
    title: 'Video load benchmark',
    startsAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + 3600_000).toISOString(),
    lobby: false,
    invitees: [{ kind: 'agency', id: ls.id }],
  });
  if (created.status !== 200 && created.status !== 201)
    throw new Error(`meeting: ${JSON.stringify(created.body)}`);
  const sessions: Session[] = [];
  for (const username of participants.slice(0, publishers))
    sessions.push({ ...(sessions.length ? await apiSession(server, auth, username) : host), username });
  const viewerCookies: string[] = [];
  for (const u of watchers.slice(0, viewerCount))
    viewerCookies.push((await apiSession(server, auth, u)).cookie);
  return { meetingId: created.body.id, sessions, viewerCookies };
}

/** A publisher's page: the room through the real UI (join with camera and microphone). */
async function join(session: Session, meetingId: string): Promise<Page> {
  const context = await newContext(browser!, server!.url);
  await context.addCookies([
    { name: 'cd_session', value: session.cookie.replace(/^cd_session=/, ''), url: server!.url },
  ]);
  const page = await context.newPage();
  try {
    await page.goto(`/meetings/${meetingId}/room`, { timeout: 60_000 });
    await page.getByTestId('join-meeting').click({ timeout: 60_000 });
    await page.getByTestId('meeting-room').waitFor({ timeout: 60_000 });
  } catch (err) {
    const text = (
      (await page
        .locator('body')
        .textContent()
        .catch(() => '')) ?? ''
    ).slice(0, 300);
    throw new Error(
      `publisher ${session.username} could not join: ${String(err).split('\n')[0]} (page: ${text})`,
    );
  }
  return page;
}

/** The relay viewers' process; resolves once they all receive video (or it gives up). */
async function startViewers(meetingId: string, cookies: string[]) {
  const script = path.join(import.meta.dirname, 'video-viewers.ts');
  const args = { wsUrl: server!.url.replace(/^http:\/\/localhost/, 'ws://127.0.0.1'), meetingId, cookies };
  const child = spawn(
    process.execPath,
    [
      '--experimental-websocket',
      '--no-warnings',
      '--import',
      'tsx',
      script,
      JSON.stringify({ ...args, count: viewerCount }),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  viewersChild = child;
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((o: Record<string, unknown>) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(JSON.parse(l) as Record<string, unknown>));
  const next = () => new Promise<Record<string, unknown>>((resolve) => waiting.push(resolve));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w({ exited: code });
  });
  const ready = (await next()) as { connected?: number };
  if (ready.connected === undefined) throw new Error(`relay viewers failed: ${JSON.stringify(ready)}`);
  const mark = async () => {
    const reply = next();
    child.stdin!.write('mark\n');
    return (await reply) as unknown as ViewerMark;
  };
  return { child, connected: ready.connected, mark };
}
type ViewerMark = { at: number; bytes: number[]; packets: number[] };

type Session = ApiSession & { username: string };

const janusVersion = () => {
  try {
    return execFileSync('dpkg-query', ['-W', `-f=\${Version}`, 'janus']).toString();
  } catch {
    return 'unknown';
  }
};

type Sample = {
  at: number;
  janus: number;
  server: number;
  browser: number;
  viewers: number;
  net: NetCount;
  pages: PageStats[];
  relay?: ViewerMark;
};

/** One reading of everything the windows compare. */
async function sample(janus: number, pages: Page[], mark?: () => Promise<ViewerMark>): Promise<Sample> {
  const viewerTree = viewersChild?.pid ? [viewersChild.pid, ...descendants(viewersChild.pid)] : [];
  const others = descendants(process.pid).filter((p) => p !== janus && !viewerTree.includes(p));
  const cpu = process.cpuUsage();
  const [relay, ...stats] = await Promise.all([mark?.(), ...pages.map(pageStats)]);
  return {
    at: Date.now(),
    janus: cpuSeconds(janus),
    server: (cpu.user + cpu.system) / 1e6,
    browser: others.reduce((s, p) => s + cpuSeconds(p), 0),
    viewers: viewerTree.reduce((s, p) => s + cpuSeconds(p), 0),
    net: janusBytes(janus, net!.iface),
    pages: stats as PageStats[],
    relay: relay as ViewerMark | undefined,
  };
}

async function steadyWindow(janus: number, pages: Page[], mark?: () => Promise<ViewerMark>): Promise<Window> {
  await sleep(5_000); // settle: simulcast layers and bandwidth estimates ramp up
  const a = await sample(janus, pages, mark);
  await sleep(windowSec * 1000);
  const b = await sample(janus, pages, mark);
  const s = (b.at - a.at) / 1000;
  return {
    seconds: s,
    cores: {
      janus: (b.janus - a.janus) / s,
      server: (b.server - a.server) / s,
      browser: (b.browser - a.browser) / s,
      viewers: (b.viewers - a.viewers) / s,
    },
    janus: {
      rx: b.net.rx - a.net.rx,
      tx: b.net.tx - a.net.tx,
      rxPackets: b.net.rxPackets - a.net.rxPackets,
      txPackets: b.net.txPackets - a.net.txPackets,
    },
    pages: a.pages.map((p, i) => ({ before: p, after: b.pages[i]! })),
    relayBytes: a.relay && b.relay ? b.relay.bytes.map((x, i) => x - a.relay!.bytes[i]!) : [],
    relayPackets: a.relay && b.relay ? b.relay.packets.map((x, i) => x - a.relay!.packets[i]!) : [],
  };
}

/** The LiveClient's own view of a page that does not receive: errors and the subscription's states. */
const clientState = (page: Page) =>
  page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the client's private fields, read for the diagnosis
    const live = (window as any).civicdeskLive;
    const sub = live?.sub as RTCPeerConnection | undefined;
    return {
      error: live?.snapshot.error,
      closed: live?.snapshot.closed,
      streams: live?.streams?.length,
      remote: live?.snapshot.remote.length,
      sub: sub && [sub.signalingState, sub.iceConnectionState, sub.connectionState],
    };
  });

/** Waits until every page receives video from all the others and decodes it; says what it saw if not. */
async function allReceiving(pages: Page[]) {
  let seen = '';
  await until(
    'every page to receive all others',
    async () => {
      const stats = await Promise.all(pages.map(pageStats));
      seen = stats.map((p) => `${p.videoIn} in, ${p.framesDecoded} frames`).join('; ');
      return stats.every((p) => p.videoIn >= pages.length - 1 && p.framesDecoded > 30);
    },
    120_000,
  ).catch(async (err: Error) => {
    const state = await Promise.all(pages.map(clientState));
    throw new Error(`${err.message} (${seen}) ${JSON.stringify(state)}`);
  });
}

async function main() {
  const db = databaseKind();
  const started = Date.now();
  const { meetingId, sessions, viewerCookies } = await setUp();
  const memory = { rssAfterSeedMb: Math.round(process.memoryUsage().rss / 2 ** 20), peakRssMb: 0 };
  browser = await launchBrowser(mediaFlags);
  const pages: Page[] = [];
  for (const s of sessions) pages.push(await join(s, meetingId));
  console.log(`${pages.length} publishers joined; waiting until each decodes the others`);
  await allReceiving(pages);
  const janus = janusPid(net!.iface);
  if (!janus) throw new Error('janus process not found in the namespace');

  console.log(`window 1: the meeting alone (${windowSec} s)`);
  const meetingOnly = await steadyWindow(janus, pages);

  await pages[0]!.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: the host's LiveClient
    (window as any).civicdeskLive.send({ type: 'relay', on: true }),
  );
  await until('relay on', () =>
    // biome-ignore lint/suspicious/noExplicitAny: the host's LiveClient
    pages[0]!.evaluate(() => (window as any).civicdeskLive.snapshot.state?.relay.on as boolean),
  );
  const viewers = await startViewers(meetingId, viewerCookies);
  console.log(`${viewers.connected}/${viewerCount} relay viewers receive video; window 2 (${windowSec} s)`);
  const withRelay = await steadyWindow(janus, pages, viewers.mark);
  memory.peakRssMb = Math.max(memory.rssAfterSeedMb, Math.round(process.memoryUsage().rss / 2 ** 20));

  const figures = windowFigures({
    publishers,
    viewers: viewerCount,
    connected: viewers.connected,
    meetingOnly,
    withRelay,
  });
  report(
    'video',
    db,
    memory,
    {},
    {
      ...figures,
      setupSeconds: Math.round((Date.now() - started) / 1000),
      janus: `janus ${janusVersion()} (Debian package), VideoRoom + Streaming`,
      cores: os.cpus().length,
    },
  );
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  viewersChild?.stdin?.end();
  await sleep(500);
  viewersChild?.kill('SIGKILL');
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
  net?.dispose();
  net = undefined;
}
process.exit();
