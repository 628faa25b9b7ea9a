import { ActionIcon, Button, Group, Paper, Select, Stack, Table, TextInput } from '@mantine/core';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { useMe } from '../auth/auth.api.ts';
import { useAgencyChoice } from './agency.ts';
import { showDate } from './fmt.ts';
import { useHolidayChange, useHolidays } from './services.api.ts';

/** The agency's non-working days besides weekends: legal deadlines skip them. */
export function HolidaysPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { options, agencyId, setAgencyId } = useAgencyChoice(me, !me?.isPlatformAdmin);
  const holidays = useHolidays(agencyId);
  const change = useHolidayChange(agencyId);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  return (
    <>
      <PageHeader
        title={t('services.holidays.title')}
        description={t('services.holidays.description')}
        actions={
          options.length > 1 && (
            <Select
              data={options}
              value={agencyId}
              onChange={setAgencyId}
              aria-label={t('services.agency')}
            />
          )
        }
      />
      <Paper withBorder p="md" radius="md" mb="md">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('services.holidays.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            data-testid="holiday-date"
          />
          <TextInput
            label={t('services.holidays.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
            data-testid="holiday-name"
          />
          <Button
            disabled={!date || !name.trim()}
            loading={change.isPending}
            onClick={() =>
              change.mutate(
                { add: { date, name: name.trim() } },
                {
                  onSuccess: () => {
                    setDate('');
                    setName('');
                  },
                },
              )
            }
            data-testid="add-holiday"
          >
            {t('services.holidays.add')}
          </Button>
        </Group>
        <Stack mt="xs">
          <ErrorAlert error={change.error} />
        </Stack>
      </Paper>
      {holidays.isPending ? (
        <Loading />
      ) : holidays.error ? (
        <ErrorAlert error={holidays.error} />
      ) : holidays.data.length === 0 ? (
        <EmptyState>{t('services.holidays.empty')}</EmptyState>
      ) : (
        <ScrollTable minWidth={420} label={t('services.holidays.title')}>
          <Table.Tbody>
            {holidays.data.map((h) => (
              <Table.Tr key={h.date}>
                <Table.Td w={140}>{showDate(h.date)}</Table.Td>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td w={50}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('services.holidays.remove')}
                    onClick={() => change.mutate({ remove: h.date })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </>
  );
}
