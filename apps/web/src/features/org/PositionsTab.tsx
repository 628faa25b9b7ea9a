import type { Agency } from '@civicdesk/contracts/org';
import { Button, Group, NumberInput, Stack, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { toast } from '../../ui/toast.ts';
import { useCreatePosition, usePositions } from './org.api.ts';

/** Job positions of the agency (rank orders them: lower is more senior). */
export function PositionsTab({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const positions = usePositions(agency.id);
  const create = useCreatePosition(agency.id);
  const form = useForm({
    initialValues: { name: '', rank: 100 as number | string },
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });

  if (positions.isPending) return <Loading />;
  if (positions.error) return <ErrorAlert error={positions.error} />;
  const sorted = [...positions.data].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));

  return (
    <Stack gap="lg">
      {sorted.length === 0 ? (
        <EmptyState>{t('org.positions.none')}</EmptyState>
      ) : (
        <ScrollTable minWidth={360} data-testid="position-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('org.fields.name')}</Table.Th>
              <Table.Th w={120}>{t('org.positions.rank')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.rank}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {agency.canAdmin && (
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            create.mutate(
              { name: v.name.trim(), rank: Number(v.rank) || 0 },
              {
                onSuccess: () => {
                  form.reset();
                  toast(t('common.saved'), 'success');
                },
              },
            ),
          )}
        >
          <Stack gap="sm">
            <ErrorAlert error={create.error} />
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('org.positions.newName')}
                name="positionName"
                w={{ base: '100%', xs: 260 }}
                {...form.getInputProps('name')}
              />
              <NumberInput
                label={t('org.positions.rank')}
                description={t('org.positions.rankHint')}
                name="rank"
                min={0}
                max={1000}
                w={140}
                {...form.getInputProps('rank')}
              />
              <Button type="submit" loading={create.isPending}>
                {t('org.positions.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
