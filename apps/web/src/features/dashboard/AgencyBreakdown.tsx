import type { Dashboard, DrillKind } from '@civicdesk/contracts/dashboard';
import { BarChart } from '@mantine/charts';
import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { percent } from './range.ts';

type Row = Dashboard['rows'][number];
type Props = {
  data: Dashboard;
  onAgency: (id: string) => void;
  onDrill: (kind: DrillKind, agencyId: string) => void;
};

const short = (name: string) => name.replace(/^(Ủy ban nhân dân|UBND) /, '');

/** One bar group and one table row per child agency (rolled up over its subtree), plus the agency's own row. */
export function AgencyBreakdown({ data, onAgency, onDrill }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rows = data.rows;
  const label = (r: Row) =>
    r.own ? t('dashboard.ownRow', { name: short(r.agencyName) }) : short(r.agencyName);
  const chart = rows.map((r) => ({
    agency: label(r),
    received: r.kpis.received,
    issued: r.kpis.issued,
    signed: r.kpis.signed,
  }));
  // Bars lie down on phones and when there are many agencies, so every name stays readable.
  const narrow = useMediaQuery('(max-width: 48em)');
  const many = rows.length > 8 || !!narrow;
  const n = (v: number | null, suffix = '') => (v === null ? '—' : `${formatNumber(v, locale)}${suffix}`);
  // The own row of a parent is not clickable: a list is always of a whole subtree, which the total card opens.
  const cell = (r: Row, v: number, kind?: DrillKind) =>
    kind && v > 0 && (!r.own || rows.length === 1) ? (
      <UnstyledButton
        onClick={() => onDrill(kind, r.agencyId)}
        c="blue.7"
        fw={500}
        fz="sm"
        aria-label={`${formatNumber(v, locale)} — ${label(r)}: ${t(`dashboard.drill.${kind}`)}`}
      >
        {formatNumber(v, locale)}
      </UnstyledButton>
    ) : (
      formatNumber(v, locale)
    );
  return (
    <>
      <BarChart
        h={many ? Math.max(240, rows.length * 56) : 280}
        data={chart}
        dataKey="agency"
        orientation={many ? 'vertical' : 'horizontal'}
        yAxisProps={many ? { width: 120 } : { allowDecimals: false }}
        xAxisProps={many ? { allowDecimals: false } : undefined}
        series={[
          { name: 'received', label: t('dashboard.kpi.received'), color: 'indigo.5' },
          { name: 'issued', label: t('dashboard.kpi.issued'), color: 'teal.5' },
          { name: 'signed', label: t('dashboard.kpi.signed'), color: 'teal.8' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="none"
        gridAxis={many ? 'x' : 'y'}
        valueFormatter={(v) => formatNumber(v, locale)}
        data-testid="agency-chart"
      />
      <ScrollTable minWidth={860} fz="sm" data-testid="agency-table" label={t('dashboard.byAgency')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.agency')}</Table.Th>
            {[
              'received',
              'issued',
              'signedShare',
              'onTime',
              'overdueTasks',
              'onlineRate',
              'digitised',
              'meetingsOnline',
              'mobileUsers',
            ].map((k) => (
              <Table.Th key={k} ta="right">
                {t(`dashboard.kpi.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.agencyId} data-testid={`row-${r.agencyCode}`}>
              <Table.Td>
                {r.own ? (
                  <Text size="sm" fw={500}>
                    {label(r)}
                  </Text>
                ) : (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onAgency(r.agencyId)}
                    fw={500}
                  >
                    {label(r)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td ta="right">{cell(r, r.kpis.received, 'received')}</Table.Td>
              <Table.Td ta="right">{cell(r, r.kpis.issued, 'issued')}</Table.Td>
              <Table.Td ta="right">{n(percent(r.kpis.signed, r.kpis.issued), '%')}</Table.Td>
              <Table.Td ta="right">{n(percent(r.kpis.onTime, r.kpis.due), '%')}</Table.Td>
              <Table.Td ta="right">{cell(r, r.kpis.overdueTasks, 'overdue')}</Table.Td>
              <Table.Td ta="right">
                {data.servicesAvailable
                  ? n(percent(r.kpis.serviceOnline, r.kpis.serviceSubmissions), '%')
                  : '—'}
              </Table.Td>
              <Table.Td ta="right">{n(r.kpis.digitised)}</Table.Td>
              <Table.Td ta="right">{cell(r, r.kpis.meetingsOnline, 'meetings_online')}</Table.Td>
              <Table.Td ta="right">{n(r.kpis.mobileUsers)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
