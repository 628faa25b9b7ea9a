import type {
  ChatMessage,
  ClientMessage,
  LiveState,
  Reaction,
  ServerMessage,
  Source,
  SubscribedStream,
  TileSize,
} from '@civicdesk/contracts/meetings';

// The browser side of a meeting: one WebSocket to CivicDesk (never to Janus), a publishing PeerConnection per
// source (camera with three simulcast layers, screen), and one subscribing PeerConnection whose streams the
// server keeps in line with the tiles this window shows. Components read `snapshot` through useLive().

export type RemoteFeed = { feed: string; userId: string; source: Source; stream: MediaStream };
export type Quality = 'good' | 'fair' | 'poor';
export type Closed = Extract<ServerMessage, { type: 'closed' }>['reason'] | 'network';

export type Snapshot = {
  connected: boolean;
  closed: Closed | null;
  error: string | null;
  state: LiveState | null;
  chat: ChatMessage[];
  talking: ReadonlySet<string>;
  reactions: { id: number; userId: string; reaction: Reaction }[];
  remote: RemoteFeed[];
  local: MediaStream | null;
  screen: MediaStream | null;
  audio: boolean;
  video: boolean;
  quality: Quality;
  /** The relay viewer's stream. */
  relay: MediaStream | null;
};

const simulcast: RTCRtpEncodingParameters[] = [
  { rid: 'h', active: true, maxBitrate: 900_000 },
  { rid: 'm', active: true, maxBitrate: 300_000, scaleResolutionDownBy: 2 },
  { rid: 'l', active: true, maxBitrate: 100_000, scaleResolutionDownBy: 4 },
];

const toCandidate = (c: RTCIceCandidate | null) =>
  c ? { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex } : null;

export class LiveClient {
  snapshot: Snapshot = {
    connected: false,
    closed: null,
    error: null,
    state: null,
    chat: [],
    talking: new Set(),
    reactions: [],
    remote: [],
    local: null,
    screen: null,
    audio: false,
    video: false,
    quality: 'good',
    relay: null,
  };
  private listeners = new Set<() => void>();
  private ws: WebSocket | undefined;
  private pubs = new Map<Source, RTCPeerConnection>();
  private sub: RTCPeerConnection | undefined;
  private tracks = new Map<string, MediaStreamTrack>();
  private feedStreams = new Map<string, MediaStream>();
  private streams: SubscribedStream[] = [];
  private lastView = '';
  private qualityTimer: number | undefined;
  private reactionId = 0;

