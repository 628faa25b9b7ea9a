import type { TileSize } from '@civicdesk/contracts/meetings';

// The pure rules of a running meeting: what each participant's one multistream subscription carries (last-N:
// only the tiles on screen; audio from everyone in small rooms, from the visible and recent speakers in large
// ones), which simulcast layer a tile of a given size gets, and who may do what.

export type PublishedStream = { mid: string; type: 'audio' | 'video' | 'data' };
export type Publisher = {
  feed: string;
  userId: string;
  source: 'camera' | 'screen';
  streams: PublishedStream[];
};
export type Wanted = { feed: string; mid: string; type: 'audio' | 'video' };

/** Up to this many publishers every participant hears every microphone; above it, last-N audio. */
export const allAudioLimit = 16;
/** How many recent speakers stay audible in a large room besides the visible tiles. */
export const recentSpeakers = 4;

export function planSubscription(input: {
  self: string;
  publishers: Publisher[];
  tiles: { feed: string; size: TileSize }[];
  /** Most recent first. */
  talkers: string[];
}): Wanted[] {
  const { self, publishers, tiles, talkers } = input;
  const others = publishers.filter((p) => p.userId !== self);
  const visible = new Set(tiles.map((t) => t.feed));
  const audible = new Set(talkers.slice(0, recentSpeakers));
  const allAudio = others.length <= allAudioLimit;
  const wanted: Wanted[] = [];
  for (const p of others) {
    for (const s of p.streams) {
      if (s.type === 'video' && visible.has(p.feed)) wanted.push({ feed: p.feed, mid: s.mid, type: 'video' });
      if (s.type === 'audio' && (allAudio || visible.has(p.feed) || audible.has(p.userId)))
        wanted.push({ feed: p.feed, mid: s.mid, type: 'audio' });
    }
  }
  return wanted;
}

export const wantedKey = (w: { feed: string; mid: string }) => `${w.feed}/${w.mid}`;

/** What to add and drop to go from the current subscription to the wanted one. */
export function diffSubscription(current: Wanted[], wanted: Wanted[]) {
  const have = new Map(current.map((w) => [wantedKey(w), w]));
  const want = new Map(wanted.map((w) => [wantedKey(w), w]));
  return {
    subscribe: [...want.values()].filter((w) => !have.has(wantedKey(w))),
    unsubscribe: [...have.values()].filter((w) => !want.has(wantedKey(w))),
  };
}

/** Simulcast layer by tile size: the speaker's big tile gets the full layer, thumbnails the lowest. */
export function substreamFor(size: TileSize): 0 | 1 | 2 {
  return size === 'large' ? 2 : size === 'medium' ? 1 : 0;
}

export type Action =
  | 'admit'
  | 'refuse'
  | 'mute'
  | 'muteAll'
  | 'remove'
  | 'lowerHand'
  | 'lock'
  | 'handOver'
  | 'relay'
  | 'record'
  | 'end';

/** Moderation belongs to the host; a participant may only lower their own hand. */
export function mayModerate(action: Action, actor: { userId: string; host: boolean }, targetUserId?: string) {
  if (actor.host) return true;
  return action === 'lowerHand' && targetUserId === actor.userId;
}

/** Who enters at once and who waits: the host always enters; with a lobby everyone else waits to be admitted. */
export function entryFor(input: { host: boolean; lobby: boolean; locked: boolean; admitted: boolean }) {
  if (input.host) return 'in' as const;
  if (input.locked) return 'locked' as const;
  if (input.admitted || !input.lobby) return 'in' as const;
  return 'lobby' as const;
}

/** The raised-hand queue: positions by the time each hand went up. */
export function handPositions(hands: Map<string, number>): Map<string, number> {
  const order = [...hands.entries()].sort((a, b) => a[1] - b[1]);
  return new Map(order.map(([userId], i) => [userId, i + 1]));
}
