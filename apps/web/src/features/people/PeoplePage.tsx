import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import IconSearch from '@tabler/icons-react/dist/esm/icons/IconSearch.mjs';
import IconUserPlus from '@tabler/icons-react/dist/esm/icons/IconUserPlus.mjs';
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
import { CreatePersonModal } from './CreatePersonModal.tsx';
import { EditPersonModal } from './EditPersonModal.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { usePeople } from './people.api.ts';

export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const agencyId =
    params.get('agency') ?? homeAgencyId(me) ?? agencies.data?.find((a) => a.canAdmin)?.id ?? null;
  const agency = agencies.data?.find((a) => a.id === agencyId);
  const people = usePeople(agencyId);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim().toLowerCase(), 150);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const visible = (people.data ?? []).filter(
    (p) => !query || p.displayName.toLowerCase().includes(query) || p.username.includes(query),
  );
  const editing = people.data?.find((p) => p.id === editingId);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.subtitle')}
        actions={
          agency?.canAdmin && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('people.new')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Group gap="md" align="flex-end" wrap="wrap">
            <AgencySelect
              label={t('common.agency')}
              name="agency"
              w={{ base: '100%', sm: 360 }}
              keep={(a) => a.canAdmin}
              value={agencyId}
              onChange={(id) => id && setParams({ agency: id }, { replace: true })}
              allowDeselect={false}
              data-testid="people-agency"
            />
            <TextInput
              label={t('people.search')}
              name="search"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={{ base: '100%', sm: 280 }}
            />
          </Group>
        </Paper>
        {people.isPending && agencyId ? (
          <Loading />
        ) : people.error ? (
          <ErrorAlert error={people.error} />
        ) : (
          agency && <PeopleTable people={visible} agency={agency} onEdit={setEditingId} />
        )}
      </Stack>
      {agency && creating && <CreatePersonModal agency={agency} onClose={() => setCreating(false)} />}
      {agency && editing && (
        <EditPersonModal person={editing} agency={agency} onClose={() => setEditingId(null)} />
      )}
    </>
  );
}
