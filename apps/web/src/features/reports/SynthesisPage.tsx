import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { CitedSummary } from './CitedSummary.tsx';
import { ReturnButton } from './ReturnButton.tsx';
import { useSynthesis, useTemplate } from './reports.api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** /reports/templates/:id opens the synthesis of the latest period already due (else the current one). */
export function LatestSynthesis() {
  const { templateId } = useParams();
  const template = useTemplate(templateId);
  if (template.isPending) return <Loading />;
  if (template.error) return <ErrorAlert error={template.error} />;
  const today = new Date().toISOString().slice(0, 10);
  const period = template.data.periods.find((p) => p.end < today) ?? template.data.periods[0];
  return period ? <Navigate to={`/reports/periods/${period.id}/synthesis`} replace /> : null;
}

/** The parent's synthesis of one period: sums and comparisons with charts, cited summaries, who is missing. */
export function SynthesisPage() {
  const { t } = useTranslation();
  const { periodId } = useParams();
  const navigate = useNavigate();
  const country = userCountry(useMe().data);
  const locale = currentLocale();
  const [engine, setEngine] = useState<'extractive' | 'llm'>('extractive');
  const s = useSynthesis(periodId, engine);
  const template = useTemplate(s.data?.templateId);
  if (s.isPending) return <Loading />;
  if (s.error) return <ErrorAlert error={s.error} />;
  const d = s.data;
  const range = (p: { start: string; end: string }) =>
    t('reports.periodRange', { from: formatDate(p.start, country), to: formatDate(p.end, country) });
  const fmt = (n: number | null) => (n === null ? '—' : formatNumber(n, locale));
  const submitted = d.agencies.filter((a) => a.status === 'submitted').length;
  return (
    <>
      <PageHeader
        title={t('reports.synthesisOf', { title: d.title })}
        description={t('reports.submittedOf', { n: submitted, total: d.agencies.length })}
        actions={
          <Select
            comboboxProps={dropdownBelow}
            aria-label={t('reports.period')}
            data={(template.data?.periods ?? [d.period]).map((p) => ({ value: p.id, label: range(p) }))}
            value={d.period.id}
            onChange={(v) => v && navigate(`/reports/periods/${v}/synthesis`)}
            allowDeselect={false}
            w={{ base: '100%', sm: 260 }}
            data-testid="period-select"
          />
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="synthesis-numbers">
          {d.numbers.map((n) => (
            <Paper key={n.key} withBorder radius="md" p="md">
              <Text size="sm" c="dimmed">
                {n.label}
              </Text>
              <Group gap={6} align="baseline">
                <Text fz={30} fw={700} data-testid={`sum-${n.key}`}>
                  {fmt(n.unit === '%' ? n.mean : n.sum)}
                </Text>
                {n.unit && (
                  <Text c="dimmed" size="sm">
                    {n.unit}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed" mb="sm">
                {n.unit === '%' ? `${t('reports.mean')} · ` : ''}
                {t('reports.minMax', { min: fmt(n.min), max: fmt(n.max), n: n.reported })}
              </Text>
              <BarChart
                h={160}
                data={n.byAgency.map((a) => ({
                  agency: a.agencyName.replace(/^Ủy ban nhân dân /, ''),
                  value: a.value ?? 0,
                  previous: a.previous ?? 0,
                }))}
                dataKey="agency"
                series={[
                  { name: 'previous', label: t('reports.previousPeriod'), color: 'gray.4' },
                  { name: 'value', label: t('reports.thisPeriod'), color: 'blue.6' },
                ]}
                withLegend={false}
                tickLine="none"
                gridAxis="y"
                valueFormatter={(v) => formatNumber(v, locale)}
              />
            </Paper>
          ))}
        </SimpleGrid>
        <SectionCard title={t('reports.byAgency')} id="by-agency">
          <ScrollTable minWidth={720} data-testid="synthesis-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.agency')}</Table.Th>
                <Table.Th>{t('reports.state')}</Table.Th>
                {d.numbers.map((n) => (
                  <Table.Th key={n.key} ta="right">
                    {n.label}
                  </Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.agencies.map((a) => (
                <Table.Tr key={a.agencyId}>
                  <Table.Td>
                    {a.reportId ? (
                      <Anchor component={Link} to={`/reports/periods/${d.period.id}?agency=${a.agencyId}`}>
                        {a.agencyName}
                      </Anchor>
                    ) : (
                      a.agencyName
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={a.status} overdue={a.overdue} />
                  </Table.Td>
                  {d.numbers.map((n) => {
                    const v = n.byAgency.find((b) => b.agencyId === a.agencyId);
                    return (
                      <Table.Td key={n.key} ta="right">
                        {fmt(v?.value ?? null)}
                        {v?.change != null && (
                          <Text span size="xs" c={v.change >= 0 ? 'teal.9' : 'red.9'} ml={6}>
                            {v.change >= 0 ? '▲' : '▼'} {formatNumber(Math.abs(v.change), locale)}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    {a.status === 'submitted' && a.reportId && (
                      <ReturnButton reportId={a.reportId} agencyName={a.agencyName} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          {d.previous && (
            <Text size="xs" c="dimmed">
              {t('reports.changeVs', { period: range(d.previous) })}
            </Text>
          )}
          {d.missing.length > 0 && (
            <Group gap="xs" data-testid="missing">
              <Text size="sm" fw={500}>
                {t('reports.missing')}
              </Text>
              {d.missing.map((m) => (
                <Badge key={m.agencyId} color="red" variant="light">
                  {m.agencyName}
                </Badge>
              ))}
            </Group>
          )}
        </SectionCard>
        <SectionCard title={t('reports.summaries')} description={t('reports.summariesHint')} id="summaries">
          <SegmentedControl
            value={engine}
            onChange={(v) => setEngine(v as typeof engine)}
            data={[
              { value: 'extractive', label: t('reports.engine.extractive') },
              { value: 'llm', label: t('reports.engine.llm') },
            ]}
            w={{ base: '100%', sm: 'auto' }}
            style={{ alignSelf: 'flex-start' }}
          />
          {d.texts.map((x) => (
            <CitedSummary key={x.key} text={x} periodId={d.period.id} />
          ))}
        </SectionCard>
      </Stack>
    </>
  );
}
