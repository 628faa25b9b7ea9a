import { Anchor, Group, SegmentedControl, Select, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useMe } from '../auth/auth.api.ts';
import { useAgencyChoice } from './agency.ts';
import { showDate } from './fmt.ts';
import { StateBadge } from './SubmissionDetails.tsx';
import { type QueueState, useQueue } from './services.api.ts';

/** Applications received by the agency, soonest deadline first; overdue ones flagged. */
export function QueuePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { options, agencyId, setAgencyId } = useAgencyChoice(me);
  const [state, setState] = useState<QueueState>('open');
  const queue = useQueue(agencyId, state);
  return (
    <>
      <PageHeader title={t('services.queue.title')} description={t('services.queue.description')} />
      <Group mb="md" wrap="wrap">
        {options.length > 1 && (
          <Select data={options} value={agencyId} onChange={setAgencyId} aria-label={t('services.agency')} />
        )}
        <SegmentedControl
          value={state}
          onChange={(v) => setState(v as QueueState)}
          data={(['open', 'overdue', 'decided', 'all'] as const).map((s) => ({
            value: s,
            label: t(`services.queue.${s}`),
          }))}
        />
      </Group>
      {queue.isPending ? (
        <Loading />
      ) : queue.error ? (
        <ErrorAlert error={queue.error} />
      ) : queue.data.length === 0 ? (
        <EmptyState>{t('services.queue.empty')}</EmptyState>
      ) : (
        <ScrollTable minWidth={760} label={t('services.queue.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('services.number')}</Table.Th>
              <Table.Th>{t('services.procedure')}</Table.Th>
              <Table.Th>{t('services.applicant')}</Table.Th>
              <Table.Th>{t('services.deadline')}</Table.Th>
              <Table.Th>{t('services.assignee')}</Table.Th>
              <Table.Th>{t('services.stateLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((s) => (
              <Table.Tr key={s.id} data-testid="queue-row">
                <Table.Td>
                  <Anchor component={Link} to={`/services/submissions/${s.id}`}>
                    {s.numberText ?? '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.procedureName}</Table.Td>
                <Table.Td>{s.applicantName}</Table.Td>
                <Table.Td c={s.overdue ? 'red' : undefined}>{showDate(s.deadline)}</Table.Td>
                <Table.Td>{s.assigneeName ?? '—'}</Table.Td>
                <Table.Td>
                  <StateBadge state={s.state} overdue={s.overdue} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </>
  );
}
