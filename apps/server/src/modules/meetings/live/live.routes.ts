import { ClientMessage, type ServerMessage } from '@civicdesk/contracts/meetings';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { type App, type Deps, requestCtx } from '../../../platform/http/types.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import type { Gateway } from '../../../platform/janus/gateway.ts';
import { meetingAccess } from '../meetings.access.ts';
import { videoMeetings } from '../meetings.tables.ts';
import { type Conn, LiveError } from './live.types.ts';
import { LiveRoom } from './room.ts';
import * as store from './store.ts';

// The live channel: one WebSocket per browser window at /api/video-meetings/:id/live (?mode=relay for the staff relay).
// Every message is validated; the meeting's room is opened on the first join and lives in this process.

type Rooms = Map<string, Promise<LiveRoom>>;

async function roomFor(
  rooms: Rooms,
  ctx: Ctx,
  deps: Deps & { gateway: Gateway },
  meetingId: string,
): Promise<LiveRoom> {
  let room = rooms.get(meetingId);
  if (!room) {
    const instance = deps.gateway.primary();
    if (!instance) throw new LiveError('meetings.video_unavailable');
    room = (async () => {
      const [m] = await ctx.db.select().from(videoMeetings).where(eq(videoMeetings.id, meetingId));
      const live = await LiveRoom.open(
        { id: m!.id, agencyId: m!.agencyId, title: m!.title, lobby: m!.lobby, hostId: m!.hostId },
        instance,
        {
          db: deps.database.db,
          hub: deps.hub,
          gateway: deps.gateway,
          dataDir: deps.config.dataDir,
          log: ctx.log,
        },
      );
      live.onClosed = () => rooms.delete(meetingId);
      await store.setStatus(ctx, { action: 'meetings.started', agencyId: m!.agencyId, meetingId }, 'live');
      return live;
    })();
    rooms.set(meetingId, room);
    room.catch(() => rooms.delete(meetingId));
  }
  return room;
}

function parse(raw: Buffer): ClientMessage | null {
  try {
    const msg = ClientMessage.safeParse(JSON.parse(raw.toString('utf8')));
    return msg.success ? msg.data : null;
  } catch {
    return null;
  }
}

/** The room this socket may use: refused (LiveError) unless invited, or, for the relay, allowed to watch it. */
async function openFor(
  at: { ctx: Ctx & { actor: Actor }; meetingId: string; relay: boolean },
  rooms: Rooms,
  deps: Deps & { gateway: Gateway },
) {
  const access = await meetingAccess(at.ctx, at.ctx.actor, at.meetingId).catch(() => {
    throw new LiveError('error.not_found');
  });
  if (access.status === 'cancelled') throw new LiveError('meetings.cancelled');
  if (at.relay ? !access.canWatchRelay : !access.invited) throw new LiveError('meetings.not_invited');
  if (at.relay && !rooms.has(at.meetingId)) throw new LiveError('meetings.relay_off');
  return roomFor(rooms, at.ctx, deps, at.meetingId);
}

/** Registers the live channel; returns what ends every running meeting when the server stops. */
export function liveRoutes(app: App, deps: Deps & { gateway: Gateway }): { endAll(): Promise<void> } {
  const rooms: Rooms = new Map();
  deps.gateway.onLost((instance) => {
    for (const pending of rooms.values())
      void pending.then((r) => r.instance === instance && r.lost()).catch(() => {});
  });

  app.get(
    '/api/video-meetings/:id/live',
    {
      websocket: true,
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ mode: z.enum(['meeting', 'relay']).default('meeting') }),
      },
    },
    async (socket, req) => {
      if (!req.actor || req.sessionStage !== 'full') return socket.close(4401, 'unauthorized');
      const ctx = requestCtx(req);
      const send = (m: ServerMessage) => socket.readyState === 1 && socket.send(JSON.stringify(m));
      const fail = (key: string) => send({ type: 'error', code: key, message: translate(req.locale, key) });
      const conn: Conn = {
        actor: req.actor,
        ip: req.ip,
        locale: req.locale,
        send,
        close(reason) {
          send({ type: 'closed', reason });
          socket.close(4000, reason);
        },
      };
      // Listen at once (a browser speaks as soon as the socket opens); messages wait in line behind the
      // access check and the room's opening, in order.
      let room: LiveRoom | undefined;
      let chain: Promise<unknown> = openFor(
        { ctx: { ...ctx, actor: req.actor }, meetingId: req.params.id, relay: req.query.mode === 'relay' },
        rooms,
        deps,
      ).then(
        (r) => {
          room = r;
        },
        (err) => {
          if (!(err instanceof LiveError))
            req.log.warn({ err: String(err) }, 'meetings: room could not open');
          fail(err instanceof LiveError ? err.key : 'meetings.video_unavailable');
          socket.close(4403, 'refused');
        },
      );
      socket.on('message', (raw: Buffer) => {
        chain = chain.then(async () => {
          if (!room) return;
          const msg = parse(raw);
          if (!msg) return fail('meetings.bad_message');
          if (req.query.mode === 'relay' && !['watch', 'answer', 'trickle'].includes(msg.type))
            return fail('meetings.viewer_only');
          try {
            await room.handle(conn, msg);
          } catch (err) {
            if (err instanceof LiveError) return fail(err.key);
            req.log.warn({ err: String(err), type: msg.type }, 'meetings: live message failed');
            fail('meetings.media_failed');
          }
        });
      });
      socket.on('close', () => {
        chain = chain.then(() => room?.leave(conn)).catch(() => {});
      });
    },
  );
  return {
    async endAll() {
      for (const pending of [...rooms.values()])
        await (await pending.catch(() => null))?.end(null).catch(() => {});
    },
  };
}
