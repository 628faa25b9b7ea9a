import { Alert, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import IconBroadcast from '@tabler/icons-react/dist/esm/icons/IconBroadcast.mjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { useVideoMeeting } from '../meetings.api.ts';
import { ClosedNotice } from './MeetingRoomPage.tsx';
import { useLive } from './useLive.ts';

// The staff relay: the meeting's speaker, view-only, for every employee of the agency. It plays from a Janus
// Streaming mountpoint, so the audience never loads the meeting itself.

export function RelayViewerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const meeting = useVideoMeeting(id);
  const { snapshot } = useLive(id, 'relay', true);
  const video = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);
  useEffect(() => {
    if (video.current && snapshot?.relay) video.current.srcObject = snapshot.relay;
  }, [snapshot?.relay]);

  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  if (snapshot?.closed) return <ClosedNotice reason={snapshot.closed} meetingId={id} />;
  return (
    <Stack maw={1100} mx="auto" p="sm" gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{meeting.data.title}</Title>
        <Badge color="grape" leftSection={<IconBroadcast size={12} />}>
          {t('meetings.live.relayLive')}
        </Badge>
      </Group>
      {snapshot?.error && <Alert color="red">{snapshot.error}</Alert>}
      <Card withBorder padding={0} radius="md" style={{ background: '#111', overflow: 'hidden' }}>
        {!snapshot?.relay && (
          <Group justify="center" p="xl">
            <Loader color="gray" />
          </Group>
        )}
        <video
          ref={video}
          autoPlay
          playsInline
          muted={muted}
          controls
          onVolumeChange={(e) => setMuted(e.currentTarget.muted)}
          data-testid="relay-video"
          style={{ width: '100%', aspectRatio: '16 / 9', display: snapshot?.relay ? 'block' : 'none' }}
        />
      </Card>
      <Text c="dimmed" size="sm">
        {t('meetings.live.relayHint')}
      </Text>
    </Stack>
  );
}
