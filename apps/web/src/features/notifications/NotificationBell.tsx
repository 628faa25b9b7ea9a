import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Popover,
  ScrollArea,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconBell from '@tabler/icons-react/dist/esm/icons/IconBell.mjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { NotificationList } from './NotificationList.tsx';
import { useMarkRead, useNotifications } from './notifications.api.ts';

/** The bell in the header: unread count, and the latest notifications in a dropdown. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const list = useNotifications();
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;

  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="dark"
          size={40}
          radius="xl"
          onClick={toggle}
          aria-expanded={opened}
          aria-haspopup="dialog"
          data-testid="notification-bell"
          pos="relative"
        >
          <IconBell size={22} stroke={1.7} aria-hidden />
          <VisuallyHidden>
            {unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell')}
          </VisuallyHidden>
          {unread > 0 && (
            <Badge
              data-testid="unread-badge"
              color="red.8"
              size="xs"
              radius="xl"
              px={5}
              pos="absolute"
              top={3}
              right={1}
              style={{ pointerEvents: 'none', minWidth: 18 }}
              aria-hidden
            >
              {unread > 99 ? '99+' : unread}
            </Badge>
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={unread === 0}
            onClick={() => markRead.mutate('all')}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420} type="auto">
          {list.isPending ? (
            <Loading minHeight={100} />
          ) : list.error ? (
            <div style={{ padding: 12 }}>
              <ErrorAlert error={list.error} />
            </div>
          ) : (
            <NotificationList items={list.data.items.slice(0, 30)} onNavigate={close} />
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
