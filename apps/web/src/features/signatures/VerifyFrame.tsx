import { Anchor, Box, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import IconBuildingBank from '@tabler/icons-react/dist/esm/icons/IconBuildingBank.mjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../profile/LanguageSwitch.tsx';

type Props = { title: string; subtitle?: ReactNode; children: ReactNode };

/** The public verification pages' frame: no account, no menu — a citizen may arrive from a QR code on a phone. */
export function VerifyFrame({ title, subtitle, children }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · CivicDesk`);
  return (
    <Box className="auth-backdrop">
      <Box component="header" px={{ base: 'md', sm: 'xl' }} py="md">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/verify" underline="never" c="inherit">
            <Group gap={10} wrap="nowrap">
              <ThemeIcon size={36} radius="md" aria-hidden>
                <IconBuildingBank size={22} />
              </ThemeIcon>
              <div>
                <Text fw={700} fz="lg" c="civic.9" lh={1.2}>
                  CivicDesk
                </Text>
                <Text size="xs" c="dimmed" lh={1.3}>
                  {t('verify.service')}
                </Text>
              </div>
            </Group>
          </Anchor>
          <LanguageSwitch alwaysLabel />
        </Group>
      </Box>
      <Container
        component="main"
        size={760}
        px="md"
        pt={{ base: 'xs', sm: 'xl' }}
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
        <Text size="xs" c="dimmed" ta="center" mt="xl">
          {t('verify.footer')}
        </Text>
      </Container>
    </Box>
  );
}
