import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ minHeight = 160 }: { minHeight?: number }) {
  const { t } = useTranslation();
  // The status region carries the name; the spinner itself is decoration.
  return (
    <Center mih={minHeight} role="status" aria-live="polite" aria-label={t('common.loading')}>
      <Loader size="md" aria-hidden />
    </Center>
  );
}
