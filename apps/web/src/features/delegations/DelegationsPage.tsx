import { Button, Paper, Stack } from '@mantine/core';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { homeAgencyId } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { AgencySelect } from '../org/AgencySelect.tsx';
import { useAgencies } from '../org/org.api.ts';
import { CreateDelegationModal } from './CreateDelegationModal.tsx';
import { DelegationsTable } from './DelegationsTable.tsx';
import { useDelegations } from './delegations.api.ts';

export function DelegationsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const agencyId =
    params.get('agency') ?? homeAgencyId(me) ?? agencies.data?.find((a) => a.canAdmin)?.id ?? null;
  const agency = agencies.data?.find((a) => a.id === agencyId);
  const delegations = useDelegations(agencyId);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('delegations.title')}
        description={t('delegations.subtitle')}
        actions={
          agency?.canAdmin && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('delegations.new')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <AgencySelect
            label={t('common.agency')}
            name="agency"
            w={{ base: '100%', sm: 360 }}
            keep={(a) => a.canAdmin}
            value={agencyId}
            allowDeselect={false}
            onChange={(id) => id && setParams({ agency: id }, { replace: true })}
          />
        </Paper>
        {delegations.isPending && agencyId ? (
          <Loading />
        ) : delegations.error ? (
          <ErrorAlert error={delegations.error} />
        ) : (
          agency && <DelegationsTable delegations={delegations.data ?? []} agency={agency} />
        )}
      </Stack>
      {agency && creating && <CreateDelegationModal agency={agency} onClose={() => setCreating(false)} />}
    </>
  );
}
