import { Anchor, Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { useMe } from '../auth/auth.api.ts';
import { roleColor } from '../auth/roles.ts';
import { isExternalMember } from '../committees/committee-rules.ts';
import { RecentNotifications } from './RecentNotifications.tsx';
import { SecurityStatus } from './SecurityStatus.tsx';

function greetingKey(hour: number) {
  if (hour < 5) return 'home.greetingEvening';
  if (hour < 12) return 'home.greetingMorning';
  if (hour < 18) return 'home.greetingAfternoon';
  return 'home.greetingEvening';
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  if (isExternalMember(me)) return <Navigate to="/committees" replace />;

  return (
    <>
      <PageHeader
        title={t(greetingKey(new Date().getHours()), { name: me.displayName })}
        description={t('home.subtitle')}
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('home.postsTitle')} id="home-posts">
              {me.posts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('home.noPosts')}
                </Text>
              ) : (
                <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                  {me.posts.map((post) => (
                    <Stack
                      component="li"
                      key={post.id}
                      gap={4}
                      p="sm"
                      style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 8 }}
                    >
                      <Text fw={600} size="sm">
                        {post.agencyName}
                      </Text>
                      <Group gap={8} wrap="wrap">
                        <Badge variant="light" color={roleColor(post.role)}>
                          {t(`roles.${post.role}`)}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {[post.unitName, post.positionName].filter(Boolean).join(' · ') || t('home.noUnit')}
                        </Text>
                      </Group>
                    </Stack>
                  ))}
                </Stack>
              )}
            </SectionCard>
            <RecentNotifications />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <SecurityStatus me={me} />
        </Grid.Col>
      </Grid>
      <Text size="sm" c="dimmed" mt="xl">
        {t('home.help')}{' '}
        <Anchor component={Link} to="/profile" size="sm" underline="always">
          {t('userMenu.profile')}
        </Anchor>
      </Text>
    </>
  );
}
