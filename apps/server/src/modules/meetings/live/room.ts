import path from 'node:path';
import type { ClientMessage, LiveState, Source } from '@civicdesk/contracts/meetings';
import type { Ctx } from '../../../platform/http/context.ts';
import type { JanusInstance } from '../../../platform/janus/gateway.ts';
import { JanusRoom } from './janus-room.ts';
import {
  type Action,
  allAudioLimit,
  entryFor,
  handPositions,
  mayModerate,
  type Publisher,
} from './live.policy.ts';
import {
  type Conn,
  isModeration,
  LiveError,
  liveCtx,
  type MeetingInfo,
  type RoomDeps,
} from './live.types.ts';
import { Peer } from './peer.ts';
import { Recorder } from './recorder.ts';
import { Relay } from './relay.ts';
import * as store from './store.ts';

// A running meeting, held in this server's memory: who is in and who waits, raised hands, the active speaker, the
// lock, the relay and the recording, and one Janus room. Every participant's own browser window is a Conn.

type Member = {
  conn: Conn;
  peer: Peer;
  attendanceId: string;
  audio: boolean;
  video: boolean;
  quality: 'good' | 'fair' | 'poor';
};

export class LiveRoom {
  readonly janusRoom: string;
  readonly log: Ctx['log'];
  private members = new Map<string, Member>();
  private lobby = new Map<string, Conn>();
  private admitted = new Set<string>();
  private removed = new Set<string>();
  private hands = new Map<string, number>();
  private recent: string[] = [];
  private speaker: string | null = null;
  private locked = false;
  private janus!: JanusRoom;
  readonly relay: Relay;
  private recorder: Recorder | null = null;
  private emptyTimer: NodeJS.Timeout | undefined;
  onClosed: () => void = () => {};

  private constructor(
    readonly meeting: MeetingInfo,
    readonly instance: JanusInstance,
    private deps: RoomDeps,
  ) {
    this.janusRoom = meeting.id;
    this.log = deps.log;
    this.relay = new Relay(this, deps.gateway, deps.log);
  }

  static async open(meeting: MeetingInfo, instance: JanusInstance, deps: RoomDeps): Promise<LiveRoom> {
    const room = new LiveRoom(meeting, instance, deps);
    room.janus = await JanusRoom.create(instance, {
      id: meeting.id,
      title: meeting.title,
      adminKey: deps.gateway.adminKey,
      recDir: path.join(deps.gateway.recordingsDir, meeting.id),
    });
    return room;
  }

  private audit(action: string, detail?: Record<string, unknown>) {
    return { action, detail, agencyId: this.meeting.agencyId, meetingId: this.meeting.id };
  }

  /** rtp_forward and stop_rtp_forward for the relay. */
  forward(body: Record<string, unknown>) {
    return this.janus.forward(body);
  }

  isHost(userId: string) {
    return this.meeting.hostId === userId;
  }

  // ---- who is in ----

  async join(conn: Conn): Promise<void> {
    const userId = conn.actor.userId;
    clearTimeout(this.emptyTimer);
    if (this.removed.has(userId)) return conn.close('removed');
    const previous = this.members.get(userId)?.conn ?? this.lobby.get(userId);
    if (previous && previous !== conn) {
      await this.leave(previous);
      previous.close('replaced');
    }
    const entry = entryFor({
      host: this.isHost(userId),
      lobby: this.meeting.lobby,
      locked: this.locked,
      admitted: this.admitted.has(userId),
    });
    if (entry === 'locked') return conn.close('locked');
    if (entry === 'lobby') {
      this.lobby.set(userId, conn);
      await store.recordEvent(liveCtx(this.deps, conn), this.audit('meetings.lobby_entered'));
      return this.broadcast();
    }
    await this.enter(conn);
  }

  private async enter(conn: Conn) {
    const userId = conn.actor.userId;
    this.lobby.delete(userId);
    const peer = new Peer(this, userId, conn.actor.displayName, (m) => conn.send(m));
    const attendanceId = await store.markJoined(liveCtx(this.deps, conn), this.audit('meetings.joined'));
    this.members.set(userId, { conn, peer, attendanceId, audio: false, video: false, quality: 'good' });
    conn.send({
      type: 'chatHistory',
      messages: await store.chatHistory(liveCtx(this.deps, conn), this.meeting.id),
    });
    this.broadcast();
    void peer.refresh();
  }

  async leave(conn: Conn): Promise<void> {
    const userId = conn.actor.userId;
    this.relay.leave(conn);
    if (this.lobby.get(userId) === conn) {
      this.lobby.delete(userId);
      return this.broadcast();
    }
    const member = this.members.get(userId);
    if (!member || member.conn !== conn) return;
    this.members.delete(userId);
    this.hands.delete(userId);
    await member.peer.close();
    await store.markLeft(liveCtx(this.deps, conn), member.attendanceId, this.audit('meetings.left'));
    this.publishersChanged();
    if (this.members.size === 0 && this.lobby.size === 0 && this.relay.viewers() === 0)
      this.emptyTimer = setTimeout(() => void this.end(null), 15_000);
  }

