import { Anchor, Badge, Button, Card, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { showDate, showDateTime } from '../services/fmt.ts';
import {
  useAccessLog,
  useConsentChange,
  useConsents,
  useMyRecords,
  usePortalAgencies,
  usePortalMe,
} from '../services/services.api.ts';
import { PortalFrame } from './PortalFrame.tsx';

/** My licences and qualifications, whom I allowed to look them up, and who did. */
export function RecordsPage() {
  const { t } = useTranslation();
  const me = usePortalMe();
  if (me.isPending)
    return (
      <PortalFrame title={t('portal.records.title')}>
        <Loading />
      </PortalFrame>
    );
  if (!me.data) return <Navigate to="/portal/login" replace />;
  return (
    <PortalFrame title={t('portal.records.title')} subtitle={t('portal.records.subtitle')}>
      <Records />
      <Consents hasIdentifier={!!me.data.identifier} />
      <AccessLog />
    </PortalFrame>
  );
}

function Records() {
  const { t } = useTranslation();
  const records = useMyRecords();
  return (
    <SectionCard title={t('portal.records.mine')}>
      {records.isPending ? (
        <Loading />
      ) : records.error ? (
        <ErrorAlert error={records.error} />
      ) : records.data.length === 0 ? (
        <EmptyState>{t('portal.records.none')}</EmptyState>
      ) : (
        <Stack gap="xs">
          {records.data.map((r) => (
            <Card key={r.id} withBorder padding="sm" radius="md">
              <Text fw={600}>{r.kind}</Text>
              <Text size="sm">
                {r.number} · {r.agencyName}
              </Text>
              <Text size="xs" c="dimmed">
                {showDate(r.validFrom)} –{' '}
                {r.validUntil ? showDate(r.validUntil) : t('portal.records.noExpiry')}
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
      )}
    </SectionCard>
  );
}

function Consents({ hasIdentifier }: { hasIdentifier: boolean }) {
  const { t } = useTranslation();
  const consents = useConsents();
  const agencies = usePortalAgencies().data ?? [];
  const change = useConsentChange();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  return (
    <SectionCard title={t('portal.records.consents')} description={t('portal.records.consentsHint')}>
      <Stack gap="sm">
        {(consents.data ?? []).map((c) => (
          <Group key={c.id} justify="space-between" wrap="wrap">
            <div>
              <Text size="sm" fw={600}>
                {c.agencyName}
              </Text>
              <Text size="xs" c="dimmed">
                {c.purpose} · {showDateTime(c.createdAt)}
              </Text>
            </div>
            {c.revokedAt ? (
              <Badge color="gray" variant="light">
                {t('portal.records.revoked')}
              </Badge>
            ) : (
              <Button size="xs" variant="light" color="red" onClick={() => change.mutate({ revoke: c.id })}>
                {t('portal.records.revoke')}
              </Button>
            )}
          </Group>
        ))}
        {hasIdentifier ? (
          <Paper withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Select
                label={t('portal.records.agency')}
                data={agencies.map((a) => ({ value: a.id, label: a.name }))}
                value={agencyId}
                onChange={setAgencyId}
                searchable
              />
              <TextInput
                label={t('portal.apply.purpose')}
                value={purpose}
                onChange={(e) => setPurpose(e.currentTarget.value)}
              />
              <ErrorAlert error={change.error} />
              <Group justify="flex-end">
                <Button
                  disabled={!agencyId || !purpose.trim()}
                  loading={change.isPending}
                  onClick={() =>
                    agencyId &&
                    change.mutate(
                      { grant: { agencyId, purpose: purpose.trim() } },
                      { onSuccess: () => setPurpose('') },
                    )
                  }
                >
                  {t('portal.records.grant')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            {t('portal.records.needIdentifier')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}

function AccessLog() {
  const { t } = useTranslation();
  const log = useAccessLog();
  return (
    <SectionCard title={t('portal.records.accessLog')}>
      {log.isPending ? (
        <Loading />
      ) : log.error ? (
        <ErrorAlert error={log.error} />
      ) : log.data.length === 0 ? (
        <EmptyState>{t('portal.records.noLookups')}</EmptyState>
      ) : (
        <Stack gap="xs" data-testid="access-log">
          {log.data.map((l) => (
            <Group key={`${l.at}-${l.userName}`} justify="space-between" wrap="wrap">
              <div>
                <Text size="sm" fw={600}>
                  {l.agencyName} · {l.userName}
                </Text>
                <Text size="xs" c="dimmed">
                  {showDateTime(l.at)} · {l.purpose}
                </Text>
              </div>
              <Badge color={l.allowed ? 'teal' : 'red'} variant="light">
                {l.allowed ? t('portal.records.allowed', { n: l.resultCount }) : t('portal.records.refused')}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
