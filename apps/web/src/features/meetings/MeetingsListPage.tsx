import { Badge, Button, Stack, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMe } from '../auth/auth.api.ts';
import { MeetingCard } from './MeetingCard.tsx';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import { meetingAgencies } from './meeting-rules.ts';
import { type MeetingWhen, useMeetingList } from './meetings.api.ts';
import { VideoStatusAlert } from './VideoStatusAlert.tsx';

const tabs: MeetingWhen[] = ['live', 'upcoming', 'past'];
const isWhen = (v: string | null): v is MeetingWhen => tabs.includes(v as MeetingWhen);

function MeetingList({ when }: { when: MeetingWhen }) {
  const { t } = useTranslation();
  const list = useMeetingList(when);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  // Upcoming and live read soonest first; the past, latest first.
  const meetings = [...list.data].sort((a, b) =>
    when === 'past' ? b.startsAt.localeCompare(a.startsAt) : a.startsAt.localeCompare(b.startsAt),
  );
  if (meetings.length === 0) return <EmptyState>{t(`meetings.empty.${when}`)}</EmptyState>;
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid={`meetings-${when}`}>
      {meetings.map((m) => (
        <MeetingCard key={m.id} meeting={m} />
      ))}
    </Stack>
  );
}

/** The Meetings menu entry: live now, upcoming and past meetings the person may see, and scheduling. */
export function MeetingsListPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const [scheduling, schedule] = useDisclosure(false);
  const live = useMeetingList('live').data ?? [];
  const param = params.get('when');
  const when: MeetingWhen = isWhen(param) ? param : 'upcoming';
  const canSchedule = meetingAgencies(me).length > 0;

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        description={t('meetings.description')}
        actions={
          canSchedule && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={schedule.open}
              data-testid="meeting-schedule"
            >
              {t('meetings.schedule')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <VideoStatusAlert />
        <Tabs
          value={when}
          onChange={(v) => isWhen(v) && setParams({ when: v }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            {tabs.map((w) => (
              <Tabs.Tab
                key={w}
                value={w}
                data-testid={`meetings-tab-${w}`}
                rightSection={
                  w === 'live' && live.length > 0 ? (
                    <Badge size="sm" color="red" circle>
                      {live.length}
                    </Badge>
                  ) : undefined
                }
              >
                {t(`meetings.tabs.${w}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((w) => (
            <Tabs.Panel key={w} value={w}>
              <MeetingList when={w} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
      {scheduling && <MeetingFormModal onClose={schedule.close} />}
    </>
  );
}
