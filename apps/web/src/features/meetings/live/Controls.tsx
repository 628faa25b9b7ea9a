import type { Reaction } from '@civicdesk/contracts/meetings';
import { ActionIcon, Badge, Button, Group, Menu, Tooltip } from '@mantine/core';
import IconBroadcast from '@tabler/icons-react/dist/esm/icons/IconBroadcast.mjs';
import IconDots from '@tabler/icons-react/dist/esm/icons/IconDots.mjs';
import IconHandStop from '@tabler/icons-react/dist/esm/icons/IconHandStop.mjs';
import IconLock from '@tabler/icons-react/dist/esm/icons/IconLock.mjs';
import IconMessage from '@tabler/icons-react/dist/esm/icons/IconMessage.mjs';
import IconMicrophone from '@tabler/icons-react/dist/esm/icons/IconMicrophone.mjs';
import IconMicrophoneOff from '@tabler/icons-react/dist/esm/icons/IconMicrophoneOff.mjs';
import IconMoodSmile from '@tabler/icons-react/dist/esm/icons/IconMoodSmile.mjs';
import IconPhoneOff from '@tabler/icons-react/dist/esm/icons/IconPhoneOff.mjs';
import IconPlayerRecord from '@tabler/icons-react/dist/esm/icons/IconPlayerRecord.mjs';
import IconScreenShare from '@tabler/icons-react/dist/esm/icons/IconScreenShare.mjs';
import IconScreenShareOff from '@tabler/icons-react/dist/esm/icons/IconScreenShareOff.mjs';
import IconVideo from '@tabler/icons-react/dist/esm/icons/IconVideo.mjs';
import IconVideoOff from '@tabler/icons-react/dist/esm/icons/IconVideoOff.mjs';
import { useTranslation } from 'react-i18next';
import type { LiveClient, Snapshot } from './live-client.ts';

// The bar under the stage: own microphone, camera, screen, hand and reactions, the side panel, leaving; the host's
// menu adds lock, mute everyone, the staff relay, recording and ending the meeting for all.

export const reactionEmoji: Record<Reaction, string> = {
  thumbs_up: '👍',
  clap: '👏',
  heart: '❤️',
  laugh: '😄',
  surprised: '😮',
};

type Props = { snapshot: Snapshot; client: LiveClient; onPanel: () => void; onLeave: () => void };

