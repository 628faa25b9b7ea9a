import type { CommitteeDetail, Meeting } from '@civicdesk/contracts/committees';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import { modeIcons, statusColors } from './meeting-meta.ts';
import { needsPledge, useMeetings } from './meetings.api.ts';
import { PledgeScreen } from './PledgeScreen.tsx';

function MeetingRow({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const Icon = modeIcons[meeting.mode];
  return (
    <Paper withBorder radius="md" p="md" component="li" data-testid="meeting-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <Icon size={22} stroke={1.6} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/committees/meetings/${meeting.id}`} fw={600}>
              {meeting.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`committees.modes.${meeting.mode}`)} ·{' '}
              {meeting.mode === 'written' && meeting.deadline
                ? t('committees.meeting.until', { date: formatDateTime(meeting.deadline, country) })
                : formatDateTime(meeting.startsAt, country)}
              {meeting.location ? ` · ${meeting.location}` : ''}
            </Text>
          </Stack>
        </Group>
        <Badge variant="light" color={statusColors[meeting.status]} style={{ flexShrink: 0 }}>
          {t(`committees.status.${meeting.status}`)}
        </Badge>
      </Group>
    </Paper>
  );
}

/** The committee's meetings, newest first; the secretary schedules new ones. */
export function MeetingsList({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const meetings = useMeetings(committee.id);
  const [creating, create] = useDisclosure(false);
  if (needsPledge(meetings.error)) return <PledgeScreen />;
  const list = [...(meetings.data ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt));

  return (
    <Stack gap="md">
      {committee.canManage && (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={create.open}
            data-testid="new-meeting"
          >
            {t('committees.meeting.new')}
          </Button>
        </Group>
      )}
      {meetings.isPending ? (
        <Loading />
      ) : meetings.error ? (
        <ErrorAlert error={meetings.error} />
      ) : list.length === 0 ? (
        <EmptyState>{t('committees.meeting.none')}</EmptyState>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.map((m) => (
            <MeetingRow key={m.id} meeting={m} />
          ))}
        </Stack>
      )}
      {creating && <MeetingFormModal committee={committee} onClose={create.close} />}
    </Stack>
  );
}
