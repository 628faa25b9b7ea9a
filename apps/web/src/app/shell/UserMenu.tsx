import type { Me } from '@civicdesk/contracts/identity';
import { Avatar, Box, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import IconChevronDown from '@tabler/icons-react/dist/esm/icons/IconChevronDown.mjs';
import IconLogout from '@tabler/icons-react/dist/esm/icons/IconLogout.mjs';
import IconShieldLock from '@tabler/icons-react/dist/esm/icons/IconShieldLock.mjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/auth.api.ts';

export function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  // Korean names read well as their first two syllables; others as first + last initials.
  if (words.length === 1) return [...(words[0] ?? '')].slice(0, 2).join('').toUpperCase();
  return `${[...(words[0] ?? '')][0] ?? ''}${[...(words.at(-1) ?? '')][0] ?? ''}`.toUpperCase();
}

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();

  async function signOut() {
    await logout.mutateAsync().catch(() => undefined);
    await navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          data-testid="user-menu"
          title={t('userMenu.label', { name: me.displayName })}
          p={4}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar color="civic" radius="xl" size={34} aria-hidden>
              {initials(me.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="lg" maw={160} truncate="end" aria-hidden>
              {me.displayName}
            </Text>
            <VisuallyHidden>{t('userMenu.label', { name: me.displayName })}</VisuallyHidden>
            <Box visibleFrom="sm" style={{ display: 'flex' }}>
              <IconChevronDown size={16} aria-hidden />
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.username}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconShieldLock size={18} aria-hidden />}>
          {t('userMenu.profile')}
        </Menu.Item>
        <Menu.Item
          color="red.9"
          leftSection={<IconLogout size={18} aria-hidden />}
          onClick={signOut}
          data-testid="sign-out"
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
