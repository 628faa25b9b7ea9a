import type { AuditEntry, AuditVerifyReport } from '@civicdesk/contracts/audit';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type AuditFilter = { agencyId?: string; action?: string; actor?: string; from?: string; to?: string };
export type VerifyReport = z.infer<typeof AuditVerifyReport>;

const pageSize = 50;

/** Newest first; each further page continues before the oldest entry shown (id cursor). */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) =>
      api<{ items: AuditEntry[] }>('/audit', {
        query: { ...filter, before: pageParam, limit: pageSize },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < pageSize ? undefined : last.items.at(-1)?.id),
  });
}

export function useVerifyChain() {
  return useMutation({
    mutationFn: () => api<VerifyReport>('/audit/verify'),
    meta: { inline: true },
  });
}
