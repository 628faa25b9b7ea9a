import type { Procedure } from '@civicdesk/contracts/services';
import { Badge, Button, Group, Select, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useMe } from '../auth/auth.api.ts';
import { useAgencyChoice } from './agency.ts';
import { ProcedureEditor } from './ProcedureEditor.tsx';
import { useAdminProcedures } from './services.api.ts';

/** The agency's catalogue of procedures, for its administrators. */
export function CatalogueAdmin() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { options, agencyId, setAgencyId } = useAgencyChoice(me, !me?.isPlatformAdmin);
  const list = useAdminProcedures(agencyId);
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('services.catalogue.title')}
        description={t('services.catalogue.description')}
        actions={
          <Group>
            {options.length > 1 && (
              <Select
                data={options}
                value={agencyId}
                onChange={setAgencyId}
                aria-label={t('services.agency')}
              />
            )}
            <Button onClick={() => setEditing('new')} disabled={!agencyId} data-testid="new-procedure">
              {t('services.catalogue.new')}
            </Button>
          </Group>
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState>{t('services.catalogue.empty')}</EmptyState>
      ) : (
        <ScrollTable minWidth={720} label={t('services.catalogue.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('services.catalogue.code')}</Table.Th>
              <Table.Th>{t('services.procedure')}</Table.Th>
              <Table.Th>{t('services.catalogue.unit')}</Table.Th>
              <Table.Th>{t('services.catalogue.days')}</Table.Th>
              <Table.Th>{t('services.catalogue.fee')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.code}</Table.Td>
                <Table.Td>
                  {p.name}{' '}
                  {p.isRegistry && (
                    <Badge size="xs" variant="light">
                      {t('services.catalogue.registry')}
                    </Badge>
                  )}{' '}
                  {!p.active && (
                    <Badge size="xs" color="gray">
                      {t('services.catalogue.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.unitName}</Table.Td>
                <Table.Td>{p.processingDays}</Table.Td>
                <Table.Td>{formatNumber(p.fee, currentLocale())}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing(p)}>
                    {t('services.catalogue.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {editing && agencyId && (
        <ProcedureEditor
          agencyId={agencyId}
          procedure={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
