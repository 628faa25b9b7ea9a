import type { LiveState } from '@civicdesk/contracts/meetings';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import IconDots from '@tabler/icons-react/dist/esm/icons/IconDots.mjs';
import IconHandStop from '@tabler/icons-react/dist/esm/icons/IconHandStop.mjs';
import IconMicrophoneOff from '@tabler/icons-react/dist/esm/icons/IconMicrophoneOff.mjs';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveClient, Snapshot } from './live-client.ts';

// Chat, the people in the meeting (raised hands first, in queue order) with the host's controls per person, and
// the lobby where the host admits or refuses those waiting.

export function SidePanel({ snapshot, client }: { snapshot: Snapshot; client: LiveClient }) {
  const { t } = useTranslation();
  const state = snapshot.state!;
  const host = state.me.host;
  return (
    <Tabs defaultValue={host && state.lobby.length ? 'lobby' : 'chat'} keepMounted={false}>
      <Tabs.List grow>
        <Tabs.Tab value="chat">{t('meetings.live.chat')}</Tabs.Tab>
        <Tabs.Tab value="people" data-testid="people-tab">
          {t('meetings.live.people')} ({state.participants.length})
        </Tabs.Tab>
        {host && (
          <Tabs.Tab value="lobby" data-testid="lobby-tab">
            {t('meetings.live.lobby')}
            {state.lobby.length > 0 && (
              <Badge ml={6} size="sm" color="orange" circle>
                {state.lobby.length}
              </Badge>
            )}
          </Tabs.Tab>
        )}
      </Tabs.List>
      <Tabs.Panel value="chat" pt="sm">
        <Chat snapshot={snapshot} client={client} />
      </Tabs.Panel>
      <Tabs.Panel value="people" pt="sm">
        <People state={state} client={client} />
      </Tabs.Panel>
      {host && (
        <Tabs.Panel value="lobby" pt="sm">
          <Lobby state={state} client={client} />
        </Tabs.Panel>
      )}
    </Tabs>
  );
}

function Chat({ snapshot, client }: { snapshot: Snapshot; client: LiveClient }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    client.send({ type: 'chat', text: text.trim() });
    setText('');
  };
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <Stack gap="xs">
      <ScrollArea h={320} type="auto" data-testid="chat-log">
        <Stack gap={6}>
          {snapshot.chat.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('meetings.live.noChat')}
            </Text>
          )}
          {snapshot.chat.map((m) => (
            <div key={m.id}>
              <Text size="xs" c="dimmed">
                {m.displayName} · {time.format(new Date(m.at))}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {m.text}
              </Text>
            </div>
          ))}
        </Stack>
      </ScrollArea>
      <form onSubmit={submit}>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('meetings.live.message')}
            placeholder={t('meetings.live.message')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={2000}
            style={{ flex: 1 }}
            data-testid="chat-input"
          />
          <Button type="submit">{t('meetings.live.send')}</Button>
        </Group>
      </form>
    </Stack>
  );
}

function People({ state, client }: { state: LiveState; client: LiveClient }) {
  const { t } = useTranslation();
  const people = [...state.participants].sort((a, b) => (a.hand ?? 1e9) - (b.hand ?? 1e9));
  return (
    <Stack gap={6}>
      {people.map((p) => (
        <Group key={p.userId} justify="space-between" wrap="nowrap" data-testid="participant-row">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            {p.hand !== null && (
              <Badge color="yellow" leftSection={<IconHandStop size={12} />}>
                {p.hand}
              </Badge>
            )}
            <Text size="sm" truncate>
              {p.displayName}
            </Text>
            {p.host && <Badge size="xs">{t('meetings.live.host')}</Badge>}
            {!p.audio && <IconMicrophoneOff size={14} color="gray" />}
          </Group>
          {state.me.host && p.userId !== state.me.userId && (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('meetings.live.actionsFor', { name: p.displayName })}
                  data-testid="participant-actions"
                >
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  onClick={() => client.send({ type: 'mute', userId: p.userId, kind: 'audio' })}
                  data-testid="mute-participant"
                >
                  {t('meetings.live.mute')}
                </Menu.Item>
                <Menu.Item onClick={() => client.send({ type: 'mute', userId: p.userId, kind: 'video' })}>
                  {t('meetings.live.stopVideo')}
                </Menu.Item>
                {p.hand !== null && (
                  <Menu.Item onClick={() => client.send({ type: 'lowerHand', userId: p.userId })}>
                    {t('meetings.live.lowerHand')}
                  </Menu.Item>
                )}
                <Menu.Item onClick={() => client.send({ type: 'handOver', userId: p.userId })}>
                  {t('meetings.live.makeHost')}
                </Menu.Item>
                <Menu.Item color="red" onClick={() => client.send({ type: 'remove', userId: p.userId })}>
                  {t('meetings.live.remove')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function Lobby({ state, client }: { state: LiveState; client: LiveClient }) {
  const { t } = useTranslation();
  if (state.lobby.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('meetings.live.lobbyEmpty')}
      </Text>
    );
  return (
    <Stack gap={6}>
      {state.lobby.map((w) => (
        <Group key={w.userId} justify="space-between" wrap="nowrap">
          <Text size="sm" truncate>
            {w.displayName}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              onClick={() => client.send({ type: 'admit', userId: w.userId })}
              data-testid="admit"
            >
              {t('meetings.live.admit')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => client.send({ type: 'refuse', userId: w.userId })}
            >
              {t('meetings.live.refuse')}
            </Button>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
