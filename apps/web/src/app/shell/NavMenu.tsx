import type { Me } from '@civicdesk/contracts/identity';
import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { primaryPost } from '../../features/auth/access.ts';
import { countersKey } from '../../features/notifications/notifications.api.ts';
import { type NavEntry, navGroups, visibleEntries } from '../navigation.ts';

function isActive(entry: NavEntry, pathname: string) {
  return entry.path === '/'
    ? pathname === '/'
    : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
}

export function NavMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const counters = useQuery<Record<string, number>>({
    queryKey: countersKey,
    queryFn: () => ({}),
    staleTime: Infinity,
  }).data;
  const agency = primaryPost(me)?.agencyName;

  return (
    <ScrollArea type="auto" offsetScrollbars>
      {agency && (
        <Text
          size="sm"
          c="dimmed"
          hiddenFrom="md"
          px="sm"
          pb="sm"
          mb="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          {agency}
        </Text>
      )}
      <Stack gap="md">
        {navGroups.map((group) => {
          const entries = visibleEntries(me, group.id);
          if (entries.length === 0) return null;
          const headingId = `nav-group-${group.id}`;
          return (
            <div key={group.id}>
              {group.labelKey && (
                <Text
                  id={headingId}
                  size="xs"
                  fw={700}
                  c="dimmed"
                  px="sm"
                  mb={6}
                  style={{ letterSpacing: 0.4 }}
                >
                  {t(group.labelKey)}
                </Text>
              )}
              <Stack
                gap={2}
                component="ul"
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-labelledby={group.labelKey ? headingId : undefined}
              >
                {entries.map((entry) => {
                  const active = isActive(entry, pathname);
                  const count = entry.counter ? counters?.[entry.counter] : undefined;
                  return (
                    <li key={entry.id}>
                      <NavLink
                        component={Link}
                        to={entry.path}
                        label={t(entry.labelKey)}
                        leftSection={<entry.icon size={20} stroke={1.6} aria-hidden />}
                        rightSection={
                          count ? (
                            <Badge size="sm" circle>
                              {count}
                            </Badge>
                          ) : undefined
                        }
                        active={active}
                        aria-current={active ? 'page' : undefined}
                        data-testid={entry.testId}
                        fw={active ? 600 : 500}
                        style={{ borderRadius: 'var(--mantine-radius-md)' }}
                      />
                    </li>
                  );
                })}
              </Stack>
            </div>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
