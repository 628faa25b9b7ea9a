import type { Delegation, DelegationCreate, DelegationMark } from '@civicdesk/contracts/org';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type DelegationInput = z.input<typeof DelegationCreate>;
export type Mark = z.infer<typeof DelegationMark>;

const delegationsKey = (agencyId: string) => ['agencies', agencyId, 'delegations'] as const;

export function useDelegations(agencyId: string | null) {
  return useQuery({
    queryKey: delegationsKey(agencyId ?? ''),
    queryFn: ({ signal }) => api<Delegation[]>(`/agencies/${agencyId}/delegations`, { signal }),
    enabled: !!agencyId,
  });
}

export function useCreateDelegation(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DelegationInput) =>
      api<Delegation>(`/agencies/${agencyId}/delegations`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: delegationsKey(agencyId) }),
    meta: { inline: true },
  });
}

export function useRevokeDelegation(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/delegations/${id}/revoke`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: delegationsKey(agencyId) }),
  });
}
