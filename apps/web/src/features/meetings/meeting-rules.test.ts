import type { Me } from '@civicdesk/contracts/identity';
import type { VideoMeeting } from '@civicdesk/contracts/meetings';
import { describe, expect, it } from 'vitest';
import {
  canJoin,
  canOpenMeetings,
  canUseMeetings,
  canWatch,
  meetingAgencies,
  timeRange,
} from './meeting-rules.ts';

const at = Date.parse('2025-01-31T10:00:00Z');
const minutes = (n: number) => new Date(at + n * 60_000).toISOString();

function meeting(over: Partial<VideoMeeting> = {}, me: Partial<VideoMeeting['me']> = {}): VideoMeeting {
  return {
    id: 'm',
    agencyId: 'a',
    agencyName: 'A',
    title: 'T',
    description: null,
    startsAt: minutes(30),
    endsAt: minutes(90),
    status: 'scheduled',
    lobby: true,
    hostId: 'h',
    hostName: 'H',
    committeeMeetingId: null,
    bookingId: null,
    relayOn: false,
    ...over,
    me: { host: false, invited: true, canWatchRelay: false, ...me },
  };
}

describe('joining', () => {
  it('opens 15 minutes before the start, for the host and invitees only', () => {
    expect(canJoin(meeting(), at)).toBe(false);
    expect(canJoin(meeting({ startsAt: minutes(15) }), at)).toBe(true);
    expect(canJoin(meeting({ startsAt: minutes(15) }, { invited: false }), at)).toBe(false);
    expect(canJoin(meeting({ startsAt: minutes(15) }, { invited: false, host: true }), at)).toBe(true);
  });

  it('is open while live, closed once ended, cancelled or past its end', () => {
    expect(canJoin(meeting({ status: 'live', startsAt: minutes(-200), endsAt: minutes(-100) }), at)).toBe(
      true,
    );
    expect(canJoin(meeting({ status: 'ended', startsAt: minutes(-5) }), at)).toBe(false);
    expect(canJoin(meeting({ status: 'cancelled', startsAt: minutes(-5) }), at)).toBe(false);
    expect(canJoin(meeting({ startsAt: minutes(-90), endsAt: minutes(-1) }), at)).toBe(false);
  });

  it('offers the relay only while live, relayed and allowed', () => {
    expect(canWatch(meeting({ status: 'live', relayOn: true }, { canWatchRelay: true }))).toBe(true);
    expect(canWatch(meeting({ status: 'live', relayOn: false }, { canWatchRelay: true }))).toBe(false);
    expect(canWatch(meeting({ status: 'live', relayOn: true }))).toBe(false);
    expect(canWatch(meeting({ status: 'ended', relayOn: true }, { canWatchRelay: true }))).toBe(false);
  });
});

describe('who sees meetings', () => {
  const post = (agencyId: string, role: string) =>
    ({ agencyId, agencyName: agencyId, role }) as Me['posts'][number];
  const person = (kind: Me['kind'], posts: Me['posts'] = []) => ({ kind, posts }) as unknown as Me;

  it('lists them for staff; external members open links only; citizens never', () => {
    expect(canUseMeetings(person('staff'))).toBe(true);
    expect(canUseMeetings(person('external'))).toBe(false);
    expect(canOpenMeetings(person('external'))).toBe(true);
    expect(canOpenMeetings(person('citizen'))).toBe(false);
  });

  it('schedules in each agency where the person holds a staff post, once', () => {
    const me = person('staff', [post('a', 'official'), post('a', 'head'), post('b', 'external_member')]);
    expect(meetingAgencies(me)).toEqual([{ value: 'a', label: 'a' }]);
  });
});

describe('time range', () => {
  it('writes the end date only when it differs', () => {
    const vn = timeRange('2025-01-31T02:00:00Z', '2025-01-31T03:30:00Z', 'vn');
    expect(vn).toMatch(/^31\/01\/2025 \d\d:00 – \d\d:30$/);
    const kr = timeRange('2025-01-31T02:00:00Z', '2025-02-03T03:30:00Z', 'kr');
    expect(kr).toMatch(/^2025\. 1\. 31\. \d\d:00 – 2025\. 2\. 3\. \d\d:30$/);
  });
});
