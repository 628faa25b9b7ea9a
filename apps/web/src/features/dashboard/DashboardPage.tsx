import '@mantine/charts/styles.css';
import type { DrillKind } from '@civicdesk/contracts/dashboard';
import { Alert, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import IconDownload from '@tabler/icons-react/dist/esm/icons/IconDownload.mjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api.ts';
import { buildTree, flattenTree, subtreeIds } from '../../lib/tree.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { useAgencies } from '../org/org.api.ts';
import { fillingPosts } from '../reports/reports-access.ts';
import { AgencyBreakdown } from './AgencyBreakdown.tsx';
import { DrillDrawer } from './DrillDrawer.tsx';
import { downloadDashboard, useDashboard } from './dashboard.api.ts';
import { KpiCards } from './KpiCards.tsx';
import { type Preset, presetRange, presets } from './range.ts';

/** KPIs of an agency rolled up over its subtree for a period, one row per child agency, drill-down, exports. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const country = userCountry(me);
  const all = useAgencies().data ?? [];
  const [params, setParams] = useSearchParams();
  const [drill, setDrill] = useState<{ kind: DrillKind; agencyId: string } | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  // The agencies the person may look at: those where they are head, clerk or admin, and everything below.
  const options = useMemo(() => {
    const tree = buildTree(
      all,
      (a) => a.id,
      (a) => a.parentId,
    );
    const mine = new Set<string>();
    for (const p of fillingPosts(me))
      for (const id of subtreeIds(tree, p.agencyId, (a) => a.id)) mine.add(id);
    return flattenTree(tree)
      .filter((n) => me?.isPlatformAdmin || mine.has(n.item.id))
      .map((n) => ({ value: n.item.id, label: `${'\u2003'.repeat(n.depth)}${n.item.name}` }));
  }, [all, me]);
  const agencyId = params.get('agency') ?? fillingPosts(me)[0]?.agencyId ?? options[0]?.value ?? null;
  const preset = (params.get('preset') as Preset | null) ?? (params.get('from') ? null : 'this_year');
  const range = preset
    ? presetRange(preset)
    : { from: params.get('from')!, to: params.get('to') ?? params.get('from')! };
  const dash = useDashboard(agencyId, range);

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v === null ? next.delete(k) : next.set(k, v);
    setParams(next, { replace: true });
  };

  async function exportAs(format: 'csv' | 'xlsx') {
    if (!agencyId) return;
    setExporting(format);
    try {
      await downloadDashboard(agencyId, range, format);
    } catch (error) {
      toast(errorMessage(error), 'error');
    } finally {
      setExporting(null);
    }
  }

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={dash.data ? t('dashboard.subtitle', { name: dash.data.agencyName }) : undefined}
        actions={(['csv', 'xlsx'] as const).map((f) => (
          <Button
            key={f}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => exportAs(f)}
            loading={exporting === f}
            disabled={!agencyId}
            data-testid={`dashboard-export-${f}`}
          >
            {t(`dashboard.export.${f}`)}
          </Button>
        ))}
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
                onChange={(v) => v && update({ agency: v })}
                allowDeselect={false}
                searchable
                w={{ base: '100%', sm: 340 }}
                data-testid="dashboard-agency"
              />
            )}
            <Select
              comboboxProps={dropdownBelow}
              label={t('dashboard.period')}
              data={[
                ...presets.map((p) => ({ value: p, label: t(`dashboard.presets.${p}`) })),
                { value: 'custom', label: t('dashboard.presets.custom') },
              ]}
              value={preset ?? 'custom'}
              onChange={(v) =>
                v &&
                update(
                  v === 'custom'
                    ? { preset: null, from: range.from, to: range.to }
                    : { preset: v, from: null, to: null },
                )
              }
              allowDeselect={false}
              w={{ base: '100%', sm: 200 }}
              data-testid="dashboard-preset"
            />
            {!preset && (
              <Group gap="xs" wrap="nowrap">
                <TextInput
                  type="date"
                  label={t('dashboard.from')}
                  value={range.from}
                  onChange={(e) => update({ from: e.currentTarget.value })}
                  w={160}
                />
                <TextInput
                  type="date"
                  label={t('dashboard.to')}
                  value={range.to}
                  onChange={(e) => update({ to: e.currentTarget.value })}
                  w={160}
                />
              </Group>
            )}
          </Group>
        </Paper>
        {!agencyId ? null : dash.isPending ? (
          <Loading />
        ) : dash.error ? (
          <ErrorAlert error={dash.error} />
        ) : (
          <>
            {!dash.data.servicesAvailable && <Alert color="gray">{t('dashboard.servicesMissing')}</Alert>}
            <KpiCards data={dash.data} onDrill={(kind) => setDrill({ kind, agencyId })} />
            <SectionCard
              title={dash.data.rows.length > 1 ? t('dashboard.byAgency') : t('dashboard.figures')}
              id="by-agency"
            >
              <AgencyBreakdown
                data={dash.data}
                onAgency={(id) => update({ agency: id })}
                onDrill={(kind, id) => setDrill({ kind, agencyId: id })}
              />
            </SectionCard>
          </>
        )}
      </Stack>
      <DrillDrawer
        agencyId={drill?.agencyId ?? null}
        range={range}
        kind={drill?.kind ?? null}
        country={country}
        onClose={() => setDrill(null)}
      />
    </>
  );
}
