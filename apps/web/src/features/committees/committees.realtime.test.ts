import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { meetingKey } from './committees.keys.ts';
import { applyCommitteesMessage } from './committees.realtime.ts';

describe('committees realtime messages', () => {
  it('marks the meeting stale on meeting and poll messages, and ignores others', () => {
    const client = new QueryClient();
    client.setQueryData(meetingKey('m1'), { id: 'm1' });
    client.setQueryData(meetingKey('m2'), { id: 'm2' });
    expect(applyCommitteesMessage(client, { type: 'counters', counters: {} })).toBe(false);
    expect(client.getQueryState(meetingKey('m1'))?.isInvalidated).toBe(false);

    expect(
      applyCommitteesMessage(client, { type: 'committees.poll', pollId: 'p', meetingId: 'm1', voted: 3 }),
    ).toBe(true);
    expect(client.getQueryState(meetingKey('m1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(meetingKey('m2'))?.isInvalidated).toBe(false);

    expect(applyCommitteesMessage(client, { type: 'committees.meeting', meetingId: 'm2' })).toBe(true);
    expect(client.getQueryState(meetingKey('m2'))?.isInvalidated).toBe(true);
  });
});
