import type { Notification } from '@civicdesk/contracts/notifications';
import { Box, Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatRelative } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { notificationText, useMarkRead } from './notifications.api.ts';

type Props = { items: Notification[]; onNavigate?: () => void };

/** Notifications newest first; opening one marks it read and follows its link. */
export function NotificationList({ items, onNavigate }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  if (items.length === 0) return <EmptyState>{t('notifications.empty')}</EmptyState>;

  function open(n: Notification) {
    if (!n.read) markRead.mutate(n.id);
    if (n.link) {
      onNavigate?.();
      void navigate(n.link);
    }
  }

  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <UnstyledButton
            onClick={() => open(n)}
            w="100%"
            px="md"
            py="sm"
            bg={n.read ? undefined : 'civic.0'}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Box
                mt={7}
                w={8}
                h={8}
                style={{ borderRadius: 4, flex: 'none' }}
                bg={n.read ? 'transparent' : 'civic.7'}
                aria-hidden
              />
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={n.read ? 400 : 600}>
                  {!n.read && <VisuallyHidden>{`${t('notifications.unread')}: `}</VisuallyHidden>}
                  {notificationText(t, n)}
                </Text>
                <Text size="xs" c="dimmed" component="time" dateTime={n.createdAt}>
                  {formatRelative(n.createdAt, currentLocale())}
                </Text>
              </div>
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Box>
  );
}
