import type { Country } from '@civicdesk/contracts/common';
import { Badge, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useDocumentDeliveries } from './documents.api.ts';
import { RegionTable } from './RegionTable.tsx';

const stateColor: Record<string, string> = {
  sent: 'blue',
  received: 'teal',
  returned: 'red',
  recalled: 'dark',
  forwarded: 'gray',
};

/** The sender's view of each recipient's copy (Decree 30 Appendix VI: the sender sees how it is handled). */
export function DeliveriesTable({ documentId, country }: { documentId: string; country: Country }) {
  const { t } = useTranslation();
  const deliveries = useDocumentDeliveries(documentId, true);
  if (deliveries.isPending) return <Loading />;
  if (deliveries.error) return <ErrorAlert error={deliveries.error} />;
  if (deliveries.data.length === 0) return <EmptyState>{t('progress.none')}</EmptyState>;
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <RegionTable label={t('progress.title')} minWidth={880} data-testid="deliveries-table" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('progress.recipient')}</Table.Th>
            <Table.Th>{t('progress.state')}</Table.Th>
            <Table.Th>{t('progress.incomingNo')}</Table.Th>
            <Table.Th>{t('progress.handler')}</Table.Th>
            <Table.Th>{t('progress.deadline')}</Table.Th>
            <Table.Th>{t('progress.reply')}</Table.Th>
            <Table.Th>{t('progress.task')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.data.map((d) => {
            const handled = d.state === 'received' && d.handling !== 'unassigned';
            return (
              <Table.Tr key={d.id} data-state={d.state}>
                <Table.Td fw={500}>{d.toAgency}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={stateColor[d.state] ?? 'gray'}>
                    {t(`incoming.state.${d.state}`)}
                  </Badge>
                  {handled && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {t(`incoming.handling.${d.handling}`)}
                    </Text>
                  )}
                  {d.returnReason && (
                    <Text size="xs" c="red.9" mt={2}>
                      {d.returnReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {d.incomingNumber ? `${d.incomingNumber}/${d.incomingYear}` : '—'}
                  {d.receivedAt && (
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.receivedAt, country)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {d.leadName ?? '—'}
                  {d.unitName && (
                    <Text size="xs" c="dimmed">
                      {d.unitName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {d.deadline ? (
                    <Text size="sm" c={d.overdue ? 'red.9' : undefined} fw={d.overdue ? 600 : undefined}>
                      {formatDate(d.deadline, country)}
                      {d.overdue ? ` · ${t('progress.overdue')}` : ''}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{d.replyNumber ?? (d.resultNote ? t('progress.closed') : '—')}</Table.Td>
                <Table.Td>
                  {d.task ? (
                    <>
                      <Text size="xs" lineClamp={2}>
                        {d.task}
                      </Text>
                      <Badge size="xs" mt={2} variant="light" color={d.taskDoneAt ? 'teal' : 'gray'}>
                        {d.taskDoneAt
                          ? t('progress.doneOn', { date: formatDate(d.taskDoneAt, country) })
                          : t('progress.notDone')}
                      </Badge>
                      {d.taskReport && (
                        <Text size="xs" c="dimmed" mt={2}>
                          {d.taskReport}
                        </Text>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </RegionTable>
    </Paper>
  );
}
