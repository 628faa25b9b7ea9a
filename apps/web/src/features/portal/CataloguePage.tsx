import { Badge, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { usePortalAgencies, usePortalProcedures } from '../services/services.api.ts';
import { PortalFrame } from './PortalFrame.tsx';

/** Browse the procedures of any agency. */
export function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency');
  const agencies = usePortalAgencies().data ?? [];
  const procedures = usePortalProcedures(agencyId);
  const options = agencies
    .filter((a) => a.procedures > 0)
    .map((a) => ({ value: a.id, label: `${a.name} (${a.procedures})` }));
  return (
    <PortalFrame title={t('portal.catalogue.title')} subtitle={t('portal.catalogue.subtitle')}>
      <Select
        label={t('portal.catalogue.agency')}
        placeholder={t('portal.catalogue.allAgencies')}
        data={options}
        value={agencyId}
        clearable
        searchable
        onChange={(v) => setParams(v ? { agency: v } : {}, { replace: true })}
        data-testid="portal-agency"
      />
      {procedures.isPending ? (
        <Loading />
      ) : procedures.error ? (
        <ErrorAlert error={procedures.error} />
      ) : procedures.data.length === 0 ? (
        <EmptyState>{t('portal.catalogue.empty')}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {procedures.data.map((p) => (
            <Card
              key={p.id}
              component={Link}
              to={`/portal/procedures/${p.id}`}
              withBorder
              radius="md"
              padding="md"
              data-testid="portal-procedure"
            >
              <Stack gap={6}>
                <Text fw={600} lh={1.35}>
                  {p.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.agencyName} · {p.unitName}
                </Text>
                <Group gap={6}>
                  <Badge variant="light">{t('portal.catalogue.days', { count: p.processingDays })}</Badge>
                  <Badge variant="light" color="gray">
                    {p.fee > 0
                      ? t('portal.catalogue.fee', { fee: formatNumber(p.fee, currentLocale()) })
                      : t('portal.catalogue.free')}
                  </Badge>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </PortalFrame>
  );
}
