import { randomBytes } from 'node:crypto';
import type { Jsep, ServerMessage, Source, SubscribedStream, TileSize } from '@civicdesk/contracts/meetings';
import type { Handle } from 'janode';
import type { JanusInstance } from '../../../platform/janus/gateway.ts';
import {
  diffSubscription,
  type PublishedStream,
  type Publisher,
  planSubscription,
  substreamFor,
  type Wanted,
} from './live.policy.ts';

// One participant's media on Janus: a publisher handle per source (camera, screen) and one multistream
// subscriber handle whose streams follow the tiles the browser shows. The browser only ever names its own
// targets ('camera', 'screen', 'subscriber'); Janus handle ids never leave the server.

export type PeerRoom = {
  janusRoom: string;
  instance: JanusInstance;
  publishers(): Publisher[];
  talkers(): string[];
  publishersChanged(): void;
  onTalking(userId: string, talking: boolean): void;
  onSlowLink(userId: string): void;
  log: { warn(o: object, m: string): void };
};

/** `up`: Janus has the publisher's media (webrtcup); only then can anyone subscribe to it. */
type Pub = { handle: Handle; feed: string; streams: PublishedStream[]; up: boolean };
type Sub = { handle: Handle; current: Wanted[]; negotiating: boolean; substreams: Map<string, number> };

export const newFeedId = (source: Source) => `${randomBytes(6).toString('hex')}-${source}`;

export class Peer {
  private pubs = new Map<Source, Pub>();
  private sub: Sub | undefined;
  private tiles: { feed: string; size: TileSize }[] = [];
  private dirty = false;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private failures = 0;
  private fresh = false;

  constructor(
    private room: PeerRoom,
    readonly userId: string,
    readonly displayName: string,
    private send: (m: ServerMessage) => void,
  ) {}

  feeds(): Partial<Record<Source, string>> {
    const out: Partial<Record<Source, string>> = {};
    for (const [source, p] of this.pubs) if (p.up && p.streams.length) out[source] = p.feed;
    return out;
  }

  publications(): Publisher[] {
    return [...this.pubs.entries()]
      .filter(([, p]) => p.up && p.streams.length > 0)
      .map(([source, p]) => ({ feed: p.feed, userId: this.userId, source, streams: p.streams }));
  }

  /** The camera's audio and video mids, for moderation and the relay. */
  mids(source: Source): { feed: string; audio?: string; video?: string } | null {
    const p = this.pubs.get(source);
    if (!p) return null;
    return {
      feed: p.feed,
      audio: p.streams.find((s) => s.type === 'audio')?.mid,
      video: p.streams.find((s) => s.type === 'video')?.mid,
    };
  }

  async publish(source: Source, jsep: Jsep): Promise<void> {
    let pub = this.pubs.get(source);
    if (!pub) {
      const handle = await this.room.instance.attachVideoRoom();
      const created: Pub = { handle, feed: newFeedId(source), streams: [], up: false };
      pub = created;
      this.pubs.set(source, pub);
      const feed = pub.feed;
      handle.on('handle_webrtcup', () => {
        created.up = true;
        this.room.publishersChanged();
      });
      handle.on('handle_hangup', () => {
        created.up = false;
        this.room.publishersChanged();
      });
      handle.on('videoroom_talking', (e: { feed?: string; talking?: boolean }) => {
        if (e.feed === feed && source === 'camera') this.room.onTalking(this.userId, Boolean(e.talking));
      });
      handle.on('handle_slowlink', () => this.room.onSlowLink(this.userId));
      await handle.joinPublisher({ room: this.room.janusRoom, feed, display: `${this.displayName}` });
    }
    const res = await pub.handle.configure({ jsep });
    pub.streams = (
      (res.streams ?? []) as { mid: string; type: PublishedStream['type']; disabled?: boolean }[]
    )
      .filter((s) => !s.disabled)
      .map((s) => ({ mid: String(s.mid), type: s.type }));
    if (this.closed) return;
    this.send({ type: 'answer', target: source, jsep: res.jsep as Jsep });
    // A renegotiation of a running publisher changes its streams at once; a new one waits for webrtcup.
    if (pub.up) this.room.publishersChanged();
  }

  async unpublish(source: Source): Promise<void> {
    const pub = this.pubs.get(source);
    if (!pub) return;
    this.pubs.delete(source);
    await pub.handle.detach().catch(() => {});
    this.room.publishersChanged();
  }

  async trickle(target: Source | 'subscriber', candidate: unknown): Promise<void> {
    const handle = target === 'subscriber' ? this.sub?.handle : this.pubs.get(target)?.handle;
    if (!handle) return;
    if (candidate) await handle.trickle(candidate);
    else await handle.trickleComplete();
  }

  setTiles(tiles: { feed: string; size: TileSize }[]) {
    this.tiles = tiles;
    void this.refresh();
  }

  /** Brings the subscription in line with the tiles, the publishers and who speaks; one negotiation at a time. */
  refresh(): Promise<void> {
    // One at a time: two overlapping refreshes would each join a subscriber handle of their own.
    this.queue = this.queue.then(() => this.update()).catch(() => {});
    return this.queue;
  }

