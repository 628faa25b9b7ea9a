import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Before joining: pick the camera and microphone, see yourself, choose to enter muted or with the camera off.

export type JoinChoice = { stream: MediaStream | null; audio: boolean; video: boolean };

type Devices = { cameras: MediaDeviceInfo[]; mics: MediaDeviceInfo[] };

export function PreJoin({ title, onJoin }: { title: string; onJoin: (c: JoinChoice) => void }) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<Devices>({ cameras: [], mics: [] });
  const [camera, setCamera] = useState<string | null>(null);
  const [mic, setMic] = useState<string | null>(null);
  const [audio, setAudio] = useState(true);
  const [video, setVideo] = useState(true);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failed, setFailed] = useState(false);
  const preview = useRef<HTMLVideoElement>(null);
  const handedOver = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let current: MediaStream | null = null;
    navigator.mediaDevices
      ?.getUserMedia({
        audio: mic ? { deviceId: { exact: mic } } : true,
        video: camera
          ? { deviceId: { exact: camera }, width: 1280, height: 720 }
          : { width: 1280, height: 720 },
      })
      .then(async (s) => {
        if (cancelled) {
          for (const tr of s.getTracks()) tr.stop();
          return;
        }
        current = s;
        setStream(s);
        setFailed(false);
        const all = await navigator.mediaDevices.enumerateDevices();
        setDevices({
          cameras: all.filter((d) => d.kind === 'videoinput'),
          mics: all.filter((d) => d.kind === 'audioinput'),
        });
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (!handedOver.current) for (const tr of current?.getTracks() ?? []) tr.stop();
    };
  }, [camera, mic]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream;
  }, [stream]);

  const join = () => {
    handedOver.current = true;
    onJoin({ stream: failed ? null : stream, audio: audio && !failed, video: video && !failed });
  };

  return (
    <Stack maw={640} mx="auto" p="md" gap="md">
      <Title order={2}>{title}</Title>
      <Card withBorder padding={0} radius="md" style={{ overflow: 'hidden', background: '#111' }}>
        <video
          ref={preview}
          autoPlay
          muted
          playsInline
          data-testid="prejoin-preview"
          style={{ width: '100%', aspectRatio: '16 / 9', objectFit: 'cover', opacity: video ? 1 : 0.15 }}
        />
      </Card>
      {failed && (
        <Alert color="yellow" title={t('meetings.live.noDevicesTitle')}>
          {t('meetings.live.noDevices')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('meetings.live.camera')}
          data={devices.cameras.map((d, i) => ({
            value: d.deviceId,
            label: d.label || `${t('meetings.live.camera')} ${i + 1}`,
          }))}
          value={camera ?? devices.cameras[0]?.deviceId ?? null}
          onChange={setCamera}
          disabled={failed || devices.cameras.length === 0}
        />
        <Select
          label={t('meetings.live.microphone')}
          data={devices.mics.map((d, i) => ({
            value: d.deviceId,
            label: d.label || `${t('meetings.live.microphone')} ${i + 1}`,
          }))}
          value={mic ?? devices.mics[0]?.deviceId ?? null}
          onChange={setMic}
          disabled={failed || devices.mics.length === 0}
        />
      </SimpleGrid>
      <Group>
        <Switch
          label={t('meetings.live.micOn')}
          checked={audio}
          onChange={(e) => setAudio(e.currentTarget.checked)}
          disabled={failed}
        />
        <Switch
          label={t('meetings.live.cameraOn')}
          checked={video}
          onChange={(e) => setVideo(e.currentTarget.checked)}
          disabled={failed}
        />
      </Group>
      <Text c="dimmed" size="sm">
        {t('meetings.live.joinHint')}
      </Text>
      <Button size="md" onClick={join} data-testid="join-meeting" disabled={!stream && !failed}>
        {t('meetings.live.joinNow')}
      </Button>
    </Stack>
  );
}
