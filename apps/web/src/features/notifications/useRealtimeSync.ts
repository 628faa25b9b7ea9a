import type { Notification } from '@civicdesk/contracts/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { i18n } from '../../lib/i18n/i18n.ts';
import { connectRealtime } from '../../lib/realtime.ts';
import { toast } from '../../ui/toast.ts';
import { meKey } from '../auth/auth.api.ts';
import { committeesKey } from '../committees/committees.keys.ts';
import { applyCommitteesMessage } from '../committees/committees.realtime.ts';
import { eofficeKey } from '../documents/documents.api.ts';
import {
  addNotification,
  countersKey,
  type NotificationList,
  notificationsKey,
  notificationText,
} from './notifications.api.ts';

/** Keeps notifications and counters live while the app is open; a revoked session goes back to sign-in. */
export function useRealtimeSync() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    const connection = connectRealtime({
      onOpen: (reconnected) => {
        // Messages sent while we were away are not replayed: ask for the current state.
        if (reconnected) void queryClient.invalidateQueries({ queryKey: notificationsKey });
        if (reconnected) void queryClient.invalidateQueries({ queryKey: committeesKey });
        if (reconnected) void queryClient.invalidateQueries({ queryKey: eofficeKey });
      },
      onMessage: (message) => {
        switch (message.type) {
          case 'notification': {
            const n: Notification = message.notification;
            queryClient.setQueryData<NotificationList>(notificationsKey, (list) => addNotification(list, n));
            toast(notificationText(i18n.t, n));
            // A change of the person's own posts shows at once in the shell and on the home page.
            if (n.kind === 'org.post_added') void queryClient.invalidateQueries({ queryKey: meKey });
            break;
          }
          case 'counters':
            queryClient.setQueryData<Record<string, number>>(countersKey, (c) => ({
              ...c,
              ...message.counters,
            }));
            break;
          case 'inbox.changed':
            // Someone's action changed what waits for this person: the counters (and the open lists) refetch.
            void queryClient.invalidateQueries({ queryKey: eofficeKey });
            break;
          case 'session.revoked':
            connection.close();
            toast(i18n.t('auth.sessionEnded'), 'warning');
            void Promise.resolve(navigate('/login', { replace: true })).then(() => queryClient.clear());
            break;
          default:
            applyCommitteesMessage(queryClient, message);
            break;
        }
      },
    });
    return () => connection.close();
  }, [queryClient, navigate]);
}
