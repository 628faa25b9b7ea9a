import type { VideoMeetingDetail } from '@civicdesk/contracts/meetings';
import { Alert, Anchor, Badge, Button, Grid, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconArrowLeft from '@tabler/icons-react/dist/esm/icons/IconArrowLeft.mjs';
import IconClock from '@tabler/icons-react/dist/esm/icons/IconClock.mjs';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { toast } from '../../ui/toast.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { AttendanceSection } from './AttendanceSection.tsx';
import { DetailsSection } from './DetailsSection.tsx';
import { InviteesSection } from './InviteesSection.tsx';
import { JoinButtons, StatusBadge } from './MeetingCard.tsx';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import { canJoin, timeRange } from './meeting-rules.ts';
import { useCancelMeeting, useVideoMeeting } from './meetings.api.ts';
import { RecordingsSection } from './RecordingsSection.tsx';
import { VideoStatusAlert } from './VideoStatusAlert.tsx';

/** Under the title: status, relay, and the time. */
function MeetingFacts({ meeting: m }: { meeting: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  return (
    <Group gap="sm" component="span" wrap="wrap">
      <StatusBadge meeting={m} />
      {m.relayOn && m.status === 'live' && (
        <Badge variant="outline" color="red" component="span">
          {t('meetings.relayOn')}
        </Badge>
      )}
      <Group gap={4} component="span" wrap="nowrap">
        <IconClock size={16} aria-hidden />
        <span>{timeRange(m.startsAt, m.endsAt, country)}</span>
      </Group>
    </Group>
  );
}

/** Invited to a meeting that has not opened yet: say when the Join button comes. */
const joinLater = (m: VideoMeetingDetail) =>
  m.status === 'scheduled' && (m.me.host || m.me.invited) && !canJoin(m);

/** The host's edit and cancel, while the meeting has not started. */
function HostActions({ meeting }: { meeting: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const [editing, edit] = useDisclosure(false);
  const cancel = useCancelMeeting(meeting.id);
  if (!meeting.me.host || meeting.status !== 'scheduled') return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={18} aria-hidden />}
        onClick={edit.open}
        data-testid="meeting-edit"
      >
        {t('common.edit')}
      </Button>
      <ConfirmButton
        variant="subtle"
        color="red"
        title={t('meetings.detail.cancelTitle')}
        message={t('meetings.detail.cancelMessage', { title: meeting.title })}
        confirmLabel={t('meetings.detail.cancelConfirm')}
        danger
        loading={cancel.isPending}
        onConfirm={() =>
          cancel.mutateAsync(undefined).then(
            () => toast(t('meetings.detail.cancelled'), 'success'),
            (e: unknown) => toast(e instanceof Error ? e.message : String(e), 'error'),
          )
        }
        data-testid="meeting-cancel"
      >
        {t('meetings.detail.cancel')}
      </ConfirmButton>
      {editing && <MeetingFormModal meeting={meeting} onClose={edit.close} />}
    </>
  );
}

/** One video meeting: when and who, join and relay, the host's changes, attendance and recordings. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meeting = useVideoMeeting(id);
  // Committee notifications and e-mails link /meetings/<committee meeting>: not a video meeting, so go there.
  if (meeting.error instanceof ApiError && meeting.error.status === 404)
    return <Navigate to={`/committees/meetings/${id}`} replace />;
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;

  return (
    <>
      <Anchor component={Link} to="/meetings" size="sm" mb="xs" display="inline-block">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden />
          {t('meetings.detail.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={m.title}
        description={<MeetingFacts meeting={m} />}
        actions={
          <>
            <JoinButtons meeting={m} size="md" />
            <HostActions meeting={m} />
          </>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {(m.status === 'scheduled' || m.status === 'live') && <VideoStatusAlert />}
            {m.status === 'cancelled' && (
              <Alert color="gray" variant="light" data-testid="meeting-cancelled">
                {t('meetings.detail.isCancelled')}
              </Alert>
            )}
            {joinLater(m) && (
              <Alert
                color="blue"
                variant="light"
                icon={<IconClock size={20} aria-hidden />}
                data-testid="join-opens"
              >
                {t('meetings.detail.joinOpens')}
              </Alert>
            )}
            <DetailsSection meeting={m} />
            <AttendanceSection meeting={m} />
            {(m.recordings.length > 0 || m.status === 'live' || m.status === 'ended') && (
              <RecordingsSection meeting={m} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <InviteesSection meeting={m} />
        </Grid.Col>
      </Grid>
    </>
  );
}
