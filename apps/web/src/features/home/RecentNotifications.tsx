import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { NotificationList } from '../notifications/NotificationList.tsx';
import { useMarkRead, useNotifications } from '../notifications/notifications.api.ts';

export function RecentNotifications() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;
  return (
    <SectionCard title={t('home.notificationsTitle')} id="home-notifications">
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <div style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 8, overflow: 'hidden' }}>
          <NotificationList items={list.data.items.slice(0, 5)} />
        </div>
      )}
      {unread > 0 && (
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" onClick={() => markRead.mutate('all')}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
