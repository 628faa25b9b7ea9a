import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { showDate } from '../services/fmt.ts';
import { StateBadge } from '../services/SubmissionDetails.tsx';
import { useMySubmissions, usePortalMe } from '../services/services.api.ts';
import { PortalFrame } from './PortalFrame.tsx';

/** A citizen's applications, newest first: cards rather than a table, for phones. */
export function MySubmissionsPage() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const list = useMySubmissions(!!me.data);
  if (me.isPending)
    return (
      <PortalFrame title={t('portal.mine.title')}>
        <Loading />
      </PortalFrame>
    );
  if (!me.data) return <Navigate to="/portal/login" replace />;
  return (
    <PortalFrame title={t('portal.mine.title')}>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState
          action={
            <Anchor component={Link} to="/portal">
              {t('portal.nav.catalogue')}
            </Anchor>
          }
        >
          {t('portal.mine.empty')}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {list.data.map((s) => (
            <Card
              key={s.id}
              component={Link}
              to={`/portal/submissions/${s.id}`}
              withBorder
              radius="md"
              padding="md"
              data-testid="my-submission"
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4}>
                  <Text fw={600} lh={1.35}>
                    {s.procedureName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.agencyName}
                    {s.numberText && ` · ${t('services.number')} ${s.numberText}`}
                    {s.deadline && ` · ${t('services.deadline')} ${showDate(s.deadline)}`}
                  </Text>
                </Stack>
                <StateBadge state={s.state} />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </PortalFrame>
  );
}
