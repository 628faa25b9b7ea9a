import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last resort when a page throws while rendering (or a lazy chunk fails to load after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Center mih="80vh" p="md">
      <Stack align="center" maw={480}>
        <Title order={1} fz={24}>
          {t('errors.crashTitle')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('errors.crashText')}
        </Text>
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
      </Stack>
    </Center>
  );
}
