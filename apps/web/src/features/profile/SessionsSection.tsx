import type { SessionInfo } from '@civicdesk/contracts/identity';
import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { useLogoutEverywhere, useMe } from '../auth/auth.api.ts';
import { useRevokeSession, useSessions } from './profile.api.ts';

const browsers: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];
const first = (ua: string, table: [RegExp, string][]) => table.find(([re]) => re.test(ua))?.[1];

/** "Chrome · Windows" from a user-agent string: enough to recognise one's own devices. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  return (
    [first(userAgent, browsers), first(userAgent, systems)].filter(Boolean).join(' · ') ||
    userAgent.slice(0, 40)
  );
}

export function SessionsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const country = userCountry(useMe().data);
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const everywhere = useLogoutEverywhere();

  const row = (s: SessionInfo) => (
    <Table.Tr key={s.id} data-current={s.current || undefined}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{describeDevice(s.userAgent) ?? t('sessions.unknownDevice')}</Text>
          {s.current && (
            <Badge variant="light" color="teal.9" size="sm">
              {t('sessions.thisDevice')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{s.ip ?? '—'}</Table.Td>
      <Table.Td>{formatDateTime(s.createdAt, country)}</Table.Td>
      <Table.Td>{formatDateTime(s.lastSeenAt, country)}</Table.Td>
      <Table.Td>
        {!s.current && (
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            loading={revoke.isPending && revoke.variables === s.id}
            onClick={() => revoke.mutate(s.id)}
          >
            {t('sessions.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );

  return (
    <SectionCard title={t('sessions.title')} description={t('sessions.description')} id="sessions">
      {sessions.isPending ? (
        <Loading />
      ) : sessions.error ? (
        <ErrorAlert error={sessions.error} />
      ) : (
        <ScrollTable minWidth={640} data-testid="session-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions.device')}</Table.Th>
              <Table.Th>{t('sessions.ip')}</Table.Th>
              <Table.Th>{t('sessions.signedIn')}</Table.Th>
              <Table.Th>{t('sessions.lastActive')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{sessions.data.map(row)}</Table.Tbody>
        </ScrollTable>
      )}
      <div>
        <ConfirmButton
          color="red"
          variant="outline"
          title={t('sessions.everywhereTitle')}
          message={t('sessions.everywhereConfirm')}
          confirmLabel={t('sessions.everywhere')}
          danger
          loading={everywhere.isPending}
          onConfirm={() => everywhere.mutateAsync().then(() => navigate('/login', { replace: true }))}
          data-testid="sign-out-everywhere"
        >
          {t('sessions.everywhere')}
        </ConfirmButton>
      </div>
    </SectionCard>
  );
}
