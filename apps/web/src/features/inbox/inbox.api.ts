import type { Delivery, InboxCounters, MyDelivery } from '@civicdesk/contracts/dispatch';
import type { DocumentListQuery, DocumentPage } from '@civicdesk/contracts/documents';
import type { Notification } from '@civicdesk/contracts/notifications';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { eofficeKey } from '../documents/documents.api.ts';
import { eofficeCounter } from '../documents/eoffice-access.ts';
import { countersKey, notificationsKey } from '../notifications/notifications.api.ts';

export type Box = z.infer<typeof DocumentListQuery>['box'];
export type DocumentFilters = { q?: string; typeCode?: string; status?: string; from?: string; to?: string };
export type MyDeliveryItem = z.infer<typeof MyDelivery>;
export type DeliveryState = Delivery['state'];

const live = { staleTime: 0 } as const;

export function useInboxCounters() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...eofficeKey, 'counters'],
    queryFn: async ({ signal }) => {
      const c = await api<InboxCounters>('/inbox/counters', { signal });
      // The shell's navigation reads its badges from the realtime counters cache.
      queryClient.setQueryData<Record<string, number>>(countersKey, (old) => ({
        ...old,
        [eofficeCounter]: c.toApprove + c.toReceive + c.toHandle,
      }));
      return c;
    },
    ...live,
  });
}

export function useDocumentBox(box: Box, filters: DocumentFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...eofficeKey, 'documents', box, filters],
    queryFn: ({ pageParam, signal }) =>
      api<z.infer<typeof DocumentPage>>('/documents', {
        query: { box, ...filters, cursor: pageParam, limit: 30 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    ...live,
  });
}

const incomingPage = 50;

export function useIncoming(agencyId: string | undefined, state: DeliveryState) {
  return useInfiniteQuery({
    queryKey: [...eofficeKey, 'incoming', agencyId, state],
    queryFn: ({ pageParam, signal }) =>
      api<Delivery[]>(`/agencies/${agencyId}/incoming`, {
        query: { state, limit: incomingPage, offset: pageParam },
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      last.length === incomingPage ? pages.length * incomingPage : undefined,
    enabled: !!agencyId,
    ...live,
  });
}

export function useMyDeliveries(role: 'handle' | 'information', enabled = true) {
  return useQuery({
    queryKey: [...eofficeKey, 'mine', role],
    queryFn: ({ signal }) => api<MyDeliveryItem[]>('/deliveries/mine', { query: { role }, signal }),
    enabled,
    ...live,
  });
}

/**
 * Keeps the e-office screens live: every new realtime notification (a document to approve, a copy to receive,
 * an assignment) refreshes the counters and the open lists. The shell already puts pushed notifications into
 * the notifications cache; this watches that cache instead of opening a second socket.
 */
export function useEofficeLive() {
  const queryClient = useQueryClient();
  // Mounted on every e-office page, so the navigation badge follows each action taken there.
  useInboxCounters();
  useEffect(() => {
    const newest = () =>
      queryClient.getQueryData<{ items: Notification[] }>(notificationsKey)?.items[0]?.id ?? null;
    let seen = newest();
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryKey[0] !== notificationsKey[0]) return;
      const now = newest();
      if (now === seen) return;
      seen = now;
      void queryClient.invalidateQueries({ queryKey: eofficeKey });
    });
  }, [queryClient]);
}
