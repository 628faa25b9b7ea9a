import type { TileSize } from '@civicdesk/contracts/meetings';
import { Group, Pagination, SimpleGrid, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { LiveClient, Snapshot } from './live-client.ts';
import { Tile, type TileData } from './Tile.tsx';

// The stage: a shared screen or the active speaker large, everyone else in a paged grid. Only the tiles on the
// page are subscribed to (the server is told after every change), each at the simulcast layer its size needs.

function tilesOf(s: Snapshot): TileData[] {
  const state = s.state!;
  const me = state.me.userId;
  const remote = new Map(s.remote.map((r) => [r.feed, r.stream]));
  const tiles: TileData[] = [];
  for (const p of state.participants) {
    const self = p.userId === me;
    if (p.feeds.screen)
      tiles.push({
        key: `${p.userId}:screen`,
        feed: p.feeds.screen,
        participant: p,
        screen: true,
        self,
        stream: self ? s.screen : (remote.get(p.feeds.screen) ?? null),
      });
    tiles.push({
      key: `${p.userId}:camera`,
      feed: p.feeds.camera ?? null,
      participant: p,
      screen: false,
      self,
      stream: self ? s.local : p.feeds.camera ? (remote.get(p.feeds.camera) ?? null) : null,
    });
  }
  return tiles;
}

export function Stage({ snapshot, client }: { snapshot: Snapshot; client: LiveClient }) {
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const pageSize = phone ? 4 : 12;
  const [page, setPage] = useState(1);
  const tiles = useMemo(() => tilesOf(snapshot), [snapshot]);
  const speaker = snapshot.state?.speaker;
  const featured =
    tiles.find((t) => t.screen) ??
    tiles.find((t) => !t.self && t.participant.userId === speaker) ??
    (tiles.length > 2 ? tiles.find((t) => !t.self) : undefined);
  const rest = tiles.filter((t) => t !== featured);
  const pages = Math.max(1, Math.ceil(rest.length / pageSize));
  const current = Math.min(page, pages);
  const visible = rest.slice((current - 1) * pageSize, current * pageSize);
  const gridSize: TileSize =
    visible.length <= 2 && !featured ? 'large' : visible.length <= 4 ? 'medium' : 'small';

  const view = [
    ...(featured?.feed && !featured.self ? [{ feed: featured.feed, size: 'large' as TileSize }] : []),
    ...visible.filter((t) => t.feed && !t.self).map((t) => ({ feed: t.feed!, size: gridSize })),
  ];
  const viewKey = JSON.stringify(view);
  // biome-ignore lint/correctness/useExhaustiveDependencies: viewKey stands for view
  useEffect(() => client.setView(view), [client, viewKey]);

  const cols = phone
    ? visible.length <= 2
      ? 1
      : 2
    : visible.length <= 1
      ? 1
      : visible.length <= 4
        ? 2
        : visible.length <= 9
          ? 3
          : 4;
  return (
    <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
      {featured && <Tile tile={featured} talking={snapshot.talking.has(featured.participant.userId)} large />}
      <SimpleGrid
        cols={featured ? (phone ? 2 : Math.min(6, Math.max(2, visible.length))) : cols}
        spacing="sm"
      >
        {visible.map((t) => (
          <Tile key={t.key} tile={t} talking={snapshot.talking.has(t.participant.userId)} />
        ))}
      </SimpleGrid>
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={current} onChange={setPage} size="sm" />
        </Group>
      )}
      {/* Everyone's sound, whichever tiles are on screen (the server sends only who may be heard). */}
      {snapshot.remote.map((r) => (
        <RemoteAudio key={r.feed} stream={r.stream} />
      ))}
    </Stack>
  );
}

function RemoteAudio({ stream }: { stream: MediaStream }) {
  const [el, setEl] = useState<HTMLAudioElement | null>(null);
  useEffect(() => {
    if (el) el.srcObject = stream;
  }, [el, stream]);
  // biome-ignore lint/a11y/useMediaCaption: live meeting audio
  return <audio ref={setEl} autoPlay />;
}
