import { Anchor, Box, Button, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import IconBuildingBank from '@tabler/icons-react/dist/esm/icons/IconBuildingBank.mjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch } from '../profile/LanguageSwitch.tsx';
import { usePortalLogout, usePortalMe } from '../services/services.api.ts';

type Props = { title: string; subtitle?: ReactNode; children: ReactNode };

/** The public portal's light frame: no staff menu, phone first; a citizen's links when signed in. */
export function PortalFrame({ title, subtitle, children }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('portal.name')}`);
  const me = usePortalMe().data;
  const logout = usePortalLogout();
  const navigate = useNavigate();
  const link = (to: string, label: string, testId: string) => (
    <Anchor component={Link} to={to} size="sm" data-testid={testId}>
      {label}
    </Anchor>
  );
  return (
    <Box className="auth-backdrop">
      <Box component="header" px={{ base: 'md', sm: 'xl' }} py="md">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/portal" underline="never" c="inherit">
            <Group gap={10} wrap="nowrap">
              <ThemeIcon size={36} radius="md" aria-hidden>
                <IconBuildingBank size={22} />
              </ThemeIcon>
              <div>
                <Text fw={700} fz="lg" c="civic.9" lh={1.2}>
                  CivicDesk
                </Text>
                <Text size="xs" c="dimmed" lh={1.3}>
                  {t('portal.name')}
                </Text>
              </div>
            </Group>
          </Anchor>
          <LanguageSwitch alwaysLabel />
        </Group>
        <Group
          gap="md"
          style={{ rowGap: 2 }}
          mt="sm"
          wrap="wrap"
          component="nav"
          aria-label={t('portal.name')}
        >
          {link('/portal', t('portal.nav.catalogue'), 'portal-nav-catalogue')}
          {link('/portal/track', t('portal.nav.track'), 'portal-nav-track')}
          {me ? (
            <>
              {link('/portal/submissions', t('portal.nav.mine'), 'portal-nav-mine')}
              {link('/portal/records', t('portal.nav.records'), 'portal-nav-records')}
              {link('/portal/security', t('portal.nav.security'), 'portal-nav-security')}
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/portal') })}
              >
                {t('portal.nav.signOut', { name: me.displayName })}
              </Button>
            </>
          ) : (
            <>
              {link('/portal/login', t('portal.nav.signIn'), 'portal-nav-login')}
              {link('/portal/register', t('portal.nav.register'), 'portal-nav-register')}
            </>
          )}
        </Group>
      </Box>
      <Container
        component="main"
        size={820}
        px="md"
        pt={{ base: 'xs', sm: 'lg' }}
        pb="xl"
        data-testid="main-content"
      >
        <Stack gap="lg">
          <div>
            <Title order={1} fz={{ base: 22, sm: 28 }} lh={1.3}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" mt={6}>
                {subtitle}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Container>
    </Box>
  );
}
