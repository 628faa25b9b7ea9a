import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors = { not_started: 'gray', draft: 'blue', submitted: 'teal', returned: 'orange' } as const;

export function StatusBadge({ status, overdue }: { status: keyof typeof colors; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colors[status]} variant="light" data-testid="report-status">
        {t(`reports.status.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red.9" variant="filled" data-testid="report-overdue">
          {t('reports.overdue')}
        </Badge>
      )}
    </Group>
  );
}
