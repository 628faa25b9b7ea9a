import type { Agency, Delegation } from '@civicdesk/contracts/org';
import { Badge, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, toIsoDate } from '../../lib/format.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useRevokeDelegation } from './delegations.api.ts';
import { type DelegationStatus, delegationStatus } from './marks.ts';

const statusColor: Record<DelegationStatus, string> = {
  active: 'teal.9',
  scheduled: 'civic',
  expired: 'gray.7',
  revoked: 'red.9',
};

export function DelegationsTable({ delegations, agency }: { delegations: Delegation[]; agency: Agency }) {
  const { t } = useTranslation();
  const revoke = useRevokeDelegation(agency.id);
  const today = toIsoDate(new Date());
  if (delegations.length === 0) return <EmptyState>{t('delegations.none')}</EmptyState>;
  const sorted = [...delegations].sort((a, b) => b.validFrom.localeCompare(a.validFrom));

  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <ScrollTable minWidth={900} data-testid="delegations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('delegations.fromColumn')}</Table.Th>
            <Table.Th>{t('delegations.toColumn')}</Table.Th>
            <Table.Th>{t('delegations.mark')}</Table.Th>
            <Table.Th>{t('delegations.period')}</Table.Th>
            <Table.Th>{t('delegations.scope')}</Table.Th>
            <Table.Th>{t('delegations.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((d) => {
            const status = delegationStatus(d, today);
            return (
              <Table.Tr key={d.id}>
                <Table.Td>{d.fromName}</Table.Td>
                <Table.Td>{d.toName}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`delegations.marks.${d.mark}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`delegations.kinds.${d.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(d.validFrom, agency.country)} – {formatDate(d.validTo, agency.country)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.scope === 'all' ? t('delegations.scopeAll') : d.scope}</Text>
                  {d.reason && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {d.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" size="sm" color={statusColor[status]}>
                    {t(`delegations.statuses.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {agency.canAdmin && (status === 'active' || status === 'scheduled') && (
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      danger
                      title={t('delegations.revokeTitle')}
                      message={t('delegations.revokeConfirm', { from: d.fromName, to: d.toName })}
                      confirmLabel={t('delegations.revoke')}
                      onConfirm={() => revoke.mutateAsync(d.id)}
                      aria-label={t('delegations.revokeNamed', { from: d.fromName, to: d.toName })}
                    >
                      {t('delegations.revoke')}
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </Paper>
  );
}
