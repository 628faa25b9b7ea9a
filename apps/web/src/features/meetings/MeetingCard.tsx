import type { VideoMeeting } from '@civicdesk/contracts/meetings';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import IconBroadcast from '@tabler/icons-react/dist/esm/icons/IconBroadcast.mjs';
import IconVideo from '@tabler/icons-react/dist/esm/icons/IconVideo.mjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { canJoin, canWatch, statusColors, timeRange } from './meeting-rules.ts';
import { useVideoAvailable } from './VideoStatusAlert.tsx';

type ButtonsProps = { meeting: VideoMeeting; size?: 'sm' | 'md'; fullWidth?: boolean };

/** Join (host or invitee, live or about to start) and Watch relay (relay on, allowed to watch). */
export function JoinButtons({ meeting, size = 'sm', fullWidth }: ButtonsProps) {
  const { t } = useTranslation();
  const video = useVideoAvailable();
  const join = canJoin(meeting);
  const watch = canWatch(meeting);
  if (!join && !watch) return null;
  return (
    <Group gap="xs" wrap="wrap" grow={fullWidth}>
      {join && (
        <Button
          component={Link}
          to={`/meetings/${meeting.id}/room`}
          size={size}
          color="teal"
          disabled={!video}
          leftSection={<IconVideo size={18} aria-hidden />}
          data-testid="meeting-join"
        >
          {t('meetings.join')}
        </Button>
      )}
      {watch && (
        <Button
          component={Link}
          to={`/meetings/${meeting.id}/live`}
          size={size}
          variant="light"
          disabled={!video}
          leftSection={<IconBroadcast size={18} aria-hidden />}
          data-testid="meeting-watch"
        >
          {t('meetings.watchRelay')}
        </Button>
      )}
    </Group>
  );
}

export function StatusBadge({ meeting }: { meeting: VideoMeeting }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={meeting.status === 'live' ? 'filled' : 'light'}
      color={statusColors[meeting.status]}
      style={{ flexShrink: 0 }}
      data-testid="meeting-status"
      data-status={meeting.status}
    >
      {t(`meetings.status.${meeting.status}`)}
    </Badge>
  );
}

/** One meeting in a list: title, time, host and agency, status, and the buttons that apply now. */
export function MeetingCard({ meeting }: { meeting: VideoMeeting }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  return (
    <Paper withBorder radius="md" p="md" component="li" data-testid="meeting-card" data-id={meeting.id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={`/meetings/${meeting.id}`}
              fw={600}
              style={{ wordBreak: 'break-word' }}
            >
              {meeting.title}
            </Anchor>
            <Text size="sm">{timeRange(meeting.startsAt, meeting.endsAt, country)}</Text>
            <Text size="sm" c="dimmed">
              {t('meetings.hostedBy', { name: meeting.hostName })} · {meeting.agencyName}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <StatusBadge meeting={meeting} />
            {meeting.relayOn && meeting.status === 'live' && (
              <Badge variant="outline" color="red" size="sm">
                {t('meetings.relayOn')}
              </Badge>
            )}
            {meeting.committeeMeetingId && (
              <Badge variant="outline" color="gray" size="sm">
                {t('meetings.committee')}
              </Badge>
            )}
          </Stack>
        </Group>
        <JoinButtons meeting={meeting} />
      </Stack>
    </Paper>
  );
}
