import { describe, expect, it } from 'vitest';
import {
  allAudioLimit,
  diffSubscription,
  entryFor,
  handPositions,
  mayModerate,
  type Publisher,
  planSubscription,
  recentSpeakers,
  substreamFor,
} from './live.policy.ts';

// The rules of a running meeting, as pure functions: last-N subscriptions, simulcast layers, entry and rights.

const pub = (n: number, source: 'camera' | 'screen' = 'camera'): Publisher => ({
  feed: `feed-${n}-${source}`,
  userId: `user-${n}`,
  source,
  streams:
    source === 'camera'
      ? [
          { mid: '0', type: 'audio' },
          { mid: '1', type: 'video' },
        ]
      : [{ mid: '0', type: 'video' }],
});
const room = (n: number) => Array.from({ length: n }, (_, i) => pub(i));
const kinds = (w: { feed: string; type: string }[]) => w.map((x) => `${x.feed}:${x.type}`).sort();

describe('planSubscription', () => {
  it('never subscribes to one’s own feeds', () => {
    const plan = planSubscription({
      self: 'user-0',
      publishers: room(3),
      tiles: [{ feed: 'feed-0-camera', size: 'large' }],
      talkers: [],
    });
    expect(plan.some((w) => w.feed.startsWith('feed-0-'))).toBe(false);
  });

  it('takes video only from tiles on screen, and every microphone in a small room', () => {
    const plan = planSubscription({
      self: 'user-0',
      publishers: room(4),
      tiles: [{ feed: 'feed-2-camera', size: 'small' }],
      talkers: [],
    });
    expect(kinds(plan)).toEqual([
      'feed-1-camera:audio',
      'feed-2-camera:audio',
      'feed-2-camera:video',
      'feed-3-camera:audio',
    ]);
  });

  it('in a large room hears only the visible tiles and the most recent speakers', () => {
    const publishers = room(allAudioLimit + 10);
    const talkers = ['user-30', 'user-20', 'user-21', 'user-22', 'user-23', 'user-24'];
    const plan = planSubscription({
      self: 'user-0',
      publishers,
      tiles: [{ feed: 'feed-5-camera', size: 'medium' }],
      talkers,
    });
    const audio = plan.filter((w) => w.type === 'audio').map((w) => w.feed);
    expect(audio).toContain('feed-5-camera');
    for (const u of talkers.slice(0, recentSpeakers).filter((u) => u !== 'user-30'))
      expect(audio).toContain(`feed-${u.slice(5)}-camera`);
    expect(audio).not.toContain('feed-24-camera');
    expect(audio).toHaveLength(recentSpeakers); // user-30 does not exist: the visible one and three speakers
    expect(plan.filter((w) => w.type === 'video').map((w) => w.feed)).toEqual(['feed-5-camera']);
  });

  it('subscribes to a shared screen like any tile', () => {
    const publishers = [...room(2), pub(1, 'screen')];
    const plan = planSubscription({
      self: 'user-0',
      publishers,
      tiles: [{ feed: 'feed-1-screen', size: 'large' }],
      talkers: [],
    });
    expect(kinds(plan)).toEqual(['feed-1-camera:audio', 'feed-1-screen:video']);
  });
});

describe('diffSubscription', () => {
  it('adds what is wanted and drops what is not, keeping the rest', () => {
    const a = { feed: 'a', mid: '0', type: 'audio' as const };
    const b = { feed: 'b', mid: '1', type: 'video' as const };
    const c = { feed: 'c', mid: '1', type: 'video' as const };
    expect(diffSubscription([a, b], [b, c])).toEqual({ subscribe: [c], unsubscribe: [a] });
    expect(diffSubscription([a], [a])).toEqual({ subscribe: [], unsubscribe: [] });
  });
});

describe('layers, entry, rights, hands', () => {
  it('gives big tiles the full layer and thumbnails the lowest', () => {
    expect([substreamFor('large'), substreamFor('medium'), substreamFor('small')]).toEqual([2, 1, 0]);
  });

  it('lets the host in always, keeps others in the lobby unless admitted or no lobby, and locks everyone else out', () => {
    for (const lobby of [true, false])
      for (const locked of [true, false])
        for (const admitted of [true, false]) {
          expect(entryFor({ host: true, lobby, locked, admitted })).toBe('in');
          const other = entryFor({ host: false, lobby, locked, admitted });
          expect(other).toBe(locked ? 'locked' : admitted || !lobby ? 'in' : 'lobby');
        }
  });

  it('keeps moderation for the host; a participant may lower only their own hand', () => {
    const actions = [
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
    ] as const;
    for (const a of actions) {
      expect(mayModerate(a, { userId: 'h', host: true }, 'x')).toBe(true);
      expect(mayModerate(a, { userId: 'p', host: false }, 'x')).toBe(false);
    }
    expect(mayModerate('lowerHand', { userId: 'p', host: false }, 'p')).toBe(true);
  });

  it('orders raised hands by when they went up', () => {
    const hands = new Map([
      ['b', 20],
      ['a', 10],
      ['c', 30],
    ]);
    expect([...handPositions(hands)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
});
