import type {
  Availability,
  Booking,
  BookingInput,
  Resource,
  ResourceInput,
  ResourceUpdate,
} from '@civicdesk/contracts/rooms';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const roomsKey = ['rooms'] as const;
const resourcesKey = (includeInactive: boolean) => [...roomsKey, 'resources', includeInactive] as const;
const availabilityKey = (id: string, from: string, to: string) =>
  [...roomsKey, 'availability', id, from, to] as const;
const mineKey = [...roomsKey, 'mine'] as const;

export function useResources(includeInactive: boolean) {
  return useQuery({
    queryKey: resourcesKey(includeInactive),
    queryFn: ({ signal }) =>
      api<Resource[]>('/rooms/resources', { signal, query: { includeInactive: String(includeInactive) } }),
  });
}

/** The day (or range) of every listed resource, one request each. */
export function useAvailabilities(ids: string[], range: { from: string; to: string }) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: availabilityKey(id, range.from, range.to),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<Availability>(`/rooms/resources/${id}/availability`, { signal, query: range }),
    })),
  });
}

export function useMyBookings() {
  return useQuery({
    queryKey: mineKey,
    queryFn: ({ signal }) => api<Booking[]>('/rooms/bookings/mine', { signal }),
  });
}

function useInvalidateRooms() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: roomsKey });
}

export function useBook(resourceId: string) {
  const invalidate = useInvalidateRooms();
  return useMutation({
    mutationFn: (body: BookingInput) =>
      api<Booking>(`/rooms/resources/${resourceId}/bookings`, { method: 'POST', body }),
    onSuccess: invalidate,
    meta: { inline: true },
  });
}

export function useCancelBooking() {
  const invalidate = useInvalidateRooms();
  return useMutation({
    mutationFn: (id: string) => api<Booking>(`/rooms/bookings/${id}/cancel`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useCreateResource() {
  const invalidate = useInvalidateRooms();
  return useMutation({
    mutationFn: (body: ResourceInput) => api<Resource>('/rooms/resources', { method: 'POST', body }),
    onSuccess: invalidate,
    meta: { inline: true },
  });
}

export function useUpdateResource(id: string) {
  const invalidate = useInvalidateRooms();
  return useMutation({
    mutationFn: (body: ResourceUpdate) => api<Resource>(`/rooms/resources/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
    meta: { inline: true },
  });
}
