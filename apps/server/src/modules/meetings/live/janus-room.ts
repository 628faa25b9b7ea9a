import { randomBytes } from 'node:crypto';
import type { Handle } from 'janode';
import type { JanusInstance } from '../../../platform/janus/gateway.ts';

// One meeting's VideoRoom on Janus, through a manager handle that holds the room's secret: creation with the
// settings the meeting needs, moderation of a publisher's media line, recording on and off, RTP forwarding (locked
// to the admin key) for the relay, and destruction.

export class JanusRoom {
  private secret = randomBytes(18).toString('base64url');

  private constructor(
    readonly id: string,
    private handle: Handle,
    private adminKey: string,
  ) {}

  static async create(
    instance: JanusInstance,
    o: { id: string; title: string; adminKey: string; recDir: string },
  ): Promise<JanusRoom> {
    const handle = await instance.attachVideoRoom();
    const room = new JanusRoom(o.id, handle, o.adminKey);
    await handle.create({
      room: o.id,
      description: o.title.slice(0, 100),
      max_publishers: 200,
      secret: room.secret,
      admin_key: o.adminKey,
      // Talking events drive the active speaker; a keyframe every 5 s lets relay viewers recover fast.
      talking_events: true,
      talking_level_threshold: 30,
      talking_packets_threshold: 50,
      fir_freq: 5,
      notify_joining: false,
      videocodec: 'vp8',
      audiocodec: 'opus',
      is_private: true,
      rec_dir: o.recDir,
    });
    return room;
  }

  private request(body: Record<string, unknown>) {
    return this.handle.message({ room: this.id, secret: this.secret, ...body });
  }

  /** Blocks (or lifts the block on) one media line of a publisher. */
  moderate(feed: string, mid: string, mute: boolean) {
    return this.request({ request: 'moderate', id: feed, mid, mute });
  }

  record(on: boolean) {
    return this.request({ request: 'enable_recording', record: on });
  }

  /** rtp_forward / stop_rtp_forward with the admin key the plugin locks them to. */
  forward(body: Record<string, unknown>) {
    return this.request({ ...body, admin_key: this.adminKey });
  }

  async destroy() {
    await this.request({ request: 'destroy' }).catch(() => {});
    await this.handle.detach().catch(() => {});
  }
}
