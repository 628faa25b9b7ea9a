import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createJanusNet, type JanusNet, janusAvailable } from '@civicdesk/server/test/janus-netns.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  hasChromium,
  launchBrowser,
  newContext,
  type Page,
  screenshot,
} from './support/browser.ts';
import {
  type ApiSession,
  Authenticator,
  agencyByCode,
  apiSession,
  failureScreenshot,
  personByUsername,
  signInThroughForm,
} from './support/journeys.ts';
import { type E2eServer, startServer } from './support/server.ts';

// A video meeting with real media: Janus runs in a network namespace of the test's own (it never offers loopback
// candidates) and Chromium uses fake camera and microphone with mDNS hiding off. The host and an invitee see each
// other (decoded frames), a shared screen reaches the host, the host's mute stops the invitee's audio at Janus,
// a staff member watches the relay, and a recording becomes a playable file on the meeting.

const enabled = hasChromium && janusAvailable();
const mediaFlags = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
  '--auto-select-desktop-capture-source=Entire screen',
];

type Live = { framesDecoded(): Promise<number> };
const frames = (page: Page) =>
  page.evaluate(() => (window as unknown as { civicdeskLive?: Live }).civicdeskLive?.framesDecoded() ?? 0);
/** Audio bytes this page received from the others (inbound RTP). */
const audioIn = (page: Page) =>
  page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the client's private peer connection, read for the test
    const sub = (window as any).civicdeskLive?.sub as RTCPeerConnection | undefined;
    let bytes = 0;
    (await sub?.getStats())?.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += s.bytesReceived ?? 0;
    });
    return bytes;
  });
/** The first truthy value `fn` gives within `timeout`. */
async function until<T>(fn: () => Promise<T | undefined | false>, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 250));
  }
}
const growing = async (read: () => Promise<number>, timeout = 25_000) => {
  const start = await read();
  await until(async () => (await read()) > start + 10, timeout);
};

describe.runIf(enabled)('video meeting on Janus', () => {
  let net: JanusNet;
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const auth = new Authenticator();
  let host: ApiSession;
  let meetingId: string;

  async function open(username: string, url: string, phone = false) {
    const context = await newContext(browser, server.url, { phone });
    contexts.push(context);
    const page = await context.newPage();
    await signInThroughForm(page, auth, username);
    await page.goto(url);
    return page;
  }

  beforeAll(async () => {
    net = createJanusNet();
    server = await startServer({
      config: {
        janus: {
          mode: 'auto',
          urls: [],
          bin: net.janusBin,
          host: net.innerIp,
          iceInterfaces: net.iface,
          rtpPortRange: '20000-20400',
          streamingPortRange: '21000-21100',
        },
      },
    });
    browser = await launchBrowser(mediaFlags);
    host = await apiSession(server, auth, 'chutich');
    await until(
      async () => (await host.get<{ available: boolean }>('/api/video/status')).body.available,
      20_000,
    );
    const ls = await agencyByCode(host, 'UBND-LS');
    const invitee = await personByUsername(host, ls.id, 'chuyenvien');
    const created = await host.send<{ id: string }>('POST', '/api/video-meetings', {
      agencyId: ls.id,
      title: 'Họp giao ban trực tuyến',
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      invitees: [{ kind: 'user', id: invitee.id }],
    });
    meetingId = created.body.id;
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    net?.dispose();
  });

  it('two people see and hear each other; screen, mute, relay and recording work', async () => {
    try {
      const chair = await open('chutich', `/meetings/${meetingId}/room`);
      await chair.getByTestId('join-meeting').click();
      await chair.getByTestId('meeting-room').waitFor();

      // The invitee joins from a phone.
      const official = await open('chuyenvien', `/meetings/${meetingId}/room`, true);
      await official.getByTestId('prejoin-preview').waitFor();
      await screenshot(official, 'video-meeting-prejoin-phone');
      await official.getByTestId('join-meeting').click();
      await official.getByTestId('lobby-wait').waitFor();
      await openPanel(chair);
      await chair.getByTestId('lobby-tab').click();
      await chair.getByTestId('admit').click();
      await official.getByTestId('meeting-room').waitFor();
      await screenshot(chair, 'video-meeting-host');

      // Each side decodes the other's camera and hears the other's microphone.
      await growing(() => frames(chair));
      await growing(() => frames(official));
      await screenshot(official, 'video-meeting-phone');
      await growing(() => audioIn(chair));

      // The invitee shares a screen: a screen tile reaches the host.
      await official.getByTestId('toggle-screen').click();
      await chair.locator('[data-testid="meeting-tile"][data-feed$="-screen"]').waitFor({ timeout: 20_000 });
      await growing(() => frames(chair));

      // The host mutes the invitee: their microphone shows off and Janus stops relaying their audio.
      await chair.getByTestId('people-tab').click();
      await chair.getByTestId('participant-actions').click();
      await chair.getByTestId('mute-participant').click();
      await official.locator('[data-testid="toggle-mic"][data-on="false"]').waitFor();
      await new Promise((r) => setTimeout(r, 1500));
      const before = await audioIn(chair);
      await new Promise((r) => setTimeout(r, 2500));
      expect((await audioIn(chair)) - before).toBeLessThan(2000);

      // The staff relay: a commune official watches the speaker view.
      await chair.getByTestId('host-menu').click();
      await chair.getByTestId('host-relay').click();
      await chair.getByTestId('relay-badge').waitFor();
      const viewer = await open('canbo.phuloc', `/meetings/${meetingId}/live`);
      await viewer.getByTestId('relay-video').waitFor({ state: 'visible', timeout: 20_000 });
      await growing(() => frames(viewer));
      await until(async () => ((await chair.getByTestId('relay-badge').textContent()) ?? '').includes('1'));
      await screenshot(viewer, 'video-meeting-relay');

      // Recording: a few seconds, then the meeting ends and the file is processed.
      await chair.getByTestId('host-menu').click();
      await chair.getByTestId('host-record').click();
      await chair.getByTestId('recording-badge').waitFor();
      await new Promise((r) => setTimeout(r, 5000));
      await chair.getByTestId('host-menu').click();
      await chair.getByTestId('host-end').click();
      await official.getByTestId('meeting-closed').waitFor();
      type Rec = { id: string; status: string };
      const ready = await until(async () => {
        const m = await host.get<{ recordings: Rec[] }>(`/api/video-meetings/${meetingId}`);
        const r = m.body.recordings[0];
        return r && r.status !== 'processing' ? r : undefined;
      }, 90_000);
      expect(ready.status).toBe('ready');
      const file = await server.app.inject({
        method: 'GET',
        url: `/api/video-meetings/${meetingId}/recordings/${ready.id}/file`,
        headers: { cookie: host.cookie },
      });
      expect(file.headers['content-type']).toBe('video/webm');
      const out = path.join(tmpdir(), `civicdesk-recording-${ready.id}.webm`);
      writeFileSync(out, file.rawPayload);
      const probe = execFileSync('ffprobe', [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type',
        '-of',
        'csv=p=0',
        out,
      ]).toString();
      expect(probe).toContain('video');
      expect(probe).toContain('audio');
    } catch (err) {
      for (const [i, c] of contexts.entries()) await failureScreenshot(c.pages()[0], `video-meeting-${i}`);
      throw err;
    }
  }, 240_000);
});

async function openPanel(page: Page) {
  if (!(await page.getByTestId('lobby-tab').isVisible())) await page.getByTestId('panel-toggle').click();
}
