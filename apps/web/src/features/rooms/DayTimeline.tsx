import type { Booking } from '@civicdesk/contracts/rooms';
import { Box, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { barPosition, hhmm } from './day.ts';

/** `hours`: the stretch of the day shown, the same on every card of the page (see visibleHours). */
type Props = { day: string; bookings: Booking[]; hours: [number, number] };

/** The day as a bar: booked stretches filled (the caller's own in another colour), free ones empty. */
export function DayTimeline({ day, bookings, hours }: Props) {
  const { t } = useTranslation();
  const ticks: number[] = [];
  const step = hours[1] - hours[0] > 14 ? 3 : 2;
  for (let h = Math.ceil(hours[0] / step) * step; h <= hours[1]; h += step) ticks.push(h);
  const tickLeft = (h: number) => ((h - hours[0]) / (hours[1] - hours[0])) * 100;

  return (
    <Box aria-hidden data-testid="day-timeline">
      <Box
        pos="relative"
        h={28}
        bg="var(--mantine-color-gray-0)"
        style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-3)', overflow: 'hidden' }}
      >
        {ticks.map((h) => (
          <Box
            key={h}
            pos="absolute"
            top={0}
            bottom={0}
            style={{ left: `${tickLeft(h)}%`, borderLeft: '1px dashed var(--mantine-color-gray-3)' }}
          />
        ))}
        {bookings.map((b) => {
          const { left, width } = barPosition(day, hours, b);
          return (
            <Tooltip key={b.id} label={`${hhmm(b.startsAt)}–${hhmm(b.endsAt)} · ${b.title}`} withinPortal>
              <Box
                pos="absolute"
                top={3}
                bottom={3}
                bg={b.mine ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-blue-5)'}
                style={{ left: `${left}%`, width: `max(${width}%, 3px)`, borderRadius: 4 }}
              />
            </Tooltip>
          );
        })}
      </Box>
      <Box pos="relative" h={16} mt={2}>
        {ticks.map((h) => (
          <Text
            key={h}
            size="xs"
            c="dimmed"
            pos="absolute"
            style={{
              left: `${tickLeft(h)}%`,
              transform:
                h === hours[0] ? undefined : h === hours[1] ? 'translateX(-100%)' : 'translateX(-50%)',
            }}
          >
            {t('rooms.hour', { hour: h })}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
