import type {
  Choice,
  ItemInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingUpdate,
  MinutesInfo,
} from '@civicdesk/contracts/committees';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../lib/api.ts';
import { sendForm } from '../signatures/signatures.api.ts';
import { committeesKey, meetingKey, meetingsKey, minutesKey } from './committees.keys.ts';
import { rememberReceipt } from './receipts.ts';

export type MeetingForm = z.input<typeof MeetingInput>;
export type ItemForm = z.input<typeof ItemInput>;
export type Minutes = z.infer<typeof MinutesInfo>;
export type VoteChoice = z.infer<typeof Choice>;

/** An external member who has not signed the security pledge is refused every meeting read. */
export const pledgeRequired = 'committees.pledge_required';
export const needsPledge = (error: unknown) =>
  error instanceof ApiError && (error.key === pledgeRequired || error.code === pledgeRequired);

export function useMeetings(committeeId: string | undefined) {
  return useQuery({
    queryKey: meetingsKey(committeeId ?? ''),
    queryFn: ({ signal }) => api<Meeting[]>(`/committees/${committeeId}/meetings`, { signal }),
    enabled: !!committeeId,
    staleTime: 0,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKey(id ?? ''),
    queryFn: ({ signal }) => api<MeetingDetail>(`/meetings/${id}`, { signal }),
    enabled: !!id,
    staleTime: 0,
    // Realtime messages refresh quorum and counts at once; this only catches a dropped connection.
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 20_000 : false),
  });
}

/** Any change in a meeting: its detail and the committee's lists are asked again. */
function useMeetingChange<T, R = unknown>(fn: (input: T) => Promise<R>, inline = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: committeesKey }),
    meta: { inline },
  });
}

export const useCreateMeeting = (committeeId: string) =>
  useMeetingChange(
    (body: MeetingForm) => api<Meeting>(`/committees/${committeeId}/meetings`, { method: 'POST', body }),
    true,
  );

export const useUpdateMeeting = (id: string) =>
  useMeetingChange(
    (body: z.input<typeof MeetingUpdate>) => api<Meeting>(`/meetings/${id}`, { method: 'PATCH', body }),
    true,
  );

export const useSaveItem = (meetingId: string) =>
  useMeetingChange(
    ({ itemId, ...body }: ItemForm & { itemId?: string }) =>
      itemId
        ? api<unknown>(`/meetings/${meetingId}/items/${itemId}`, { method: 'PATCH', body })
        : api<unknown>(`/meetings/${meetingId}/items`, { method: 'POST', body }),
    true,
  );

export const useDeleteItem = (meetingId: string) =>
  useMeetingChange((itemId: string) =>
    api<unknown>(`/meetings/${meetingId}/items/${itemId}`, { method: 'DELETE' }),
  );

export const useUploadMaterial = (meetingId: string) =>
  useMeetingChange(({ itemId, file }: { itemId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendForm<unknown>(`/meetings/${meetingId}/items/${itemId}/materials`, form);
  });

export const materialUrl = (materialId: string) => `/api/materials/${materialId}`;

type Step = 'notice' | 'open' | 'close' | 'written/close';

/** Notice, open, close (and close a written deliberation early): the server checks the order and quorum. */
export const useMeetingStep = (meetingId: string) =>
  useMeetingChange((step: Step) => api<unknown>(`/meetings/${meetingId}/${step}`, { method: 'POST' }), true);

export const useRsvp = (meetingId: string) =>
  useMeetingChange((response: 'attending' | 'absent') =>
    api<unknown>(`/meetings/${meetingId}/rsvp`, { method: 'POST', body: { response } }),
  );

export const useCheckIn = (meetingId: string) =>
  useMeetingChange((body: { memberId?: string; present: boolean }) =>
    api<unknown>(`/meetings/${meetingId}/check-in`, { method: 'POST', body }),
  );

export const useConflict = (meetingId: string) =>
  useMeetingChange(
    ({ itemId, reason }: { itemId: string; reason: string | null }) =>
      api<unknown>(`/meetings/${meetingId}/items/${itemId}/conflict`, {
        method: reason === null ? 'DELETE' : 'POST',
        body: reason === null ? undefined : { reason },
      }),
    true,
  );

export const useOpenPoll = (meetingId: string) =>
  useMeetingChange(({ itemId, secret }: { itemId: string; secret: boolean }) =>
    api<unknown>(`/meetings/${meetingId}/items/${itemId}/polls`, { method: 'POST', body: { secret } }),
  );

export const useVote = (pollId: string) =>
  useMeetingChange(async (body: { choice: VoteChoice; reason?: string }) => {
    const r = await api<{ receipt: string | null }>(`/polls/${pollId}/vote`, { method: 'POST', body });
    if (r?.receipt) rememberReceipt(pollId, r.receipt);
    return r;
  }, true);

export const useClosePoll = (pollId: string) =>
  useMeetingChange(() => api<unknown>(`/polls/${pollId}/close`, { method: 'POST' }));

// Minutes: drafted by the secretary, confirmed by attendees, signed by the chair (with a fresh step-up).

export function useMinutes(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: minutesKey(meetingId),
    queryFn: ({ signal }) => api<Minutes>(`/meetings/${meetingId}/minutes`, { signal }),
    enabled,
    staleTime: 0,
  });
}

export const useSaveMinutes = (meetingId: string) =>
  useMeetingChange(
    (summaryHtml: string) =>
      api<Minutes>(`/meetings/${meetingId}/minutes`, { method: 'PUT', body: { summaryHtml } }),
    true,
  );

export const useMinutesStep = (meetingId: string) =>
  useMeetingChange(
    (step: 'circulate' | 'confirm' | 'sign') =>
      api<unknown>(`/meetings/${meetingId}/minutes/${step}`, { method: 'POST' }),
    true,
  );

export const minutesPdfUrl = (meetingId: string, publicCopy = false) =>
  `/api/meetings/${meetingId}/minutes/${publicCopy ? 'public.pdf' : 'pdf'}`;
