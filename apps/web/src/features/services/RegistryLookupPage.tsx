import { Anchor, Button, Card, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMe } from '../auth/auth.api.ts';
import { useAgencyChoice } from './agency.ts';
import { showDate } from './fmt.ts';
import { useRegistryLookup } from './services.api.ts';

/** Once-only: read a citizen's licences and qualifications instead of asking for paper — with their consent. */
export function RegistryLookupPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { options, agencyId, setAgencyId } = useAgencyChoice(me);
  const lookup = useRegistryLookup();
  const [identifier, setIdentifier] = useState('');
  const [purpose, setPurpose] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (agencyId) lookup.mutate({ agencyId, identifier: identifier.trim(), purpose: purpose.trim() });
  }
  return (
    <>
      <PageHeader title={t('services.registry.title')} description={t('services.registry.description')} />
      <Paper withBorder p="md" radius="md" mb="md" maw={640}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            {options.length > 1 && (
              <Select label={t('services.agency')} data={options} value={agencyId} onChange={setAgencyId} />
            )}
            <TextInput
              label={t('services.registry.identifier')}
              required
              value={identifier}
              onChange={(e) => setIdentifier(e.currentTarget.value)}
              data-testid="lookup-identifier"
            />
            <TextInput
              label={t('services.registry.purpose')}
              required
              value={purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
              data-testid="lookup-purpose"
            />
            <Text size="xs" c="dimmed">
              {t('services.registry.audited')}
            </Text>
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={lookup.isPending}
                disabled={!identifier.trim() || !purpose.trim()}
                data-testid="lookup"
              >
                {t('services.registry.lookup')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <ErrorAlert error={lookup.error} />
      {lookup.data &&
        (lookup.data.length === 0 ? (
          <EmptyState>{t('services.registry.none')}</EmptyState>
        ) : (
          <Stack gap="xs" maw={640}>
            {lookup.data.map((r) => (
              <Card key={r.id} withBorder padding="sm" radius="md">
                <Text fw={600}>{r.kind}</Text>
                <Text size="sm">
                  {r.number} · {r.agencyName}
                </Text>
                <Text size="xs" c="dimmed">
                  {showDate(r.validFrom)} – {r.validUntil ? showDate(r.validUntil) : '…'}
                  {r.verifyCode && (
                    <>
                      {' '}
                      ·{' '}
                      <Anchor component={Link} to={`/verify/${r.verifyCode}`} size="xs">
                        {t('portal.case.verify')}
                      </Anchor>
                    </>
                  )}
                </Text>
              </Card>
            ))}
          </Stack>
        ))}
    </>
  );
}
