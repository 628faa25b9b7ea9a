import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { type AuditFilter, useAuditLog, useVerifyChain } from './audit.api.ts';
import { VerifyResult } from './VerifyResult.tsx';

/** Who did what, where and when — filtered, paged, and checked against its hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const verify = useVerifyChain();
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.subtitle')}
        actions={
          <Button
            variant="light"
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      <Stack gap="md">
        <ErrorAlert error={verify.error} />
        {verify.data && <VerifyResult report={verify.data} onClose={() => verify.reset()} />}
        <AuditFilters onApply={setFilter} />
        {log.isPending ? (
          <Loading />
        ) : log.error ? (
          <ErrorAlert error={log.error} />
        ) : entries.length === 0 ? (
          <EmptyState>{t('audit.none')}</EmptyState>
        ) : (
          <>
            <AuditTable entries={entries} />
            <Group justify="center">
              {log.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => log.fetchNextPage()}
                  loading={log.isFetchingNextPage}
                  data-testid="audit-load-more"
                >
                  {t('audit.loadMore')}
                </Button>
              ) : (
                <span style={{ fontSize: 14, color: 'var(--mantine-color-dimmed)' }}>
                  {t('audit.end', { n: entries.length })}
                </span>
              )}
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}
