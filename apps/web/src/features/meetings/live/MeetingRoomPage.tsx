import { Alert, Badge, Box, Button, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import IconBroadcast from '@tabler/icons-react/dist/esm/icons/IconBroadcast.mjs';
import IconLock from '@tabler/icons-react/dist/esm/icons/IconLock.mjs';
import IconPlayerRecord from '@tabler/icons-react/dist/esm/icons/IconPlayerRecord.mjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { useVideoMeeting, useVideoStatus } from '../meetings.api.ts';
import { VideoStatusAlert } from '../VideoStatusAlert.tsx';
import { Controls, reactionEmoji } from './Controls.tsx';
import type { Closed, LiveClient, Snapshot } from './live-client.ts';
import { type JoinChoice, PreJoin } from './PreJoin.tsx';
import { SidePanel } from './SidePanel.tsx';
import { Stage } from './Stage.tsx';
import { useLive } from './useLive.ts';

// The meeting room: device check first, then the lobby (if the host must admit), then the stage with the side
// panel (a drawer on phones) and the controls. Closing reasons are said plainly.

export function MeetingRoomPage() {
  const { id = '' } = useParams();
  const meeting = useVideoMeeting(id);
  const status = useVideoStatus();
  const [choice, setChoice] = useState<JoinChoice | null>(null);
  const { client, snapshot } = useLive(id, 'meeting', choice !== null);

  if (meeting.isPending || status.isPending) return <Loading />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  if (!status.data?.available)
    return (
      <Stack maw={640} mx="auto" p="md">
        <VideoStatusAlert />
      </Stack>
    );
  if (!choice) return <PreJoin title={meeting.data.title} onJoin={setChoice} />;
  if (!client || !snapshot) return <Loading />;
  if (snapshot.closed) return <ClosedNotice reason={snapshot.closed} meetingId={id} />;
  return (
    <Room title={meeting.data.title} meetingId={id} client={client} snapshot={snapshot} choice={choice} />
  );
}

type RoomProps = {
  title: string;
  meetingId: string;
  client: LiveClient;
  snapshot: Snapshot;
  choice: JoinChoice;
};

function Room({ title, meetingId, client, snapshot, choice }: RoomProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 61.99em)') ?? false;
  const [panel, setPanel] = useState(false);
  const navigate = useNavigate();
  const status = snapshot.state?.me.status;
  // Publish the camera once admitted (waiting in the lobby sends nothing).
  useEffect(() => {
    if (status === 'in' && choice.stream && !snapshot.local)
      void client.publishCamera(choice.stream, choice.audio, choice.video);
  }, [status, choice, client, snapshot.local]);

  if (!snapshot.state) return <Loading />;
  if (status === 'lobby')
    return (
      <Stack align="center" p="xl" gap="md" data-testid="lobby-wait">
        <Loader />
        <Title order={3}>{title}</Title>
        <Text>{t('meetings.live.waiting')}</Text>
        <Button variant="default" onClick={() => navigate(`/meetings/${meetingId}`)}>
          {t('meetings.live.leave')}
        </Button>
      </Stack>
    );
  const state = snapshot.state;
  const side = <SidePanel snapshot={snapshot} client={client} />;
  return (
    <Stack
      gap="xs"
      p={phone ? 4 : 'sm'}
      style={{ minHeight: 'calc(100dvh - 80px)' }}
      data-testid="meeting-room"
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} style={{ minWidth: 0 }} lineClamp={1}>
          {title}
        </Title>
        <Group gap={6}>
          <Badge variant="light">{t('meetings.live.count', { count: state.participants.length })}</Badge>
          {state.locked && (
            <Badge color="gray" leftSection={<IconLock size={12} />}>
              {t('meetings.live.locked')}
            </Badge>
          )}
          {state.recording && (
            <Badge color="red" leftSection={<IconPlayerRecord size={12} />} data-testid="recording-badge">
              {t('meetings.live.recording')}
            </Badge>
          )}
          {state.relay.on && (
            <Badge color="grape" leftSection={<IconBroadcast size={12} />} data-testid="relay-badge">
              {t('meetings.live.relaying', { count: state.relay.viewers })}
            </Badge>
          )}
          {state.me.host && state.lobby.length > 0 && (
            <Badge color="orange" style={{ cursor: 'pointer' }} onClick={() => setPanel(true)}>
              {t('meetings.live.waitingCount', { count: state.lobby.length })}
            </Badge>
          )}
        </Group>
      </Group>
      {snapshot.error && (
        <Alert
          color="red"
          withCloseButton
          onClose={() => client.send({ type: 'media', audio: snapshot.audio, video: snapshot.video })}
        >
          {snapshot.error}
        </Alert>
      )}
      {!choice.stream && <Alert color="yellow">{t('meetings.live.listenOnly')}</Alert>}
      <Group align="flex-start" gap="sm" wrap="nowrap" style={{ flex: 1 }}>
        <Stage snapshot={snapshot} client={client} />
        {!phone && panel && (
          <Box w={380} style={{ flex: 'none' }}>
            {side}
          </Box>
        )}
      </Group>
      <Reactions snapshot={snapshot} />
      <Controls
        snapshot={snapshot}
        client={client}
        onPanel={() => setPanel((p) => !p)}
        onLeave={() => navigate(`/meetings/${meetingId}`)}
      />
      {phone && (
        <Drawer opened={panel} onClose={() => setPanel(false)} position="bottom" size="80%" title={title}>
          {side}
        </Drawer>
      )}
    </Stack>
  );
}

function Reactions({ snapshot }: { snapshot: Snapshot }) {
  const names = new Map(snapshot.state?.participants.map((p) => [p.userId, p.displayName]));
  if (snapshot.reactions.length === 0) return null;
  return (
    <Group gap="xs" justify="center" aria-live="polite">
      {snapshot.reactions.map((r) => (
        <Badge key={r.id} size="lg" variant="light">
          {reactionEmoji[r.reaction]} {names.get(r.userId)}
        </Badge>
      ))}
    </Group>
  );
}

export function ClosedNotice({ reason, meetingId }: { reason: Closed; meetingId: string }) {
  const { t } = useTranslation();
  return (
    <Stack maw={520} mx="auto" p="xl" gap="md" data-testid="meeting-closed" data-reason={reason}>
      <Alert
        color={reason === 'ended' || reason === 'relay_off' ? 'blue' : 'orange'}
        title={t(`meetings.live.closed.${reason}`)}
      >
        {t(`meetings.live.closedHint.${reason}`)}
      </Alert>
      <Button component={Link} to={`/meetings/${meetingId}`} variant="default">
        {t('meetings.live.backToMeeting')}
      </Button>
    </Stack>
  );
}
