import type { VideoMeetingDetail } from '@civicdesk/contracts/meetings';
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { usePhone } from '../documents/useScreen.ts';
import { minutesBetween } from './meeting-rules.ts';
import { type Attendance, useAttendance } from './meetings.api.ts';

/** When the person left; still in while the meeting runs; at its end when the server did not see them go. */
function Left({ entry, meeting }: { entry: Attendance; meeting: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  if (entry.leftAt || meeting.status !== 'live') return formatDateTime(leftAt(entry, meeting), country);
  return (
    <Badge variant="light" color="teal" size="sm">
      {t('meetings.attendance.stillIn')}
    </Badge>
  );
}

const leftAt = (e: Attendance, m: VideoMeetingDetail) =>
  e.leftAt ?? (m.status === 'live' ? new Date().toISOString() : m.endsAt);
const minutes = (e: Attendance, m: VideoMeetingDetail) => minutesBetween(e.joinedAt, leftAt(e, m));

type Rows = { entries: Attendance[]; meeting: VideoMeetingDetail };

/** Phones: one line per join, name first. */
function AttendanceList({ entries, meeting }: Rows) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {entries.map((e) => (
        <li key={`${e.userId}-${e.joinedAt}`} data-testid="attendance-row">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={500} truncate>
              {e.displayName}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {t('meetings.attendance.minutes', { count: minutes(e, meeting) })}
            </Text>
          </Group>
          <Group gap={4} wrap="wrap">
            <Text size="xs" c="dimmed">
              {formatDateTime(e.joinedAt, country)} –
            </Text>
            <Text size="xs" c="dimmed" component="span">
              <Left entry={e} meeting={meeting} />
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

function AttendanceTable({ entries, meeting }: Rows) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  return (
    <ScrollTable minWidth={520} label={t('meetings.attendance.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('meetings.attendance.name')}</Table.Th>
          <Table.Th>{t('meetings.attendance.joined')}</Table.Th>
          <Table.Th>{t('meetings.attendance.left')}</Table.Th>
          <Table.Th ta="right">{t('meetings.attendance.duration')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={`${e.userId}-${e.joinedAt}`} data-testid="attendance-row">
            <Table.Td>{e.displayName}</Table.Td>
            <Table.Td>{formatDateTime(e.joinedAt, country)}</Table.Td>
            <Table.Td>
              <Left entry={e} meeting={meeting} />
            </Table.Td>
            <Table.Td ta="right">{t('meetings.attendance.minutes', { count: minutes(e, meeting) })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** Who joined and left when, during the meeting and after it; hidden where the server does not show it. */
export function AttendanceSection({ meeting }: { meeting: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const started = meeting.status === 'live' || meeting.status === 'ended';
  const attendance = useAttendance(meeting.id, started);
  if (!started) return null;
  if (attendance.error instanceof ApiError && [403, 404].includes(attendance.error.status)) return null;
  const entries = [...(attendance.data ?? [])].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  const people = new Set(entries.map((e) => e.userId)).size;
  return (
    <SectionCard
      title={t('meetings.attendance.title')}
      description={entries.length > 0 ? t('meetings.attendance.people', { count: people }) : undefined}
      id="meeting-attendance"
    >
      {attendance.isPending ? (
        <Loading />
      ) : attendance.error ? (
        <ErrorAlert error={attendance.error} />
      ) : entries.length === 0 ? (
        <EmptyState>{t('meetings.attendance.none')}</EmptyState>
      ) : phone ? (
        <AttendanceList entries={entries} meeting={meeting} />
      ) : (
        <AttendanceTable entries={entries} meeting={meeting} />
      )}
    </SectionCard>
  );
}
