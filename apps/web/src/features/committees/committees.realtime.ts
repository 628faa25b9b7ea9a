import type { QueryClient } from '@tanstack/react-query';
import { committeesKey, meetingKey } from './committees.keys.ts';

// The server pushes { type: 'committees.meeting', meetingId } on attendance, quorum and status changes and
// { type: 'committees.poll', pollId, meetingId, voted, eligible } on every ballot: the open meeting is asked
// again so the quorum bar and the chair's live count move without a reload.

type CommitteesMessage = { type: string; meetingId?: unknown };

/** Handles a committees message; false for any other message. */
export function applyCommitteesMessage(queryClient: QueryClient, message: unknown): boolean {
  const m = message as CommitteesMessage | null;
  if (!m || (m.type !== 'committees.meeting' && m.type !== 'committees.poll')) return false;
  if (typeof m.meetingId === 'string')
    void queryClient.invalidateQueries({ queryKey: meetingKey(m.meetingId) });
  else void queryClient.invalidateQueries({ queryKey: committeesKey });
  return true;
}
