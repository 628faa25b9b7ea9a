import type { MeetingDetail } from '@civicdesk/contracts/committees';
import { Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import IconCircleCheck from '@tabler/icons-react/dist/esm/icons/IconCircleCheck.mjs';
import IconHandStop from '@tabler/icons-react/dist/esm/icons/IconHandStop.mjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { useCheckIn, useRsvp } from './meetings.api.ts';
import { QuorumBar } from './QuorumBar.tsx';

type Props = { meeting: MeetingDetail };

/** Live quorum while the meeting runs; once closed, the quorum recorded when it opened. */
export const quorumShown = (m: MeetingDetail) =>
  m.status === 'closed' && m.quorumAtOpen ? m.quorumAtOpen : m.quorumNow;

/** The member's own part: will I come (RSVP), and "I'm here" once the meeting is about to start. */
export function MyAttendance({ meeting }: Props) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const rsvp = useRsvp(meeting.id);
  const checkIn = useCheckIn(meeting.id);
  const mine = meeting.attendance.find((a) => a.memberId === meeting.me.memberId);
  if (!mine || mine.role === 'secretary' || meeting.status === 'closed') return null;
  const canRsvp = meeting.status === 'draft' || meeting.status === 'noticed';
  const canCheckIn = meeting.status === 'noticed' || meeting.status === 'open';

  return (
    <Paper withBorder radius="md" p="md" data-testid="my-attendance">
      <Stack gap="sm">
        {mine.present ? (
          <Group gap="xs" c="teal.9" wrap="nowrap" align="flex-start">
            <IconCircleCheck size={24} aria-hidden style={{ flexShrink: 0 }} />
            <Text fw={600}>
              {t('committees.attendance.checkedIn', { time: formatDateTime(mine.checkedInAt, country) })}
            </Text>
          </Group>
        ) : (
          canCheckIn && (
            <Button
              size="xl"
              fullWidth
              color="teal.9"
              leftSection={<IconHandStop size={26} aria-hidden />}
              loading={checkIn.isPending}
              onClick={() => checkIn.mutate({ present: true })}
              data-testid="check-in"
            >
              {t('committees.attendance.imHere')}
            </Button>
          )
        )}
        {canRsvp && !mine.present && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('committees.attendance.willYouCome')}
            </Text>
            <Group grow gap="xs">
              <Button
                variant={mine.response === 'attending' ? 'filled' : 'default'}
                onClick={() => rsvp.mutate('attending')}
                loading={rsvp.isPending && rsvp.variables === 'attending'}
                aria-pressed={mine.response === 'attending'}
                data-testid="rsvp-attending"
              >
                {t('committees.attendance.attending')}
              </Button>
              <Button
                variant={mine.response === 'absent' ? 'filled' : 'default'}
                color={mine.response === 'absent' ? 'gray' : undefined}
                onClick={() => rsvp.mutate('absent')}
                loading={rsvp.isPending && rsvp.variables === 'absent'}
                aria-pressed={mine.response === 'absent'}
                data-testid="rsvp-absent"
              >
                {t('committees.attendance.absent')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** Quorum now and who is here; the secretary records attendance for those in the room. */
export function AttendancePanel({ meeting, showQuorum }: Props & { showQuorum: boolean }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn(meeting.id);
  const manage = meeting.me.canManage && meeting.status !== 'closed';
  const voters = meeting.attendance.filter((a) => a.role !== 'secretary');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="attendance-title">
      <Stack gap="md">
        {showQuorum && <QuorumBar quorum={quorumShown(meeting)} />}
        <Title order={2} fz="md" id="attendance-title">
          {t('committees.attendance.title')}
        </Title>
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="attendance-list">
          {voters.map((a) => (
            <Group key={a.memberId} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500} truncate>
                    {a.name}
                  </Text>
                  {a.external && (
                    <Badge size="xs" variant="outline" color="orange">
                      {t('committees.members.external')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`committees.roles.${a.role}`)}
                  {a.response ? ` · ${t(`committees.attendance.response.${a.response}`)}` : ''}
                  {a.present && a.checkedInBy ? ` · ${t(`committees.attendance.by.${a.checkedInBy}`)}` : ''}
                </Text>
              </Stack>
              {manage ? (
                <Switch
                  checked={a.present}
                  onChange={(e) => checkIn.mutate({ memberId: a.memberId, present: e.currentTarget.checked })}
                  aria-label={t('committees.attendance.presentToggle', { name: a.name })}
                  color="teal"
                  data-testid="presence-toggle"
                />
              ) : (
                <Badge variant={a.present ? 'filled' : 'light'} color={a.present ? 'teal.9' : 'gray'}>
                  {t(a.present ? 'committees.attendance.present' : 'committees.attendance.notPresent')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
