import type { Recording, VideoMeetingDetail } from '@civicdesk/contracts/meetings';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import IconDownload from '@tabler/icons-react/dist/esm/icons/IconDownload.mjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { recordingUrl } from './meetings.api.ts';

const statusColors: Record<Recording['status'], string> = {
  processing: 'yellow',
  ready: 'teal',
  failed: 'red',
};

/** "1:02:05" or "12:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** The recording in the page (seekable: the server answers ranges) and a download link. */
function Player({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      {/* biome-ignore lint/a11y/useMediaCaption: recorded meetings have no caption track */}
      <video
        controls
        preload="metadata"
        src={url}
        style={{ width: '100%', maxHeight: 420, borderRadius: 8, background: '#000' }}
        aria-label={label}
        data-testid="recording-player"
      />
      <Anchor href={url} download size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconDownload size={16} aria-hidden />
          {t('meetings.recordings.download')}
        </Group>
      </Anchor>
    </>
  );
}

function RecordingItem({ meetingId, recording }: { meetingId: string; recording: Recording }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const url = recordingUrl(meetingId, recording.id);
  const label = t('meetings.recordings.label', { date: formatDateTime(recording.startedAt, country) });
  const facts = [
    recording.durationSeconds !== null ? formatDuration(recording.durationSeconds) : null,
    recording.size !== null
      ? t('meetings.recordings.size', {
          mb: formatNumber(Math.max(0.1, Math.round(recording.size / 1e5) / 10), currentLocale()),
        })
      : null,
  ].filter(Boolean);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="li"
      data-testid="recording"
      data-status={recording.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {label}
            </Text>
            {facts.length > 0 && (
              <Text size="xs" c="dimmed">
                {facts.join(' · ')}
              </Text>
            )}
          </Stack>
          <Badge variant="light" color={statusColors[recording.status]}>
            {t(`meetings.recordings.status.${recording.status}`)}
          </Badge>
        </Group>
        {recording.status === 'processing' && (
          <Text size="xs" c="dimmed">
            {t('meetings.recordings.processingHint')}
          </Text>
        )}
        {recording.status === 'failed' && recording.error && (
          <Text size="xs" c="red.8">
            {recording.error}
          </Text>
        )}
        {recording.status === 'ready' && <Player url={url} label={label} />}
      </Stack>
    </Paper>
  );
}

/** The meeting's recordings: being processed, failed (with the reason) or ready to play here. */
export function RecordingsSection({ meeting }: { meeting: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const recordings = [...meeting.recordings].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return (
    <SectionCard title={t('meetings.recordings.title')} id="meeting-recordings">
      {recordings.length === 0 ? (
        <EmptyState>{t('meetings.recordings.none')}</EmptyState>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {recordings.map((r) => (
            <RecordingItem key={r.id} meetingId={meeting.id} recording={r} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