export function Controls({ snapshot: s, client, onPanel, onLeave }: Props) {
  const { t } = useTranslation();
  const state = s.state!;
  const me = state.participants.find((p) => p.userId === state.me.userId);
  const hasCamera = !!s.local;
  const toggle = (
    label: string,
    on: boolean,
    onIcon: React.ReactNode,
    offIcon: React.ReactNode,
    action: () => void,
    testId: string,
  ) => (
    <Tooltip label={label}>
      <ActionIcon
        size="xl"
        radius="xl"
        variant={on ? 'default' : 'filled'}
        color={on ? undefined : 'red'}
        onClick={action}
        aria-label={label}
        data-testid={testId}
        data-on={on}
      >
        {on ? onIcon : offIcon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group justify="center" gap="sm" py="sm" wrap="wrap">
      {toggle(
        t(s.audio ? 'meetings.live.muteSelf' : 'meetings.live.unmuteSelf'),
        s.audio,
        <IconMicrophone />,
        <IconMicrophoneOff />,
        () => hasCamera && client.setMedia(!s.audio, s.video),
        'toggle-mic',
      )}
      {toggle(
        t(s.video ? 'meetings.live.cameraOff' : 'meetings.live.cameraOnAction'),
        s.video,
        <IconVideo />,
        <IconVideoOff />,
        () => hasCamera && client.setMedia(s.audio, !s.video),
        'toggle-camera',
      )}
      <Tooltip label={t(s.screen ? 'meetings.live.stopShare' : 'meetings.live.share')}>
        <ActionIcon
          size="xl"
          radius="xl"
          variant={s.screen ? 'filled' : 'default'}
          onClick={() => void (s.screen ? client.stopScreen() : client.shareScreen().catch(() => {}))}
          aria-label={t(s.screen ? 'meetings.live.stopShare' : 'meetings.live.share')}
          data-testid="toggle-screen"
        >
          {s.screen ? <IconScreenShareOff /> : <IconScreenShare />}
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t(me?.hand ? 'meetings.live.lowerOwnHand' : 'meetings.live.raiseHand')}>
        <ActionIcon
          size="xl"
          radius="xl"
          variant={me?.hand ? 'filled' : 'default'}
          color="yellow"
          onClick={() => client.send({ type: 'hand', raised: !me?.hand })}
          aria-label={t(me?.hand ? 'meetings.live.lowerOwnHand' : 'meetings.live.raiseHand')}
          data-testid="toggle-hand"
        >
          <IconHandStop />
        </ActionIcon>
      </Tooltip>
      <Menu position="top">
        <Menu.Target>
          <ActionIcon size="xl" radius="xl" variant="default" aria-label={t('meetings.live.react')}>
            <IconMoodSmile />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Group gap={4} p={4}>
            {(Object.keys(reactionEmoji) as Reaction[]).map((r) => (
              <Button
                key={r}
                variant="subtle"
                size="compact-lg"
                onClick={() => client.send({ type: 'react', reaction: r })}
                aria-label={t(`meetings.live.reactions.${r}`)}
              >
                {reactionEmoji[r]}
              </Button>
            ))}
          </Group>
        </Menu.Dropdown>
      </Menu>
      <ActionIcon
        size="xl"
        radius="xl"
        variant="default"
        onClick={onPanel}
        aria-label={t('meetings.live.panel')}
        data-testid="panel-toggle"
      >
        <IconMessage />
      </ActionIcon>
      {state.me.host && <HostMenu snapshot={s} client={client} />}
      <Button
        color="red"
        radius="xl"
        leftSection={<IconPhoneOff size={18} />}
        onClick={onLeave}
        data-testid="leave-meeting"
      >
        {t('meetings.live.leave')}
      </Button>
    </Group>
  );
}

function HostMenu({ snapshot: s, client }: { snapshot: Snapshot; client: LiveClient }) {
  const { t } = useTranslation();
  const state = s.state!;
  return (
    <Menu position="top" withinPortal>
      <Menu.Target>
        <ActionIcon
          size="xl"
          radius="xl"
          variant="default"
          aria-label={t('meetings.live.hostMenu')}
          data-testid="host-menu"
        >
          <IconDots />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconLock size={16} />}
          onClick={() => client.send({ type: 'lock', locked: !state.locked })}
          data-testid="host-lock"
        >
          {t(state.locked ? 'meetings.live.unlock' : 'meetings.live.lock')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconMicrophoneOff size={16} />}
          onClick={() => client.send({ type: 'muteAll' })}
          data-testid="host-mute-all"
        >
          {t('meetings.live.muteAll')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconBroadcast size={16} />}
          onClick={() => client.send({ type: 'relay', on: !state.relay.on })}
          data-testid="host-relay"
        >
          {t(state.relay.on ? 'meetings.live.stopRelay' : 'meetings.live.startRelay')}
          {state.relay.on && (
            <Badge ml={6} size="sm">
              {t('meetings.live.viewers', { count: state.relay.viewers })}
            </Badge>
          )}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconPlayerRecord size={16} />}
          onClick={() => client.send({ type: 'record', on: !state.recording })}
          data-testid="host-record"
        >
          {t(state.recording ? 'meetings.live.stopRecording' : 'meetings.live.startRecording')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconPhoneOff size={16} />}
          onClick={() => client.send({ type: 'end' })}
          data-testid="host-end"
        >
          {t('meetings.live.endForAll')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
