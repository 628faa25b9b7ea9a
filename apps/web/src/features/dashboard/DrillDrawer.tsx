import type { Country } from '@civicdesk/contracts/common';
import type { DrillKind } from '@civicdesk/contracts/dashboard';
import { Anchor, Drawer, Group, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { type Range, useDrill } from './dashboard.api.ts';

type Props = {
  agencyId: string | null;
  range: Range;
  kind: DrillKind | null;
  country: Country;
  onClose: () => void;
};

/** The documents, copies or meetings behind a figure, 20 a page. */
export function DrillDrawer({ agencyId, range, kind, country, onClose }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const list = useDrill(agencyId, range, kind, page);
  const pages = Math.ceil((list.data?.total ?? 0) / 20);
  return (
    <Drawer
      opened={!!kind}
      onClose={() => {
        setPage(0);
        onClose();
      }}
      position="right"
      size="lg"
      title={kind ? t(`dashboard.drill.${kind}`) : ''}
      data-testid="drill-drawer"
    >
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.total === 0 ? (
        <EmptyState>{t('dashboard.drillEmpty')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="drill-total">
            {t('dashboard.drillTotal', { n: formatNumber(list.data.total, currentLocale()) })}
          </Text>
          {list.data.items.map((i) => (
            <div key={i.id} data-testid="drill-item">
              {i.link ? (
                <Anchor component={Link} to={i.link} fw={500} size="sm">
                  {i.title}
                </Anchor>
              ) : (
                <Text fw={500} size="sm">
                  {i.title}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {[i.detail, i.agencyName, formatDate(i.date, country)].filter(Boolean).join(' · ')}
              </Text>
            </div>
          ))}
          {pages > 1 && (
            <Group justify="center">
              <Pagination total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} size="sm" />
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