  publishers(): Publisher[] {
    return [...this.members.values()].flatMap((m) => m.peer.publications());
  }

  talkers(): string[] {
    return this.recent;
  }

  publishersChanged() {
    for (const m of this.members.values()) void m.peer.refresh();
    void this.relay.follow(this.relaySource());
    this.broadcast();
  }

  onTalking(userId: string, talking: boolean) {
    if (talking) {
      this.recent = [userId, ...this.recent.filter((u) => u !== userId)].slice(0, 8);
      if (this.speaker !== userId) {
        this.speaker = userId;
        void this.relay.follow(this.relaySource());
      }
      // Above the all-audio size, who is audible follows who speaks.
      if (this.publishers().length > allAudioLimit)
        for (const m of this.members.values()) void m.peer.refresh();
    }
    for (const m of this.members.values()) m.conn.send({ type: 'talking', userId, talking });
  }

  onSlowLink(userId: string) {
    this.members.get(userId)?.conn.send({ type: 'slowLink', target: 'subscriber' });
  }

  /** The relay shows the active speaker's camera, else the host's, else anyone's. */
  private relaySource(): { feed: string; audio?: string; video?: string } | null {
    const order = [this.speaker, this.meeting.hostId, ...this.members.keys()].filter(Boolean) as string[];
    for (const userId of order) {
      const mids = this.members.get(userId)?.peer.mids('camera');
      if (mids?.video || mids?.audio) return mids;
    }
    return null;
  }

  // ---- what a participant says ----

  async handle(conn: Conn, msg: ClientMessage): Promise<void> {
    const userId = conn.actor.userId;
    const member = this.members.get(userId);
    if (msg.type === 'join') return this.join(conn);
    if (msg.type === 'watch') return this.relay.watch(conn);
    if (msg.type === 'answer' && msg.target === 'relay') return this.relay.answer(conn, msg.jsep);
    if (msg.type === 'trickle' && msg.target === 'relay') return this.relay.trickle(conn, msg.candidate);
    if (!member || member.conn !== conn) throw new LiveError('meetings.not_in_meeting');
    if (isModeration(msg)) return this.moderate(conn, msg);
    switch (msg.type) {
      case 'publish':
        member.audio = msg.audio;
        member.video = msg.video;
        return member.peer.publish(msg.source, msg.jsep);
      case 'unpublish':
        return member.peer.unpublish(msg.source);
      case 'trickle':
        return member.peer.trickle(msg.target as Source | 'subscriber', msg.candidate);
      case 'answer':
        return member.peer.answer(msg.jsep);
      case 'view':
        return member.peer.setTiles(msg.tiles);
      case 'media':
        return this.selfMedia(member, msg.audio, msg.video);
      case 'quality':
        member.quality = msg.level;
        return this.broadcast();
      case 'chat': {
        const message = await store.saveChat(liveCtx(this.deps, conn), this.audit('meetings.chat'), msg.text);
        for (const m of this.members.values()) m.conn.send({ type: 'chat', message });
        return;
      }
      case 'hand':
        if (msg.raised) this.hands.set(userId, this.hands.get(userId) ?? Date.now());
        else this.hands.delete(userId);
        return this.broadcast();
      case 'react':
        for (const m of this.members.values())
          m.conn.send({ type: 'reaction', userId, reaction: msg.reaction });
        return;
    }
  }

  /** A participant turning their own microphone or camera back on lifts a moderator's block on it. */
  private async selfMedia(member: Member, audio: boolean, video: boolean) {
    const mids = member.peer.mids('camera');
    for (const [kind, on, was] of [
      ['audio', audio, member.audio],
      ['video', video, member.video],
    ] as const) {
      const mid = mids?.[kind];
      if (on && !was && mid) await this.janus.moderate(mids.feed, mid, false);
    }
    member.audio = audio;
    member.video = video;
    this.broadcast();
  }

