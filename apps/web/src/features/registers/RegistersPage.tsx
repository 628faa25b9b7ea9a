import { Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import IconDownload from '@tabler/icons-react/dist/esm/icons/IconDownload.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { toast } from '../../ui/toast.ts';
import { useMe } from '../auth/auth.api.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { registerAgencies } from '../documents/eoffice-access.ts';
import { RegionTable } from '../documents/RegionTable.tsx';
import { useAgencies } from '../org/org.api.ts';
import { downloadRegister, type Kind, useRegister } from './registers.api.ts';

const kinds: Kind[] = ['outgoing', 'incoming', 'follow_up'];
const isKind = (v: string | null): v is Kind => kinds.includes(v as Kind);

/** The legal registers (Decree 30 Appendix IV; 생산·접수 등록대장) for a year, with CSV and XLSX exports. */
export function RegistersPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const all = useAgencies().data ?? [];
  const [params, setParams] = useSearchParams();
  const own = registerAgencies(me).map((p) => ({ value: p.agencyId, label: p.agencyName }));
  const options =
    own.length > 0 || !me?.isPlatformAdmin ? own : all.map((a) => ({ value: a.id, label: a.name }));
  const agencyId = params.get('agency') ?? options[0]?.value ?? null;
  const kind = isKind(params.get('kind')) ? (params.get('kind') as Kind) : 'outgoing';
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const register = useRegister(agencyId, kind, year);
  const [exporting, setExporting] = useState<string | null>(null);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  async function exportAs(format: 'csv' | 'xlsx') {
    if (!agencyId) return;
    setExporting(format);
    try {
      await downloadRegister(agencyId, kind, year, format);
    } catch (error) {
      toast(errorMessage(error), 'error');
    } finally {
      setExporting(null);
    }
  }

  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  return (
    <>
      <PageHeader
        title={t('registers.title')}
        description={t('registers.subtitle')}
        actions={
          <Group gap="xs">
            {(['csv', 'xlsx'] as const).map((f) => (
              <Button
                key={f}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => exportAs(f)}
                loading={exporting === f}
                disabled={!agencyId}
                data-testid={`export-${f}`}
              >
                {t(`registers.export.${f}`)}
              </Button>
            ))}
          </Group>
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Group gap="md" align="flex-end" wrap="wrap">
            {options.length > 1 && (
              <Select
                comboboxProps={dropdownBelow}
                label={t('common.agency')}
                data={options}
                value={agencyId}
                onChange={(v) => v && set('agency', v)}
                allowDeselect={false}
                searchable
                w={{ base: '100%', sm: 320 }}
              />
            )}
            <Stack gap={4} w={{ base: '100%', sm: 'auto' }}>
              <Text size="sm" fw={500} id="register-kind-label">
                {t('registers.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="register-kind-label"
                value={kind}
                onChange={(v) => set('kind', v)}
                data={kinds.map((k) => ({ value: k, label: t(`registers.kinds.${k}`) }))}
                fullWidth
                // Narrow screens: equal segments whose labels may wrap, never wider than the screen.
                styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25 } }}
                data-testid="register-kind"
              />
            </Stack>
            <Select
              comboboxProps={dropdownBelow}
              label={t('registers.year')}
              data={years}
              value={String(year)}
              onChange={(v) => v && set('year', v)}
              allowDeselect={false}
              w={120}
            />
          </Group>
        </Paper>
        {!agencyId ? (
          <EmptyState>{t('registers.noAgency')}</EmptyState>
        ) : register.isPending ? (
          <Loading />
        ) : register.error ? (
          <ErrorAlert error={register.error} />
        ) : (
          <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
            <Text size="sm" c="dimmed" px="md" py="sm">
              {t('registers.count', { n: formatNumber(register.data.rows.length, currentLocale()) })}
            </Text>
            {register.data.rows.length === 0 ? (
              <EmptyState>{t('registers.empty')}</EmptyState>
            ) : (
              <RegionTable
                label={t(`registers.kinds.${kind}`)}
                minWidth={Math.max(720, register.data.headers.length * 130)}
                fz="sm"
                data-testid="register-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    {register.data.headers.map((h) => (
                      <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                        {h}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {register.data.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: register rows have no id; the order is the register's
                    <Table.Tr key={i}>
                      {/* A row shorter than the headers still fills every column. */}
                      {register.data.headers
                        .map((_, j) => row[j] ?? null)
                        .map((cell, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                          <Table.Td key={j} style={{ whiteSpace: 'pre-line' }}>
                            {cell ?? ''}
                          </Table.Td>
                        ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </RegionTable>
            )}
          </Paper>
        )}
      </Stack>
    </>
  );
}