  private async update(): Promise<void> {
    if (this.closed) return;
    if (this.sub?.negotiating) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    const publishers = this.room.publishers();
    // Janus drops the streams of a publisher that left on its own (autoupdate): forget them here too.
    const published = new Set(publishers.map((p) => p.feed));
    if (this.sub) this.sub.current = this.sub.current.filter((w) => published.has(w.feed));
    const wanted = planSubscription({
      self: this.userId,
      publishers,
      tiles: this.tiles,
      talkers: this.room.talkers(),
    });
    try {
      if (!this.sub) {
        if (wanted.length === 0) return;
        await this.join(wanted);
      } else {
        const { subscribe, unsubscribe } = diffSubscription(this.sub.current, wanted);
        if (subscribe.length === 0 && unsubscribe.length === 0) return this.applySubstreams();
        this.sub.negotiating = true;
        // Janus refuses an empty list on either side.
        const list = (ws: Wanted[]) => (ws.length ? ws.map(({ feed, mid }) => ({ feed, mid })) : undefined);
        const res = await this.sub.handle.update({
          subscribe: list(subscribe),
          unsubscribe: list(unsubscribe),
        });
        if (!this.sub) return;
        this.sub.current = wanted;
        this.offer(res);
      }
    } catch (err) {
      this.room.log.warn({ err: String(err), userId: this.userId }, 'meetings: subscription update failed');
      await this.recover();
    }
  }

  /** After a failed join or update, start the subscription over (a few times, a second apart). */
  private async recover() {
    const sub = this.sub;
    this.sub = undefined;
    await sub?.handle.detach().catch(() => {});
    if (this.closed || ++this.failures > 5) return;
    setTimeout(() => void this.refresh(), 1000);
  }

  private async join(wanted: Wanted[]) {
    this.fresh = true;
    const handle = await this.room.instance.attachVideoRoom();
    this.sub = { handle, current: wanted, negotiating: true, substreams: new Map() };
    // Janus renegotiates on its own when a subscribed publisher leaves (autoupdate).
    handle.on('videoroom_updated', (e: { jsep?: Jsep; streams?: unknown[] }) => {
      if (e.jsep) {
        if (this.sub) this.sub.negotiating = true;
        this.offer(e);
      }
    });
    const res = await handle.joinSubscriber({
      room: this.room.janusRoom,
      streams: wanted.map(({ feed, mid }) => ({ feed, mid })),
      autoupdate: true,
      use_msid: false,
    });
    this.offer(res);
  }

  private offer(res: { jsep?: Jsep; streams?: unknown }) {
    if (this.closed) return;
    const byFeed = new Map(this.room.publishers().map((p) => [p.feed, p]));
    const streams = (
      (res.streams ?? []) as { mid: string; type: string; feed_id?: string; active?: boolean }[]
    )
      .filter((s) => s.active !== false && s.feed_id && byFeed.has(s.feed_id) && s.type !== 'data')
      .map(
        (s): SubscribedStream => ({
          mid: String(s.mid),
          feed: s.feed_id!,
          userId: byFeed.get(s.feed_id!)!.userId,
          kind: s.type as 'audio' | 'video',
          source: byFeed.get(s.feed_id!)!.source,
        }),
      );
    this.send({ type: 'streams', streams });
    this.subStreams = streams;
    if (res.jsep) {
      this.send({ type: 'offer', target: 'subscriber', jsep: res.jsep, fresh: this.fresh });
      this.fresh = false;
    } else if (this.sub) this.sub.negotiating = false;
  }

  private subStreams: SubscribedStream[] = [];

  async answer(jsep: Jsep): Promise<void> {
    if (!this.sub) return;
    await this.sub.handle.start({ jsep });
    this.sub.negotiating = false;
    this.failures = 0;
    await this.applySubstreams();
    if (this.dirty) await this.refresh();
  }

  /** Sets each visible video's simulcast layer from its tile size (no renegotiation). */
  private async applySubstreams() {
    if (!this.sub) return;
    const size = new Map(this.tiles.map((t) => [t.feed, t.size]));
    const changes: { mid: string; substream: number }[] = [];
    for (const s of this.subStreams) {
      if (s.kind !== 'video') continue;
      const layer = substreamFor(size.get(s.feed) ?? 'small');
      if (this.sub.substreams.get(s.mid) !== layer) changes.push({ mid: s.mid, substream: layer });
    }
    if (changes.length === 0) return;
    await this.sub.handle.message({ request: 'configure', streams: changes });
    for (const c of changes) this.sub.substreams.set(c.mid, c.substream);
  }

  async close(): Promise<void> {
    this.closed = true;
    const handles = [...[...this.pubs.values()].map((p) => p.handle), this.sub?.handle].filter(
      Boolean,
    ) as Handle[];
    this.pubs.clear();
    this.sub = undefined;
    await Promise.all(handles.map((h) => h.detach().catch(() => {})));
  }
}
