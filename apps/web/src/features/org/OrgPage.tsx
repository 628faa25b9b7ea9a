import { Box, Button, Grid, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { homeAgencyId } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { AgencyPanel } from './AgencyPanel.tsx';
import { AgencyTree } from './AgencyTree.tsx';
import { agencyTree } from './agencies.ts';
import { CreateAgencyModal } from './CreateAgencyModal.tsx';
import { useAgencies, useTiers } from './org.api.ts';

/** The organisation tree on the left, the chosen agency's details, units and positions on the right. */
export function OrgPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agencies = useAgencies();
  const tiers = useTiers();
  const [params, setParams] = useSearchParams();
  const [creating, createModal] = useDisclosure(false);
  const tree = useMemo(() => agencyTree(agencies.data ?? [], tiers.data), [agencies.data, tiers.data]);

  const list = agencies.data ?? [];
  const wanted = params.get('agency') ?? homeAgencyId(me);
  const selected = list.find((a) => a.id === wanted) ?? list[0];
  const select = (id: string) => setParams({ agency: id }, { replace: true });
  const canCreate = !!me?.isPlatformAdmin || list.some((a) => a.canAdmin);

  return (
    <>
      <PageHeader
        title={t('org.title')}
        description={t('org.subtitle')}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open}>
              {t('org.newAgency')}
            </Button>
          )
        }
      />
      {agencies.isPending ? (
        <Loading />
      ) : agencies.error ? (
        <ErrorAlert error={agencies.error} />
      ) : list.length === 0 ? (
        <EmptyState>{t('org.noAgencies')}</EmptyState>
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="md" p="sm" component="section" aria-label={t('org.treeLabel')}>
              <Box mah={{ base: 360, md: 'calc(100dvh - 240px)' }} style={{ overflowY: 'auto' }}>
                <AgencyTree nodes={tree} tiers={tiers.data} selectedId={selected?.id} onSelect={select} />
              </Box>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selected && <AgencyPanel key={selected.id} agency={selected} agencies={list} tree={tree} />}
          </Grid.Col>
        </Grid>
      )}
      <CreateAgencyModal
        opened={creating}
        onClose={createModal.close}
        defaultParent={selected}
        onCreated={(a) => select(a.id)}
      />
    </>
  );
}
