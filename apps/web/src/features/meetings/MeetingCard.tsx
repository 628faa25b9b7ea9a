import type { VideoMeeting } from '@civicdesk/contracts/meetings';
import { Anchor, Badge, Button, type ButtonProps, Group, Paper, Stack, Text } from '@mantine/core';
import IconBroadcast from '@tabler/icons-react/dist/esm/icons/IconBroadcast.mjs';
import IconVideo from '@tabler/icons-react/dist/esm/icons/IconVideo.mjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { canJoin, canWatch, statusColors, timeRange } from './meeting-rules.ts';
import { useVideoAvailable } from './VideoStatusAlert.tsx';

/** A link styled as a button; while video is unavailable, a disabled button (an anchor cannot be disabled). */
function LinkButton({
  to,
  enabled,
  ...button
}: ButtonProps & { to: string; enabled: boolean; children: ReactNode }) {
  return enabled ? <Button component={Link} to={to} {...button} /> : <Button disabled {...button} />;
}

/** The clock, read again every half minute: Join appears 15 minutes before the start without a reload. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

type ButtonsProps = { meeting: VideoMeeting; size?: 'sm' | 'md'; fullWidth?: boolean };

/** Join (host or invitee, live or about to start) and Watch relay (relay on, allowed to watch). */
export function JoinButtons({ meeting, size = 'sm', fullWidth }: ButtonsProps) {
  const { t } = useTranslation();
  const video = useVideoAvailable();
  const join = canJoin(meeting, useNow());
  const watch = canWatch(meeting);
  if (!join && !watch) return null;
  return (
    <Group gap="xs" wrap="wrap" grow={fullWidth}>
      {join && (
        <LinkButton
          to={`/meetings/${meeting.id}/room`}
          enabled={video}
          size={size}
          color="teal.9"
          leftSection={<IconVideo size={18} aria-hidden />}
          data-testid="meeting-join"
        >
          {t('meetings.join')}
        </LinkButton>
      )}
      {watch && (
        <LinkButton
          to={`/meetings/${meeting.id}/live`}
          enabled={video}
          size={size}
          variant="light"
          leftSection={<IconBroadcast size={18} aria-hidden />}
          data-testid="meeting-watch"
        >
          {t('meetings.watchRelay')}
        </LinkButton>
      )}
    </Group>
  );
}

export function StatusBadge({ meeting }: { meeting: VideoMeeting }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={meeting.status === 'live' ? 'filled' : 'light'}
      color={meeting.status === 'live' ? 'red.9' : statusColors[meeting.status]}
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
  const relayed = meeting.relayOn && meeting.status === 'live';
  return (
    <Paper withBorder radius="md" p="md" component="li" data-testid="meeting-card" data-id={meeting.id}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <Anchor
              component={Link}
              to={`/meetings/${meeting.id}`}
              fw={600}
              style={{ wordBreak: 'break-word', minWidth: 0 }}
            >
              {meeting.title}
            </Anchor>
            <StatusBadge meeting={meeting} />
          </Group>
          <Text size="sm">{timeRange(meeting.startsAt, meeting.endsAt, country)}</Text>
          <Text size="sm" c="dimmed">
            {t('meetings.hostedBy', { name: meeting.hostName })} · {meeting.agencyName}
          </Text>
          {(relayed || meeting.committeeMeetingId) && (
            <Group gap={6} mt={4}>
              {relayed && (
                <Badge variant="outline" color="red" size="sm">
                  {t('meetings.relayOn')}
                </Badge>
              )}
              {meeting.committeeMeetingId && (
                <Badge variant="outline" color="gray" size="sm">
                  {t('meetings.committee')}
                </Badge>
              )}
            </Group>
          )}
        </Stack>
        <JoinButtons meeting={meeting} />
      </Stack>
    </Paper>
  );
}
