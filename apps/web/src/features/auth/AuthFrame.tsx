import { Box, Container, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import IconBuildingBank from '@tabler/icons-react/dist/esm/icons/IconBuildingBank.mjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../profile/LanguageSwitch.tsx';

type Props = { title: string; subtitle?: ReactNode; children: ReactNode; width?: number };

/** The frame of the screens before the app: product name, language switch, one card. */
export function AuthFrame({ title, subtitle, children, width = 440 }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · CivicDesk`);
  return (
    <Box className="auth-backdrop">
      <Box component="header" px={{ base: 'md', sm: 'xl' }} py="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={10} wrap="nowrap">
            <ThemeIcon size={36} radius="md" aria-hidden>
              <IconBuildingBank size={22} />
            </ThemeIcon>
            <div>
              <Text fw={700} fz="lg" c="civic.9" lh={1.2}>
                CivicDesk
              </Text>
              <Text size="xs" c="dimmed" lh={1.3} visibleFrom="xs">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
          <LanguageSwitch alwaysLabel />
        </Group>
      </Box>
      <Container
        component="main"
        size={width}
        px="md"
        pt={{ base: 'md', sm: 48 }}
        pb="xl"
        data-testid="main-content"
      >
        <Paper withBorder radius="lg" p={{ base: 'lg', sm: 32 }} shadow="sm">
          <Stack gap="lg">
            <div>
              <Title order={1} fz={{ base: 22, sm: 26 }}>
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
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="lg">
          {t('app.footer')}
        </Text>
      </Container>
    </Box>
  );
}
