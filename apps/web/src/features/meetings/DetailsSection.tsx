import type { VideoMeetingDetail } from '@civicdesk/contracts/meetings';
import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { minutesBetween, timeRange } from './meeting-rules.ts';
import { useMeetingBooking } from './meetings.api.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** When, how long, whose, the lobby, the booked room and the committee meeting, then the description. */
export function DetailsSection({ meeting: m }: { meeting: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const booking = useMeetingBooking(m).data;
  return (
    <SectionCard title={t('meetings.detail.details')} id="meeting-details">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" m={0}>
        <Item label={t('meetings.detail.when')}>
          {timeRange(m.startsAt, m.endsAt, country)} (
          {t('meetings.attendance.minutes', { count: minutesBetween(m.startsAt, m.endsAt) })})
        </Item>
        <Item label={t('common.agency')}>{m.agencyName}</Item>
        <Item label={t('meetings.detail.host')}>{m.hostName}</Item>
        <Item label={t('meetings.form.lobby')}>
          {t(m.lobby ? 'meetings.form.lobbyHint' : 'meetings.detail.lobbyOff')}
        </Item>
        {booking && <Item label={t('meetings.form.room')}>{booking.resourceName}</Item>}
        {m.committeeMeetingId && (
          <Item label={t('meetings.committee')}>
            <Anchor component={Link} to={`/committees/meetings/${m.committeeMeetingId}`} size="sm">
              {t('meetings.detail.committeeLink')}
            </Anchor>
          </Item>
        )}
      </SimpleGrid>
      {m.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-description">
          {m.description}
        </Text>
      )}
    </SectionCard>
  );
}
