import type { LiveParticipant } from '@civicdesk/contracts/meetings';
import { Avatar, Badge, Group, Text } from '@mantine/core';
import IconHandStop from '@tabler/icons-react/dist/esm/icons/IconHandStop.mjs';
import IconMicrophoneOff from '@tabler/icons-react/dist/esm/icons/IconMicrophoneOff.mjs';
import IconScreenShare from '@tabler/icons-react/dist/esm/icons/IconScreenShare.mjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// One person (or one shared screen) on the stage: video when there is one, else their initials; name, muted
// microphone, raised hand, a green ring while they talk and a dot for their connection quality.

export type TileData = {
  key: string;
  feed: string | null;
  participant: LiveParticipant;
  stream: MediaStream | null;
  screen: boolean;
  self: boolean;
};

const qualityColor = { good: 'teal', fair: 'yellow', poor: 'red' } as const;

export function Tile({ tile, talking, large }: { tile: TileData; talking: boolean; large?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLVideoElement>(null);
  const p = tile.participant;
  const hasVideo = !!tile.stream && (tile.screen || (p.video && tile.stream.getVideoTracks().length > 0));
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== tile.stream) ref.current.srcObject = tile.stream;
  }, [tile.stream]);
  const initials = p.displayName
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0])
    .join('');
  return (
    <div
      data-testid="meeting-tile"
      data-user={p.userId}
      data-feed={tile.feed ?? ''}
      style={{
        position: 'relative',
        background: '#1b1f24',
        borderRadius: 10,
        overflow: 'hidden',
        aspectRatio: '16 / 9',
        outline: talking ? '3px solid var(--mantine-color-teal-5)' : '1px solid #2c3138',
        minHeight: large ? 200 : 0,
      }}
    >
      <video
        ref={ref}
        autoPlay
        playsInline
        muted
        style={{
          width: '100%',
          height: '100%',
          objectFit: tile.screen ? 'contain' : 'cover',
          display: hasVideo ? 'block' : 'none',
          transform: tile.self && !tile.screen ? 'scaleX(-1)' : undefined,
        }}
      />
      {!hasVideo && (
        <Group justify="center" align="center" h="100%">
          <Avatar size={large ? 96 : 48} radius="xl" color="blue">
            {initials}
          </Avatar>
        </Group>
      )}
      <Group gap={6} style={{ position: 'absolute', left: 8, bottom: 8, right: 8 }} wrap="nowrap">
        <span
          role="img"
          aria-label={t(`meetings.live.quality.${p.quality}`)}
          title={t(`meetings.live.quality.${p.quality}`)}
          style={{
            width: 8,
            height: 8,
            borderRadius: 4,
            flex: 'none',
            background: `var(--mantine-color-${qualityColor[p.quality]}-5)`,
          }}
        />
        <Text size="sm" c="white" truncate fw={500} style={{ textShadow: '0 1px 2px #000' }}>
          {tile.screen ? t('meetings.live.screenOf', { name: p.displayName }) : p.displayName}
          {tile.self ? ` (${t('meetings.live.you')})` : ''}
        </Text>
        {tile.screen && <IconScreenShare size={16} color="white" />}
        {!p.audio && !tile.screen && (
          <IconMicrophoneOff size={16} color="#ff8787" aria-label={t('meetings.live.muted')} />
        )}
      </Group>
      {p.hand !== null && !tile.screen && (
        <Badge
          color="yellow"
          leftSection={<IconHandStop size={14} />}
          style={{ position: 'absolute', top: 8, left: 8 }}
        >
          {p.hand}
        </Badge>
      )}
    </div>
  );
}
