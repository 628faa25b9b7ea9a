import type { Assign, DeliveryDetail } from '@civicdesk/contracts/dispatch';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { eofficeKey } from '../documents/documents.api.ts';

export type AssignInput = z.input<typeof Assign>;

export const deliveryKey = (id: string) => [...eofficeKey, 'delivery', id] as const;

export function useDelivery(id: string | undefined) {
  return useQuery({
    queryKey: deliveryKey(id ?? ''),
    queryFn: ({ signal }) => api<DeliveryDetail>(`/deliveries/${id}`, { signal }),
    enabled: !!id,
    staleTime: 0,
  });
}

type Bodies = {
  receive: undefined;
  return: { reason: string };
  forward: { toAgencyId: string; reason: string };
  distribute: { unitId: string };
  assign: AssignInput;
  close: { resultNote: string };
  circulate: { userIds: string[] };
  'complete-task': { report: string };
};
export type DeliveryCommand = keyof Bodies;

/** One step of the reception pipeline (tiếp nhận → phân phối → giao xử lý → xử lý; 접수 → 배부 → 처리 → 공람). */
export function useDeliveryCommand<C extends DeliveryCommand>(id: string, command: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Bodies[C]) =>
      api<unknown>(`/deliveries/${id}/${command}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eofficeKey }),
    meta: { inline: true },
  });
}
