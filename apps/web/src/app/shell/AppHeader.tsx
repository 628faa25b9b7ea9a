import type { Me } from '@civicdesk/contracts/identity';
import { Burger, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import IconBuildingBank from '@tabler/icons-react/dist/esm/icons/IconBuildingBank.mjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { primaryPost } from '../../features/auth/access.ts';
import { NotificationBell } from '../../features/notifications/NotificationBell.tsx';
import { LanguageSwitch } from '../../features/profile/LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

type Props = { me: Me; navOpened: boolean; onToggleNav: () => void };

export function AppHeader({ me, navOpened, onToggleNav }: Props) {
  const { t } = useTranslation();
  const agency = primaryPost(me)?.agencyName;
  return (
    <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? t('nav.close') : t('nav.open')}
          aria-expanded={navOpened}
          aria-controls="app-navbar"
        />
        <UnstyledButton component={Link} to="/" aria-label={t('nav.homeLink')}>
          <Group gap={8} wrap="nowrap">
            <ThemeIcon size={32} radius="md" aria-hidden>
              <IconBuildingBank size={20} />
            </ThemeIcon>
            <Text fw={700} fz={{ base: 'md', sm: 'lg' }} c="civic.9">
              CivicDesk
            </Text>
          </Group>
        </UnstyledButton>
        {agency && (
          <Text
            size="sm"
            c="dimmed"
            visibleFrom="md"
            truncate="end"
            maw={360}
            pl="sm"
            style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}
            data-testid="agency-context"
          >
            {agency}
          </Text>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        <LanguageSwitch />
        <NotificationBell />
        <UserMenu me={me} />
      </Group>
    </Group>
  );
}
