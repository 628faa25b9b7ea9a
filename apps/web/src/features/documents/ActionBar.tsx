import { Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import IconDots from '@tabler/icons-react/dist/esm/icons/IconDots.mjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type PageAction = {
  id: string;
  label: string;
  icon?: TablerIcon;
  /** Filled button; the phone bar shows primary actions first. */
  primary?: boolean;
  danger?: boolean;
  onClick?: () => void;
  /** A route inside the app, or an API file opened in a new tab. */
  to?: string;
  href?: string;
  loading?: boolean;
};

function ActionButton({ a, fullWidth }: { a: PageAction; fullWidth?: boolean }) {
  const Icon = a.icon;
  const common = {
    leftSection: Icon ? <Icon size={18} aria-hidden /> : undefined,
    variant: a.primary ? 'filled' : a.danger ? 'light' : 'default',
    color: a.danger ? 'red.9' : undefined,
    fullWidth,
    loading: a.loading,
    'data-testid': `action-${a.id}`,
    justify: fullWidth ? 'flex-start' : undefined,
    // Long labels (Vietnamese especially) wrap instead of being cut.
    h: 'auto',
    mih: 36,
    py: 6,
    styles: { label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 } },
  } as const;
  if (a.to)
    return (
      <Button component={Link} to={a.to} {...common}>
        {a.label}
      </Button>
    );
  if (a.href)
    return (
      <Button component="a" href={a.href} target="_blank" rel="noopener" {...common}>
        {a.label}
      </Button>
    );
  return (
    <Button onClick={a.onClick} {...common}>
      {a.label}
    </Button>
  );
}

/** On a computer: the actions as a column of buttons at the top of the side column. */
export function ActionPanel({ actions, title }: { actions: PageAction[]; title: string }) {
  if (actions.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Text size="sm" fw={700} mb="sm">
        {title}
      </Text>
      <Stack gap="xs">
        {actions.map((a) => (
          <ActionButton key={a.id} a={a} fullWidth />
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * On a phone: a bar stuck to the bottom of the screen, within reach of the thumb — the two main actions as
 * buttons, the others behind "More".
 */
export function StickyActionBar({ actions, title }: { actions: PageAction[]; title: string }) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  const ordered = [
    ...actions.filter((a) => a.primary || a.danger),
    ...actions.filter((a) => !a.primary && !a.danger),
  ];
  const shown = ordered.slice(0, actions.length > 3 ? 2 : 3);
  const rest = ordered.slice(shown.length);
  return (
    <Group
      className="sticky-actions"
      gap="xs"
      wrap="nowrap"
      component="section"
      aria-label={title}
      data-testid="sticky-actions"
    >
      {shown.map((a) => (
        <div key={a.id} style={{ flex: 1, minWidth: 0 }}>
          <ActionButton a={a} fullWidth />
        </div>
      ))}
      {rest.length > 0 && (
        <Menu position="top-end" withinPortal>
          <Menu.Target>
            <Button variant="default" px="sm" aria-label={t('approval.more')} data-testid="action-more">
              <IconDots size={18} aria-hidden />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {rest.map((a) => {
              const Icon = a.icon;
              const icon = Icon ? <Icon size={16} aria-hidden /> : undefined;
              const color = a.danger ? 'red.9' : undefined;
              if (a.to)
                return (
                  <Menu.Item key={a.id} component={Link} to={a.to} leftSection={icon} color={color}>
                    {a.label}
                  </Menu.Item>
                );
              if (a.href)
                return (
                  <Menu.Item key={a.id} component="a" href={a.href} target="_blank" leftSection={icon}>
                    {a.label}
                  </Menu.Item>
                );
              return (
                <Menu.Item
                  key={a.id}
                  onClick={a.onClick}
                  leftSection={icon}
                  color={color}
                  data-testid={`action-${a.id}`}
                >
                  {a.label}
                </Menu.Item>
              );
            })}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
