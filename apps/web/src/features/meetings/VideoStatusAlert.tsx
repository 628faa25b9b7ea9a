import { Alert, Text } from '@mantine/core';
import IconVideoOff from '@tabler/icons-react/dist/esm/icons/IconVideoOff.mjs';
import { useTranslation } from 'react-i18next';
import { useVideoStatus } from './meetings.api.ts';

/**
 * Says plainly when the server cannot carry video (no Janus installed, Janus unreachable, turned off): scheduling,
 * invitations, attendance and recordings still work, joining does not.
 */
export function VideoStatusAlert() {
  const { t } = useTranslation();
  const status = useVideoStatus().data;
  if (!status || status.available) return null;
  const reason = status.reason ?? 'unreachable';
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconVideoOff size={20} aria-hidden />}
      title={t('meetings.video.title')}
      data-testid="video-unavailable"
      data-reason={reason}
    >
      <Text size="sm">{t(`meetings.video.${reason}`)}</Text>
    </Alert>
  );
}

/** Whether joining and the relay can work now (unknown while the status loads: assume yes). */
export function useVideoAvailable(): boolean {
  return useVideoStatus().data?.available ?? true;
}