  constructor(
    private meetingId: string,
    private mode: 'meeting' | 'relay',
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<Snapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  connect() {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(
      `${proto}://${location.host}/api/video-meetings/${this.meetingId}/live?mode=${this.mode}`,
    );
    this.ws = ws;
    ws.onopen = () => {
      this.set({ connected: true });
      this.send(this.mode === 'relay' ? { type: 'watch' } : { type: 'join' });
    };
    ws.onmessage = (e) => void this.onMessage(JSON.parse(String(e.data)) as ServerMessage);
    ws.onclose = () => {
      this.set({ connected: false, closed: this.snapshot.closed ?? 'network' });
      this.teardown();
    };
    if (this.mode === 'meeting') this.qualityTimer = window.setInterval(() => void this.measure(), 3000);
  }

  send(msg: ClientMessage) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  private async onMessage(m: ServerMessage) {
    switch (m.type) {
      case 'state':
        return this.set({ state: m.state, error: null });
      case 'answer':
        return this.pubs.get(m.target)?.setRemoteDescription(m.jsep);
      case 'offer':
        if (m.fresh) this.resetSubscription();
        return this.answer(m.target, m.jsep);
      case 'streams':
        this.streams = m.streams;
        return this.rebuildRemote();
      case 'talking': {
        const talking = new Set(this.snapshot.talking);
        if (m.talking) talking.add(m.userId);
        else talking.delete(m.userId);
        return this.set({ talking });
      }
      case 'chatHistory':
        return this.set({ chat: m.messages });
      case 'chat':
        return this.set({ chat: [...this.snapshot.chat, m.message] });
      case 'reaction': {
        const r = { id: ++this.reactionId, userId: m.userId, reaction: m.reaction };
        this.set({ reactions: [...this.snapshot.reactions, r] });
        window.setTimeout(
          () => this.set({ reactions: this.snapshot.reactions.filter((x) => x.id !== r.id) }),
          4000,
        );
        return;
      }
      case 'forceMute':
        return this.setMedia(
          m.kind === 'audio' ? false : this.snapshot.audio,
          m.kind === 'video' ? false : this.snapshot.video,
          false,
        );
      case 'slowLink':
        return this.set({ quality: 'poor' });
      case 'closed':
        return this.set({ closed: m.reason });
      case 'error':
        return this.set({ error: m.message });
    }
  }

  // ---- publishing ----

  async publishCamera(stream: MediaStream, audio: boolean, video: boolean) {
    this.set({ local: stream });
    const pc = this.newPc('camera');
    const [a] = stream.getAudioTracks();
    const [v] = stream.getVideoTracks();
    if (a) pc.addTransceiver(a, { direction: 'sendonly', streams: [stream] });
    if (v) pc.addTransceiver(v, { direction: 'sendonly', streams: [stream], sendEncodings: simulcast });
    if (a) a.enabled = audio;
    if (v) v.enabled = video;
    this.set({ audio: audio && !!a, video: video && !!v });
    await this.offer('camera', pc, audio && !!a, video && !!v);
  }

  async shareScreen() {
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const [track] = screen.getVideoTracks();
    if (!track) return;
    track.onended = () => void this.stopScreen();
    this.set({ screen });
    const pc = this.newPc('screen');
    pc.addTransceiver(track, { direction: 'sendonly', streams: [screen] });
    await this.offer('screen', pc, false, true);
  }

  async stopScreen() {
    for (const t of this.snapshot.screen?.getTracks() ?? []) t.stop();
    this.pubs.get('screen')?.close();
    this.pubs.delete('screen');
    this.set({ screen: null });
    this.send({ type: 'unpublish', source: 'screen' });
  }

  private newPc(target: Source) {
    this.pubs.get(target)?.close();
    const pc = new RTCPeerConnection();
    pc.onicecandidate = (e) => this.send({ type: 'trickle', target, candidate: toCandidate(e.candidate) });
    this.pubs.set(target, pc);
    return pc;
  }

  private async offer(source: Source, pc: RTCPeerConnection, audio: boolean, video: boolean) {
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send({ type: 'publish', source, jsep: { type: 'offer', sdp: offer.sdp ?? '' }, audio, video });
  }

  /** Turns the own microphone or camera on or off (the tracks stay; a host's mute is lifted by turning on). */
  setMedia(audio: boolean, video: boolean, tell = true) {
    for (const t of this.snapshot.local?.getAudioTracks() ?? []) t.enabled = audio;
    for (const t of this.snapshot.local?.getVideoTracks() ?? []) t.enabled = video;
    this.set({ audio, video });
    if (tell) this.send({ type: 'media', audio, video });
  }

  // ---- subscribing ----

  /** The tiles on screen: the server subscribes to exactly these (and sets each one's simulcast layer). */
  setView(tiles: { feed: string; size: TileSize }[]) {
    const key = JSON.stringify(tiles);
    if (key === this.lastView) return;
    this.lastView = key;
    this.send({ type: 'view', tiles });
  }

  private async answer(target: 'subscriber' | 'relay', jsep: RTCSessionDescriptionInit) {
    if (!this.sub) {
      const pc = new RTCPeerConnection();
      pc.onicecandidate = (e) => this.send({ type: 'trickle', target, candidate: toCandidate(e.candidate) });
      pc.ontrack = (e) => {
        const mid = e.transceiver.mid;
        if (mid) this.tracks.set(mid, e.track);
        if (target === 'relay') {
          const relay = this.snapshot.relay ?? new MediaStream();
          relay.addTrack(e.track);
          this.set({ relay: new MediaStream(relay.getTracks()) });
        } else this.rebuildRemote();
      };
      this.sub = pc;
    }
    await this.sub.setRemoteDescription(jsep);
    const answer = await this.sub.createAnswer();
    await this.sub.setLocalDescription(answer);
    this.send({ type: 'answer', target, jsep: { type: 'answer', sdp: answer.sdp ?? '' } });
  }

  /** The server started the subscription over: the old connection and its tracks are gone. */
  private resetSubscription() {
    this.sub?.close();
    this.sub = undefined;
    this.tracks.clear();
  }

  /** One stable MediaStream per remote feed (a tile keeps its element), holding that feed's current tracks. */
  private rebuildRemote() {
    const byFeed = new Map<string, RemoteFeed>();
    for (const s of this.streams) {
      const track = this.tracks.get(s.mid);
      if (!track) continue;
      const stream = this.feedStreams.get(s.feed) ?? new MediaStream();
      this.feedStreams.set(s.feed, stream);
      for (const old of stream.getTracks())
        if (old.kind === track.kind && old !== track) stream.removeTrack(old);
      if (!stream.getTracks().includes(track)) stream.addTrack(track);
      byFeed.set(s.feed, { feed: s.feed, userId: s.userId, source: s.source, stream });
    }
    for (const feed of this.feedStreams.keys()) if (!byFeed.has(feed)) this.feedStreams.delete(feed);
    this.set({ remote: [...byFeed.values()] });
  }

  /** Connection quality from the subscription's loss and round-trip time; the host sees everyone's. */
  private async measure() {
    const pc = this.sub ?? this.pubs.get('camera');
    if (!pc) return;
    let lost = 0;
    let received = 0;
    let rtt = 0;
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'inbound-rtp') {
        lost += s.packetsLost ?? 0;
        received += s.packetsReceived ?? 0;
      }
      if (s.type === 'candidate-pair' && s.nominated) rtt = s.currentRoundTripTime ?? rtt;
    });
    const loss = received + lost > 0 ? lost / (received + lost) : 0;
    const quality: Quality = loss > 0.08 || rtt > 0.5 ? 'poor' : loss > 0.02 || rtt > 0.25 ? 'fair' : 'good';
    if (quality !== this.snapshot.quality) {
      this.set({ quality });
      this.send({ type: 'quality', level: quality });
    }
  }

  /** Decoded video frames of the subscription or the relay (used by tests and the connection panel). */
  async framesDecoded(): Promise<number> {
    let frames = 0;
    (await this.sub?.getStats())?.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0;
    });
    return frames;
  }

  private teardown() {
    window.clearInterval(this.qualityTimer);
    for (const pc of this.pubs.values()) pc.close();
    this.pubs.clear();
    this.sub?.close();
    this.sub = undefined;
    for (const t of [
      ...(this.snapshot.local?.getTracks() ?? []),
      ...(this.snapshot.screen?.getTracks() ?? []),
    ])
      t.stop();
  }

  close() {
    this.ws?.close();
    this.teardown();
  }
}
