import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { useCountryOf } from '../documents/useCountryOf.ts';
import { BookingRow } from './ResourceCard.tsx';
import { useMyBookings } from './rooms.api.ts';

/** The person's own bookings from now on, grouped by day, each with its room and a cancel button. */
export function MyBookings() {
  const { t } = useTranslation();
  const mine = useMyBookings();
  const countryOf = useCountryOf();
  const byDay = new Map<string, NonNullable<typeof mine.data>>();
  for (const b of mine.data ?? []) {
    const day = formatDate(b.startsAt, countryOf(b.agencyId));
    byDay.set(day, [...(byDay.get(day) ?? []), b]);
  }
  return (
    <SectionCard id="my-bookings" title={t('rooms.mine.title')}>
      {mine.isPending ? (
        <Loading minHeight={80} />
      ) : mine.error ? (
        <ErrorAlert error={mine.error} />
      ) : byDay.size === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rooms.mine.none')}
        </Text>
      ) : (
        <Stack gap="md" data-testid="my-bookings">
          {[...byDay].map(([day, list]) => (
            <Stack key={day} gap={6}>
              <Text size="sm" fw={600}>
                {day}
              </Text>
              <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {list.map((b) => (
                  <BookingRow key={b.id} booking={b} showResource={b.resourceName} />
                ))}
              </Stack>
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
