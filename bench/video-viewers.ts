import { createInterface } from 'node:readline';
import { RTCPeerConnection } from 'werift';

// Light relay viewers for bench/video.bench.ts, in a process of their own (so their CPU stays apart from the
// server's): each opens the relay WebSocket with a session cookie, answers the Streaming mountpoint's offer with
// werift (pure TypeScript WebRTC: ICE, DTLS, SRTP, RTCP — no decoding) and counts the RTP it receives.
// Usage: node --experimental-websocket --import tsx bench/video-viewers.ts '<json>' where json is
// { wsUrl, meetingId, cookies: string[], count }. Prints JSON lines: {type:'ready', connected} once every viewer
// receives video (or after 60 s); then, for each line read on stdin, {type:'mark', at, bytes, packets}.

type Args = { wsUrl: string; meetingId: string; cookies: string[]; count: number };
type Sock = {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
};
type SockCtor = new (url: string, init: { headers: Record<string, string> }) => Sock;
type Offer = { type: 'offer'; target: 'relay'; jsep: { type: 'offer'; sdp: string } };

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
// Node 20's WebSocket (undici) takes request headers as a second argument; it needs --experimental-websocket.
const WebSocketCtor = (globalThis as unknown as { WebSocket?: SockCtor }).WebSocket;
if (!WebSocketCtor) throw new Error('run with --experimental-websocket');

const emit = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

class Viewer {
  bytes = 0;
  packets = 0;
  videoPackets = 0;
  private pc = new RTCPeerConnection({ iceUseIpv6: false });
  private ws: Sock;

  constructor(cookie: string) {
    this.ws = new WebSocketCtor!(`${args.wsUrl}/api/video-meetings/${args.meetingId}/live?mode=relay`, {
      headers: { cookie },
    });
    this.ws.onopen = () => this.ws.send(JSON.stringify({ type: 'watch' }));
    this.ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as { type: string };
      if (m.type === 'offer') void this.answer(m as Offer).catch((err) => console.error(String(err)));
    };
    this.pc.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => {
        this.bytes += rtp.payload.length + 12; // RTP header without extensions
        this.packets++;
        if (track.kind === 'video') this.videoPackets++;
      }),
    );
  }

  /** Answers with every candidate in the SDP (no trickle), then ends candidates. */
  private async answer(m: Offer) {
    await this.pc.setRemoteDescription(m.jsep);
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    if (this.pc.iceGatheringState !== 'complete')
      await new Promise<void>((resolve) =>
        this.pc.iceGatheringStateChange.subscribe((s) => s === 'complete' && resolve()),
      );
    const sdp = this.pc.localDescription?.sdp ?? '';
    this.ws.send(JSON.stringify({ type: 'answer', target: 'relay', jsep: { type: 'answer', sdp } }));
    this.ws.send(JSON.stringify({ type: 'trickle', target: 'relay', candidate: null }));
  }

  async close() {
    this.ws.close();
    await this.pc.close().catch(() => {});
  }
}

const viewers: Viewer[] = [];
for (let i = 0; i < args.count; i++) {
  viewers.push(new Viewer(args.cookies[i % args.cookies.length]!));
  await new Promise((r) => setTimeout(r, 150)); // the server answers each watch with a Janus round trip
}
const deadline = Date.now() + 60_000;
while (Date.now() < deadline && viewers.some((v) => v.videoPackets < 30))
  await new Promise((r) => setTimeout(r, 250));
emit({ type: 'ready', connected: viewers.filter((v) => v.videoPackets >= 30).length });

const input = createInterface({ input: process.stdin });
input.on('line', () =>
  emit({
    type: 'mark',
    at: Date.now(),
    bytes: viewers.map((v) => v.bytes),
    packets: viewers.map((v) => v.packets),
  }),
);
input.on('close', async () => {
  await Promise.all(viewers.map((v) => v.close()));
  process.exit(0);
});
