import type { ClientMessage, ServerMessage } from '@civicdesk/contracts/meetings';
import type { Db } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import type { Gateway } from '../../../platform/janus/gateway.ts';
import type { Hub } from '../../../platform/realtime/hub.ts';
import type { Action } from './live.policy.ts';

// The shapes a running meeting works with: a browser window's connection, the meeting, what the room needs, and
// the refusals it answers with (a translated message key).

export type Conn = {
  actor: Actor;
  ip: string;
  locale: Locale;
  send(m: ServerMessage): void;
  close(reason: Extract<ServerMessage, { type: 'closed' }>['reason']): void;
};

export type MeetingInfo = { id: string; agencyId: string; title: string; lobby: boolean; hostId: string };
export type RoomDeps = { db: Db; hub: Hub; gateway: Gateway; dataDir: string; log: Ctx['log'] };

/** The context a meeting's writes run in: the person whose window acted (or none), at this moment. */
export function liveCtx(deps: RoomDeps, conn: Conn | null): Ctx {
  return {
    db: deps.db,
    actor: conn?.actor ?? null,
    ip: conn?.ip ?? '',
    now: new Date(),
    locale: conn?.locale ?? 'en',
    log: deps.log,
    hub: deps.hub,
  };
}

export class LiveError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

const moderation = new Set<string>([
  'admit',
  'refuse',
  'mute',
  'muteAll',
  'remove',
  'lowerHand',
  'lock',
  'handOver',
  'relay',
  'record',
  'end',
]);
export function isModeration(msg: ClientMessage): msg is Extract<ClientMessage, { type: Action }> {
  return moderation.has(msg.type);
}
