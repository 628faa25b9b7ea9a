import type {
  AttendanceEntry,
  Invitee,
  VideoMeeting,
  VideoMeetingDetail,
  VideoMeetingInput,
  VideoMeetingUpdate,
  VideoStatus,
} from '@civicdesk/contracts/meetings';
import type { Booking, Resource } from '@civicdesk/contracts/rooms';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { joinLeadMs } from './meeting-rules.ts';

export type MeetingWhen = 'live' | 'upcoming' | 'past';
export type Attendance = z.infer<typeof AttendanceEntry>;
export type MeetingInvitee = z.infer<typeof Invitee>;
export type MeetingPatch = z.input<typeof VideoMeetingUpdate>;
export type { VideoMeetingInput };

/** Every query of the meetings screens lives under this key: a change refreshes what it touches. */
export const meetingsRootKey = ['video-meetings'] as const;
const listKey = (when: MeetingWhen) => ['video-meetings', 'list', when] as const;
export const meetingKey = (id: string) => ['video-meetings', 'meeting', id] as const;
const attendanceKey = (id: string) => ['video-meetings', 'meeting', id, 'attendance'] as const;

/** The API's video meetings (the committees module owns /api/meetings). */
const base = '/video-meetings';
/** The API path of one video meeting (HTTP and the recording files). */
export const meetingPath = (id: string) => `${base}/${id}`;

/** The playable file of a recording (video/webm, served with Range support). */
export const recordingUrl = (meetingId: string, recordingId: string) =>
  `/api${meetingPath(meetingId)}/recordings/${recordingId}/file`;

export function useVideoStatus() {
  return useQuery({
    queryKey: ['video-status'],
    queryFn: ({ signal }) => api<VideoStatus>('/video/status', { signal }),
    staleTime: 60_000,
  });
}

export function useMeetingList(when: MeetingWhen) {
  return useQuery({
    queryKey: listKey(when),
    queryFn: ({ signal }) => api<VideoMeeting[]>(base, { query: { when }, signal }),
    staleTime: 0,
    // Meetings start and end by the clock: the lists follow without a reload.
    refetchInterval: 60_000,
  });
}

export function useVideoMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKey(id ?? ''),
    queryFn: ({ signal }) => api<VideoMeetingDetail>(meetingPath(id!), { signal }),
    enabled: !!id,
    staleTime: 0,
    // The meeting starts, ends and gets its recordings processed on its own: ask again while any of it is due.
    refetchInterval: (q) => {
      const m = q.state.data;
      if (!m) return false;
      if (m.status === 'live' || m.recordings.some((r) => r.status === 'processing')) return 15_000;
      const soon = new Date(m.startsAt).getTime() - Date.now() < joinLeadMs;
      return m.status === 'scheduled' && soon ? 30_000 : false;
    },
  });
}

export function useAttendance(id: string, enabled: boolean) {
  return useQuery({
    queryKey: attendanceKey(id),
    queryFn: ({ signal }) => api<Attendance[]>(`${meetingPath(id)}/attendance`, { signal }),
    enabled,
    staleTime: 0,
  });
}

/** Rooms and seats of an agency that can be booked for a meeting. */
export function useBookableResources(agencyId: string | null) {
  return useQuery({
    queryKey: ['rooms', 'resources', agencyId ?? ''],
    queryFn: ({ signal }) => api<Resource[]>('/rooms/resources', { query: { agencyId }, signal }),
    enabled: !!agencyId,
  });
}

/** The room booked for a meeting, found among the caller's own bookings (the host booked it). */
export function useMeetingBooking(meeting: VideoMeeting) {
  const enabled = !!meeting.bookingId && meeting.me.host && meeting.status !== 'cancelled';
  return useQuery({
    queryKey: ['rooms', 'bookings', 'mine', meeting.startsAt],
    queryFn: ({ signal }) =>
      api<Booking[]>('/rooms/bookings/mine', { query: { from: meeting.startsAt }, signal }),
    enabled,
    select: (bookings) => bookings.find((b) => b.id === meeting.bookingId) ?? null,
  });
}

function useMeetingChange<T>(fn: (input: T) => Promise<VideoMeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m) => {
      queryClient.setQueryData(meetingKey(m.id), m);
      return queryClient.invalidateQueries({ queryKey: meetingsRootKey });
    },
    meta: { inline: true },
  });
}

export const useCreateMeeting = () =>
  useMeetingChange((body: VideoMeetingInput) => api<VideoMeetingDetail>(base, { method: 'POST', body }));

export const useUpdateMeeting = (id: string) =>
  useMeetingChange((body: MeetingPatch) =>
    api<VideoMeetingDetail>(meetingPath(id), { method: 'PATCH', body }),
  );

export const useCancelMeeting = (id: string) =>
  useMeetingChange(() => api<VideoMeetingDetail>(`${meetingPath(id)}/cancel`, { method: 'POST' }));

/** Opens (or finds) the video room of an online committee meeting. */
export const useCommitteeVideo = () =>
  useMeetingChange((committeeMeetingId: string) =>
    api<VideoMeetingDetail>(`/committee-meetings/${committeeMeetingId}/video`, { method: 'POST' }),
  );
