import { Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Message({ titleKey, textKey }: { titleKey: string; textKey: string }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t(titleKey)} · CivicDesk`);
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={1} fz={26}>
        {t(titleKey)}
      </Title>
      <Text c="dimmed">{t(textKey)}</Text>
      <Button component={Link} to="/" variant="light">
        {t('errors.backHome')}
      </Button>
    </Stack>
  );
}

export const NotFound = () => <Message titleKey="errors.notFoundTitle" textKey="errors.notFoundText" />;
export const Forbidden = () => <Message titleKey="errors.forbiddenTitle" textKey="errors.forbiddenText" />;
