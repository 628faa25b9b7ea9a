import type { CommitteeDetail } from '@civicdesk/contracts/committees';
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import IconDownload from '@tabler/icons-react/dist/esm/icons/IconDownload.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, toIsoDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { type Allowance, allowancesFileUrl, useAllowances } from './committees.api.ts';

const amounts = ['attendance', 'review', 'travel', 'total'] as const;

/** Attendance, review and travel allowances of external members for a period, exported for payment. */
export function AllowancesTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = new Date();
  const [range, setRange] = useState({ from: `${today.getFullYear()}-01-01`, to: toIsoDate(today) });
  const lines = useAllowances(committee.id, range, true);
  const valid = !!range.from && !!range.to && range.from <= range.to;
  const sum = (k: (typeof amounts)[number]) => (lines.data ?? []).reduce((s, l) => s + l[k], 0);
  const money = (n: number) => formatNumber(n, locale);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('committees.allowances.hint')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t('committees.allowances.from')}
          value={range.from}
          onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('committees.allowances.to')}
          value={range.to}
          onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
          error={valid ? undefined : t('committees.allowances.rangeInvalid')}
        />
        <Group gap="xs" ml={{ sm: 'auto' }}>
          {(['csv', 'xlsx'] as const).map((ext) => (
            <Button
              key={ext}
              component="a"
              href={valid ? allowancesFileUrl(committee.id, ext, range) : undefined}
              download
              variant="default"
              disabled={!valid}
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {ext.toUpperCase()}
            </Button>
          ))}
        </Group>
      </Group>
      {lines.isFetching && !lines.data ? (
        <Loading />
      ) : lines.error ? (
        <ErrorAlert error={lines.error} />
      ) : !lines.data || lines.data.length === 0 ? (
        <EmptyState>{t('committees.allowances.none')}</EmptyState>
      ) : (
        <ScrollTable minWidth={640} label={t('committees.tabs.allowances')} data-testid="allowances-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('committees.members.name')}</Table.Th>
              <Table.Th ta="right">{t('committees.allowances.meetings')}</Table.Th>
              {amounts.map((k) => (
                <Table.Th key={k} ta="right">
                  {t(`committees.allowances.${k}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.data.map((l: Allowance) => (
              <Table.Tr key={l.memberId}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td ta="right">{l.meetings}</Table.Td>
                {amounts.map((k) => (
                  <Table.Td
                    key={k}
                    ta="right"
                    fw={k === 'total' ? 600 : undefined}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    {money(l[k])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('committees.allowances.sum')}</Table.Th>
              <Table.Th />
              {amounts.map((k) => (
                <Table.Th key={k} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {money(sum(k))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </ScrollTable>
      )}
    </Stack>
  );
}
