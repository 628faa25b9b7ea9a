import type { Jsep } from '@civicdesk/contracts/meetings';
import type { Handle } from 'janode';
import type { Gateway, JanusInstance } from '../../../platform/janus/gateway.ts';
import type { Conn } from './live.types.ts';

// The staff relay: the speaker's camera is RTP-forwarded from the meeting's VideoRoom into a Streaming-plugin
// mountpoint on every Janus instance, and viewers are spread over those instances, so the audience never loads
// the meeting itself. When the speaker changes, the forwarders move to the new speaker (same ports).

type Source = { feed: string; audio?: string; video?: string };
type Edge = { instance: JanusInstance; handle: Handle };
type RelayRoom = {
  meeting: { id: string };
  janusRoom: string;
  instance: JanusInstance;
  forward(body: Record<string, unknown>): Promise<unknown>;
  broadcast(): void;
};

export class Relay {
  private edges: Edge[] = [];
  private ports: [number, number] | null = null;
  private forwarding: { feed: string; streamIds: number[] } | null = null;
  private watchers = new Map<Conn, Handle>();
  private next = 0;

  constructor(
    private room: RelayRoom,
    private gateway: Gateway,
    private log: { warn(o: object, m: string): void },
  ) {}

  on() {
    return this.ports !== null;
  }

  viewers() {
    return this.watchers.size;
  }

  get mountpoint() {
    return `relay-${this.room.meeting.id}`;
  }

  async start(source: Source | null): Promise<void> {
    if (this.ports) return;
    this.ports = this.gateway.takeRelayPorts();
    const [audioPort, videoPort] = this.ports;
    for (const instance of this.gateway.instances()) {
      const handle = await instance.attachStreaming();
      await handle.message({
        request: 'create',
        type: 'rtp',
        id: this.mountpoint,
        description: this.mountpoint,
        admin_key: this.gateway.adminKey,
        is_private: true,
        media: [
          { type: 'audio', mid: 'a', port: audioPort, pt: 111, codec: 'opus' },
          { type: 'video', mid: 'v', port: videoPort, pt: 96, codec: 'vp8', bufferkf: true },
        ],
        threads: 2,
      });
      this.edges.push({ instance, handle });
    }
    await this.follow(source);
  }

  /** Points the forwarders at this source (the new speaker), if it is not already the one relayed. */
  async follow(source: Source | null): Promise<void> {
    if (!this.ports || !source || this.forwarding?.feed === source.feed) return;
    try {
      await this.unforward();
      const [audioPort, videoPort] = this.ports;
      const streamIds: number[] = [];
      for (const edge of this.edges) {
        const streams = [
          source.audio ? { mid: source.audio, port: audioPort } : null,
          source.video ? { mid: source.video, port: videoPort, simulcast: true } : null,
        ].filter(Boolean);
        const res = (await this.room.forward({
          request: 'rtp_forward',
          room: this.room.janusRoom,
          publisher_id: source.feed,
          host: edge.instance.host,
          streams,
        })) as { plugindata?: { data?: { forwarders?: { stream_id: number }[] } } };
        streamIds.push(...(res.plugindata?.data?.forwarders ?? []).map((f) => f.stream_id));
      }
      this.forwarding = { feed: source.feed, streamIds };
    } catch (err) {
      this.log.warn({ err: String(err) }, 'meetings: relay forward failed');
    }
  }

  private async unforward() {
    const f = this.forwarding;
    this.forwarding = null;
    if (!f) return;
    for (const stream_id of f.streamIds)
      await this.room
        .forward({ request: 'stop_rtp_forward', room: this.room.janusRoom, publisher_id: f.feed, stream_id })
        .catch(() => {});
  }

  async stop(): Promise<void> {
    if (!this.ports) return;
    for (const conn of [...this.watchers.keys()]) {
      this.leave(conn);
      conn.close('relay_off');
    }
    await this.unforward();
    for (const edge of this.edges) {
      await edge.handle
        .message({ request: 'destroy', id: this.mountpoint, admin_key: this.gateway.adminKey })
        .catch(() => {});
      await edge.handle.detach().catch(() => {});
    }
    this.edges = [];
    this.gateway.releaseRelayPorts(this.ports);
    this.ports = null;
  }

  /** A viewer asks to watch: an offer from the next edge in turn. */
  async watch(conn: Conn): Promise<void> {
    if (!this.ports || this.edges.length === 0) return conn.close('relay_off');
    this.leave(conn);
    const edge = this.edges[this.next++ % this.edges.length]!;
    const handle = await edge.instance.attachStreaming();
    this.watchers.set(conn, handle);
    const res = await handle.watch({ id: this.mountpoint });
    conn.send({ type: 'offer', target: 'relay', jsep: res.jsep as Jsep });
    this.room.broadcast();
  }

  async answer(conn: Conn, jsep: Jsep): Promise<void> {
    await this.watchers.get(conn)?.start({ jsep });
  }

  async trickle(conn: Conn, candidate: unknown): Promise<void> {
    const handle = this.watchers.get(conn);
    if (!handle) return;
    if (candidate) await handle.trickle(candidate);
    else await handle.trickleComplete();
  }

  leave(conn: Conn) {
    const handle = this.watchers.get(conn);
    if (!handle) return;
    this.watchers.delete(conn);
    void handle.detach().catch(() => {});
    this.room.broadcast();
  }

  lost() {
    for (const conn of this.watchers.keys()) conn.close('ended');
    this.watchers.clear();
    if (this.ports) this.gateway.releaseRelayPorts(this.ports);
    this.ports = null;
    this.edges = [];
  }
}
