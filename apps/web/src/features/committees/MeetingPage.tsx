import type { MeetingDetail } from '@civicdesk/contracts/committees';
import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import IconArrowLeft from '@tabler/icons-react/dist/esm/icons/IconArrowLeft.mjs';
import IconClock from '@tabler/icons-react/dist/esm/icons/IconClock.mjs';
import IconMapPin from '@tabler/icons-react/dist/esm/icons/IconMapPin.mjs';
import IconUser from '@tabler/icons-react/dist/esm/icons/IconUser.mjs';
import IconVideo from '@tabler/icons-react/dist/esm/icons/IconVideo.mjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { AgendaItemCard } from './AgendaItemCard.tsx';
import { AttendancePanel, MyAttendance, quorumShown } from './AttendancePanel.tsx';
import { Countdown } from './Countdown.tsx';
import { latestPoll } from './committee-rules.ts';
import { useCommittee } from './committees.api.ts';
import { MeetingActions } from './MeetingActions.tsx';
import { MinutesSection } from './MinutesSection.tsx';
import { modeIcons, statusColors } from './meeting-meta.ts';
import { needsPledge, useMeeting } from './meetings.api.ts';
import { PledgeScreen } from './PledgeScreen.tsx';
import { QuorumBar } from './QuorumBar.tsx';

function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const Icon = modeIcons[meeting.mode];
  const fact = (icon: ReactNode, text: string) => (
    <Group gap={4} component="span" wrap="nowrap">
      {icon}
      <span>{text}</span>
    </Group>
  );
  return (
    <Group gap="md" component="span" wrap="wrap">
      <Badge
        variant="light"
        color={statusColors[meeting.status]}
        component="span"
        data-testid="meeting-status"
        data-status={meeting.status}
      >
        {t(`committees.status.${meeting.status}`)}
      </Badge>
      {fact(<Icon size={16} aria-hidden />, t(`committees.modes.${meeting.mode}`))}
      {fact(
        <IconClock size={16} aria-hidden />,
        meeting.mode === 'written' && meeting.deadline
          ? t('committees.meeting.until', { date: formatDateTime(meeting.deadline, country) })
          : formatDateTime(meeting.startsAt, country),
      )}
      {meeting.location && fact(<IconMapPin size={16} aria-hidden />, meeting.location)}
      {meeting.chairName &&
        fact(
          <IconUser size={16} aria-hidden />,
          t('committees.meeting.chairedBy', { name: meeting.chairName }),
        )}
    </Group>
  );
}

/** Written deliberation (서면심의): the ground, the deadline and how far members have got, Loomio-style. */
function WrittenPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const polls = meeting.items.map((i) => ({ item: i, poll: latestPoll(i.polls) }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="written-title">
      <Stack gap="sm">
        <Title order={2} fz="md" id="written-title">
          {t('committees.written.title')}
        </Title>
        {meeting.deadline && (
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              {t('committees.written.deadline', { date: formatDateTime(meeting.deadline, country) })}
            </Text>
            {meeting.status !== 'closed' && <Countdown deadline={meeting.deadline} />}
          </Group>
        )}
        {meeting.writtenGround && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('committees.written.ground')}:{' '}
            </Text>
            {meeting.writtenGround}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('committees.written.howItWorks')}
        </Text>
        {meeting.me.canManage &&
          polls.map(
            ({ item, poll }) =>
              poll?.tally && (
                <Group key={item.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate>
                    {item.seq}. {item.title}
                  </Text>
                  <Badge variant="light" style={{ flexShrink: 0 }}>
                    {poll.tally.voted}/{poll.tally.eligible}
                  </Badge>
                </Group>
              ),
          )}
      </Stack>
    </Paper>
  );
}

/** The meeting: header, live quorum and attendance, the agenda with its votes, then the minutes. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { meetingId } = useParams();
  const meeting = useMeeting(meetingId);
  const committee = useCommittee(meeting.data?.committeeId);
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });

  if (needsPledge(meeting.error)) return <PledgeScreen />;
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  const written = m.mode === 'written';
  const video = m.mode === 'online' && m.videoRoomUrl && m.status !== 'closed';
  const items = [...m.items].sort((a, b) => a.seq - b.seq);
  // Wide screens keep quorum and attendance (or the written deliberation's facts) beside the agenda; phones
  // show the quorum and the deadline first, and the attendance list after the agenda.
  const status = written ? <WrittenPanel meeting={m} /> : <AttendancePanel meeting={m} showQuorum={wide} />;

  return (
    <>
      <Anchor component={Link} to={`/committees/${m.committeeId}`} size="sm" mb="xs" display="inline-block">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={16} aria-hidden />
          {m.committeeName}
        </Group>
      </Anchor>
      <PageHeader
        title={m.title}
        description={<MeetingFacts meeting={m} />}
        actions={
          <Group gap="xs">
            {video && (
              <Button
                component="a"
                href={m.videoRoomUrl!}
                target="_blank"
                rel="noopener"
                size="md"
                leftSection={<IconVideo size={20} aria-hidden />}
                data-testid="join-video"
              >
                {t('committees.meeting.joinVideo')}
              </Button>
            )}
            {m.videoMeetingId && (
              <Button component={Link} to={`/meetings/${m.videoMeetingId}`} variant="default" size="md">
                {t('committees.meeting.videoRecord')}
              </Button>
            )}
          </Group>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {m.me.canManage && <MeetingActions meeting={m} committee={committee.data} />}
            {!wide &&
              (written ? (
                status
              ) : (
                <Paper withBorder radius="md" p="md">
                  <QuorumBar quorum={quorumShown(m)} />
                </Paper>
              ))}
            {!written && <MyAttendance meeting={m} />}
            <Title order={2} fz="lg">
              {t(written ? 'committees.written.proposals' : 'committees.items.agenda')}
            </Title>
            {items.length === 0 ? (
              <EmptyState>{t('committees.items.none')}</EmptyState>
            ) : (
              <Stack gap="md" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((item) => (
                  <AgendaItemCard key={item.id} meeting={m} item={item} />
                ))}
              </Stack>
            )}
            <MinutesSection meeting={m} />
          </Stack>
        </Grid.Col>
        {(wide || !written) && <Grid.Col span={{ base: 12, md: 4 }}>{status}</Grid.Col>}
      </Grid>
    </>
  );
}
