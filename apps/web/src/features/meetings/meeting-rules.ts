import type { Country } from '@civicdesk/contracts/common';
import type { Me } from '@civicdesk/contracts/identity';
import type { VideoMeeting } from '@civicdesk/contracts/meetings';
import { formatDate, formatDateTime } from '../../lib/format.ts';

// What a person may do with a video meeting, in one place for the list, the detail page and the tests. The server
// decides again on every request; these only choose which buttons to show.

/** Staff only: citizens never, external committee members through their committee pages. */
export const canUseMeetings = (me: Me | undefined) => !!me && me.kind === 'staff';

/** Who may open /meetings/* at all: staff, and external committee members following their committees' links. */
export const canOpenMeetings = (me: Me | undefined) =>
  !!me && (me.kind === 'staff' || me.kind === 'external');

/** The agencies in which the person may schedule a meeting: those where they hold a post (one entry each). */
export function meetingAgencies(me: Me | undefined): { value: string; label: string }[] {
  const seen = new Map<string, { value: string; label: string }>();
  for (const p of me?.posts ?? [])
    if (p.role !== 'citizen' && p.role !== 'external_member' && !seen.has(p.agencyId))
      seen.set(p.agencyId, { value: p.agencyId, label: p.agencyName });
  return [...seen.values()];
}

/** Invitees may join from 15 minutes before the start. */
export const joinLeadMs = 15 * 60_000;

/** Host or invitee, meeting live or starting within 15 minutes (and not over). */
export function canJoin(m: VideoMeeting, now: number = Date.now()): boolean {
  if (!m.me.host && !m.me.invited) return false;
  if (m.status === 'live') return true;
  if (m.status !== 'scheduled') return false;
  return new Date(m.startsAt).getTime() - joinLeadMs <= now && now < new Date(m.endsAt).getTime();
}

export const canWatch = (m: VideoMeeting) => m.status === 'live' && m.relayOn && m.me.canWatchRelay;

export const statusColors: Record<VideoMeeting['status'], string> = {
  scheduled: 'blue',
  live: 'red',
  ended: 'gray',
  cancelled: 'dark',
};

/** "31/01/2025 14:00 – 15:30" (end's date only when it differs). */
export function timeRange(startsAt: string, endsAt: string, country: Country): string {
  const start = formatDateTime(startsAt, country);
  const sameDay = formatDate(startsAt, country) === formatDate(endsAt, country);
  const end = formatDateTime(endsAt, country);
  return `${start} – ${sameDay ? end.slice(formatDate(endsAt, country).length + 1) : end}`;
}

/** Minutes between two instants, rounded, for durations shown in lists. */
export const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000));
