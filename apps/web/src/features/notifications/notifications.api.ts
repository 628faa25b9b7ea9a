import type { Notification } from '@civicdesk/contracts/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../lib/api.ts';

export type NotificationList = { items: Notification[]; unread: number };

export const notificationsKey = ['notifications'] as const;
export const countersKey = ['counters'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => api<NotificationList>('/notifications', { signal }),
    staleTime: 60_000,
  });
}

function patchList(list: NotificationList | undefined, id: string | 'all'): NotificationList | undefined {
  if (!list) return list;
  const items = list.items.map((n) => (id === 'all' || n.id === id ? { ...n, read: true } : n));
  const wasUnread = id !== 'all' && list.items.some((n) => n.id === id && !n.read);
  return { items, unread: id === 'all' ? 0 : Math.max(0, list.unread - (wasUnread ? 1 : 0)) };
}

/** Marks one notification (or all) read at once in the UI, and on the server behind it. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      api<unknown>(
        id === 'all' ? '/notifications/read-all' : `/notifications/${encodeURIComponent(id)}/read`,
        {
          method: 'POST',
        },
      ),
    onMutate: (id) => {
      queryClient.setQueryData<NotificationList>(notificationsKey, (list) => patchList(list, id));
    },
    onError: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/** Adds a pushed notification to the cached list (newest first, no duplicates). */
export function addNotification(
  list: NotificationList | undefined,
  n: Notification,
): NotificationList | undefined {
  if (!list) return list;
  if (list.items.some((x) => x.id === n.id)) return list;
  return { items: [n, ...list.items], unread: list.unread + (n.read ? 0 : 1) };
}

/** The text of a notification from its kind and parameters; kinds this client does not know read generically. */
export function notificationText(t: TFunction, n: Notification): string {
  const key = `notifications.kinds.${n.kind}`;
  return t(key, { ...n.params, defaultValue: t('notifications.generic') });
}
