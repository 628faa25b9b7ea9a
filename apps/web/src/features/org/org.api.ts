import type {
  Agency,
  AgencyCreate,
  AgencyUpdate,
  Position,
  PositionCreate,
  Tier,
  Unit,
  UnitCreate,
  UnitUpdate,
} from '@civicdesk/contracts/org';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type AgencyInput = z.input<typeof AgencyCreate>;
export type AgencyPatch = z.input<typeof AgencyUpdate>;
export type UnitInput = z.input<typeof UnitCreate>;
export type UnitPatch = z.input<typeof UnitUpdate>;
export type PositionInput = z.input<typeof PositionCreate>;

export const agenciesKey = ['agencies'] as const;
const unitsKey = (agencyId: string) => ['agencies', agencyId, 'units'] as const;
const positionsKey = (agencyId: string) => ['agencies', agencyId, 'positions'] as const;

export function useTiers() {
  return useQuery({
    queryKey: ['tiers'],
    queryFn: ({ signal }) => api<Tier[]>('/tiers', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useAgencies() {
  return useQuery({ queryKey: agenciesKey, queryFn: ({ signal }) => api<Agency[]>('/agencies', { signal }) });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyInput) => api<Agency>('/agencies', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesKey }),
    meta: { inline: true },
  });
}

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: AgencyPatch }) =>
      api<Agency>(`/agencies/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesKey }),
  });
}

export function useUnits(agencyId: string | undefined) {
  return useQuery({
    queryKey: unitsKey(agencyId ?? ''),
    queryFn: ({ signal }) => api<Unit[]>(`/agencies/${agencyId}/units`, { signal }),
    enabled: !!agencyId,
  });
}

export function useCreateUnit(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitInput) => api<Unit>(`/agencies/${agencyId}/units`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey(agencyId) }),
    meta: { inline: true },
  });
}

export function useUpdateUnit(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UnitPatch }) =>
      api<Unit>(`/units/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey(agencyId) }),
  });
}

export function usePositions(agencyId: string | undefined) {
  return useQuery({
    queryKey: positionsKey(agencyId ?? ''),
    queryFn: ({ signal }) => api<Position[]>(`/agencies/${agencyId}/positions`, { signal }),
    enabled: !!agencyId,
  });
}

export function useCreatePosition(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PositionInput) =>
      api<Position>(`/agencies/${agencyId}/positions`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: positionsKey(agencyId) }),
    meta: { inline: true },
  });
}