  private async moderate(conn: Conn, msg: Extract<ClientMessage, { type: Action }>) {
    const actor = { userId: conn.actor.userId, host: this.isHost(conn.actor.userId) };
    const target = 'userId' in msg ? msg.userId : undefined;
    if (!mayModerate(msg.type, actor, target)) throw new LiveError('meetings.host_only');
    const ctx = liveCtx(this.deps, conn);
    switch (msg.type) {
      case 'admit':
      case 'refuse': {
        const waiting = this.lobby.get(msg.userId);
        if (!waiting) throw new LiveError('meetings.not_waiting');
        await store.recordEvent(
          ctx,
          this.audit(`meetings.${msg.type === 'admit' ? 'admitted' : 'refused'}`, { userId: msg.userId }),
        );
        if (msg.type === 'refuse') {
          this.lobby.delete(msg.userId);
          waiting.close('refused');
          return this.broadcast();
        }
        this.admitted.add(msg.userId);
        return this.enter(waiting);
      }
      case 'mute':
        return this.mute(ctx, msg.userId, msg.kind);
      case 'muteAll':
        for (const userId of this.members.keys())
          if (!this.isHost(userId)) await this.mute(ctx, userId, 'audio');
        return;
      case 'remove': {
        const member = this.members.get(msg.userId) ?? null;
        if (!member || this.isHost(msg.userId)) throw new LiveError('meetings.not_in_meeting');
        this.removed.add(msg.userId);
        await store.recordEvent(ctx, this.audit('meetings.removed', { userId: msg.userId }));
        await this.leave(member.conn);
        member.conn.close('removed');
        return;
      }
      case 'lowerHand':
        this.hands.delete(msg.userId);
        return this.broadcast();
      case 'lock':
        this.locked = msg.locked;
        await store.recordEvent(ctx, this.audit(msg.locked ? 'meetings.locked' : 'meetings.unlocked'));
        return this.broadcast();
      case 'handOver':
        if (!this.members.has(msg.userId)) throw new LiveError('meetings.not_in_meeting');
        this.meeting.hostId = msg.userId;
        await store.setHost(ctx, this.audit('meetings.host_handed_over'), msg.userId);
        return this.broadcast();
      case 'relay':
        await (msg.on ? this.relay.start(this.relaySource()) : this.relay.stop());
        await store.setRelay(
          ctx,
          this.audit(msg.on ? 'meetings.relay_started' : 'meetings.relay_stopped'),
          msg.on,
        );
        return this.broadcast();
      case 'record':
        await (msg.on ? this.startRecording(conn) : this.stopRecording());
        return this.broadcast();
      case 'end':
        return this.end(conn);
    }
  }

  private async mute(ctx: Ctx, userId: string, kind: 'audio' | 'video') {
    const member = this.members.get(userId);
    const mids = member?.peer.mids('camera');
    if (!member) throw new LiveError('meetings.not_in_meeting');
    const mid = mids?.[kind];
    if (mid) await this.janus.moderate(mids.feed, mid, true);
    member[kind] = false;
    member.conn.send({ type: 'forceMute', kind });
    await store.recordEvent(ctx, this.audit('meetings.muted', { userId, kind }));
    this.broadcast();
  }

  private async startRecording(conn: Conn) {
    if (this.recorder) return;
    this.recorder = await Recorder.start(liveCtx(this.deps, conn), {
      meeting: this.meeting,
      dataDir: this.deps.dataDir,
      recDir: path.join(this.deps.gateway.recordingsDir, this.meeting.id),
      enable: (record) => this.janus.record(record),
    });
  }

  private async stopRecording() {
    const recorder = this.recorder;
    this.recorder = null;
    await recorder?.stop();
  }

  /** Ends the meeting for everyone: stops relay and recording, closes Janus, marks it ended. */
  async end(conn: Conn | null): Promise<void> {
    clearTimeout(this.emptyTimer);
    const all = [...this.members.values()].map((m) => m.conn);
    for (const c of [...all, ...this.lobby.values()]) {
      await this.leave(c);
      c.close('ended');
    }
    await this.stopRecording().catch((err) =>
      this.deps.log.warn({ err: String(err) }, 'meetings: recording stop failed'),
    );
    await this.relay.stop();
    await this.janus.destroy();
    await store.setStatus(liveCtx(this.deps, conn), this.audit('meetings.ended'), 'ended');
    this.onClosed();
  }

  /** The instance died: everyone's media is gone; tell them so they rejoin once it is back. */
  lost() {
    for (const m of this.members.values()) m.conn.close('ended');
    for (const c of this.lobby.values()) c.close('ended');
    this.relay.lost();
    this.onClosed();
  }

  // ---- what everyone sees ----

  state(userId: string, status: LiveState['me']['status']): LiveState {
    const positions = handPositions(this.hands);
    const host = this.isHost(userId);
    return {
      me: { userId, host, status },
      participants: [...this.members.values()].map((m) => ({
        userId: m.conn.actor.userId,
        displayName: m.conn.actor.displayName,
        host: this.isHost(m.conn.actor.userId),
        feeds: m.peer.feeds(),
        audio: m.audio,
        video: m.video,
        hand: positions.get(m.conn.actor.userId) ?? null,
        quality: m.quality,
      })),
      lobby: host
        ? [...this.lobby.values()].map((c) => ({ userId: c.actor.userId, displayName: c.actor.displayName }))
        : [],
      locked: this.locked,
      relay: { on: this.relay.on(), viewers: this.relay.viewers() },
      recording: this.recorder !== null,
      speaker: this.speaker,
    };
  }

  broadcast() {
    for (const [userId, m] of this.members) m.conn.send({ type: 'state', state: this.state(userId, 'in') });
    for (const [userId, c] of this.lobby) c.send({ type: 'state', state: this.state(userId, 'lobby') });
  }
}
