import type { Dashboard, DrillKind, Kpis } from '@civicdesk/contracts/dashboard';
import { Group, Paper, RingProgress, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { percent } from './range.ts';

type Card = {
  id: string;
  value: number | null;
  previous: number | null;
  /** Shown as a percentage with a ring. */
  rate?: boolean;
  /** Lower is better (overdue tasks). */
  inverse?: boolean;
  drill?: DrillKind;
  sub?: string;
};

function cards(k: Kpis, p: Kpis): Card[] {
  return [
    { id: 'received', value: k.received, previous: p.received, drill: 'received' },
    { id: 'issued', value: k.issued, previous: p.issued, drill: 'issued' },
    {
      id: 'signedShare',
      value: percent(k.signed, k.issued),
      previous: percent(p.signed, p.issued),
      rate: true,
      drill: 'signed',
    },
    { id: 'onTime', value: percent(k.onTime, k.due), previous: percent(p.onTime, p.due), rate: true },
    { id: 'overdueTasks', value: k.overdueTasks, previous: p.overdueTasks, inverse: true, drill: 'overdue' },
    { id: 'serviceSubmissions', value: k.serviceSubmissions, previous: p.serviceSubmissions },
    {
      id: 'onlineRate',
      value: percent(k.serviceOnline, k.serviceSubmissions),
      previous: percent(p.serviceOnline, p.serviceSubmissions),
      rate: true,
    },
    {
      id: 'serviceOnTime',
      value: percent(k.serviceOnTime, k.serviceDecided),
      previous: percent(p.serviceOnTime, p.serviceDecided),
      rate: true,
    },
    { id: 'digitised', value: k.digitised, previous: p.digitised },
    {
      id: 'meetingsOnline',
      value: k.meetingsOnline,
      previous: p.meetingsOnline,
      drill: 'meetings_online',
      sub: `/ ${k.meetingsHeld}`,
    },
    { id: 'mobileUsers', value: k.mobileUsers, previous: p.mobileUsers, sub: `/ ${k.activeUsers}` },
  ];
}

function Trend({ card }: { card: Card }) {
  const { t } = useTranslation();
  if (card.value === null || card.previous === null) return null;
  const diff = card.value - card.previous;
  if (diff === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('dashboard.trend.same')}
      </Text>
    );
  const good = card.inverse ? diff < 0 : diff > 0;
  const amount = card.rate
    ? t('dashboard.trend.points', { n: formatNumber(Math.abs(Math.round(diff * 10) / 10), currentLocale()) })
    : formatNumber(Math.abs(diff), currentLocale());
  return (
    <Text size="xs" c={good ? 'teal.9' : 'red.9'} fw={500}>
      {diff > 0 ? '▲' : '▼'} {amount} {t('dashboard.trend.vsPrevious')}
    </Text>
  );
}

const services = new Set(['serviceSubmissions', 'onlineRate', 'serviceOnTime']);

type Props = { data: Dashboard; onDrill: (kind: DrillKind) => void };

/** The headline figures with their trend against the previous period of the same length. */
export function KpiCards({ data, onDrill }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" data-testid="kpi-cards">
      {cards(data.total, data.previous).map((c) => {
        // Without the public-services module these figures are not faked: they say so.
        const unavailable = !data.servicesAvailable && services.has(c.id);
        const body: ReactNode = (
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
                {t(`dashboard.kpi.${c.id}`)}
              </Text>
              {unavailable ? (
                <Text size="sm" c="dimmed" mt={6} data-testid={`kpi-${c.id}`}>
                  {t('dashboard.notAvailable')}
                </Text>
              ) : (
                <Group gap={4} align="baseline" mt={4}>
                  <Text fz={{ base: 22, sm: 28 }} fw={700} lh={1.1} data-testid={`kpi-${c.id}`}>
                    {c.value === null ? '—' : `${formatNumber(c.value, locale)}${c.rate ? '%' : ''}`}
                  </Text>
                  {c.sub && (
                    <Text size="sm" c="dimmed">
                      {c.sub}
                    </Text>
                  )}
                </Group>
              )}
              {!unavailable && <Trend card={c} />}
            </div>
            {c.rate && c.value !== null && (
              <RingProgress
                size={52}
                thickness={6}
                roundCaps
                sections={[
                  { value: c.value, color: c.value >= 80 ? 'teal' : c.value >= 50 ? 'yellow' : 'red' },
                ]}
                visibleFrom="xs"
              />
            )}
          </Group>
        );
        return (
          <Paper key={c.id} withBorder radius="md" p="sm">
            {c.drill && !unavailable ? (
              <UnstyledButton onClick={() => onDrill(c.drill!)} w="100%" data-testid={`drill-${c.drill}`}>
                {body}
              </UnstyledButton>
            ) : (
              body
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
