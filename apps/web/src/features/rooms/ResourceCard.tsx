import type { Availability, Booking, Resource } from '@civicdesk/contracts/rooms';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import IconArmchair from '@tabler/icons-react/dist/esm/icons/IconArmchair.mjs';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import IconVideo from '@tabler/icons-react/dist/esm/icons/IconVideo.mjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { toast } from '../../ui/toast.ts';
import { DayTimeline } from './DayTimeline.tsx';
import { hhmm } from './day.ts';
import { useCancelBooking, useUpdateResource } from './rooms.api.ts';

type Props = {
  resource: Resource;
  day: string;
  availability: { data?: Availability; error: unknown; isPending: boolean };
  hours: [number, number];
  onBook: () => void;
  onEdit: () => void;
};

/** One room or seat: what it is, its day on a bar and as a list, and what the person may do with it. */
export function ResourceCard({ resource, day, availability, hours, onBook, onEdit }: Props) {
  const { t } = useTranslation();
  const Icon = resource.kind === 'vc_room' ? IconVideo : IconArmchair;
  const bookings = availability.data?.bookings ?? [];

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={resource.name}
      data-testid="resource-card"
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Icon size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} fz="md">
              {resource.name}
            </Title>
            <Group gap={6}>
              <Badge variant="light" color={resource.kind === 'vc_room' ? 'indigo' : 'grape'}>
                {t(`rooms.kinds.${resource.kind}`)}
              </Badge>
              <Badge variant="outline" color="gray">
                {t('rooms.capacity', { count: resource.capacity })}
              </Badge>
              {!resource.active && <Badge color="gray">{t('common.inactive')}</Badge>}
            </Group>
            {resource.location && (
              <Text size="sm" c="dimmed">
                {resource.location}
              </Text>
            )}
            {resource.equipment && (
              <Text size="xs" c="dimmed" lineClamp={2} title={resource.equipment}>
                {resource.equipment}
              </Text>
            )}
          </Stack>
        </Group>
        {availability.isPending ? (
          <Loading />
        ) : availability.error ? (
          <ErrorAlert error={availability.error} />
        ) : (
          <>
            <DayTimeline day={day} bookings={bookings} hours={hours} />
            <BookingList bookings={bookings} />
          </>
        )}
        <Group gap="xs" justify="flex-end">
          {resource.canManage && <ResourceAdminActions resource={resource} onEdit={onEdit} />}
          {resource.active && (
            <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={onBook}>
              {t('rooms.bookAction')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function BookingList({ bookings }: { bookings: Booking[] }) {
  const { t } = useTranslation();
  if (bookings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('rooms.freeAllDay')}
      </Text>
    );
  return (
    <Stack
      gap={6}
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('rooms.bookingsOfDay')}
    >
      {bookings.map((b) => (
        <BookingRow key={b.id} booking={b} />
      ))}
    </Stack>
  );
}

export function BookingRow({ booking: b, showResource }: { booking: Booking; showResource?: string }) {
  const { t } = useTranslation();
  const cancel = useCancelBooking();
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="sm" data-testid="booking-row">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} ff="monospace" style={{ flexShrink: 0 }}>
          {hhmm(b.startsAt)}–{hhmm(b.endsAt, true)}
        </Text>
        <div style={{ minWidth: 0 }}>
          <Text size="sm" truncate>
            {b.title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {showResource ?? (b.mine ? t('rooms.byMe') : b.bookedByName)}
          </Text>
        </div>
      </Group>
      {b.canCancel && (
        <ConfirmButton
          size="compact-sm"
          variant="subtle"
          color="red"
          style={{ flexShrink: 0 }}
          title={t('rooms.cancel.title')}
          message={t('rooms.cancel.message', {
            title: b.title,
            time: `${hhmm(b.startsAt)}–${hhmm(b.endsAt, true)}`,
          })}
          confirmLabel={t('rooms.cancel.confirm')}
          danger
          loading={cancel.isPending}
          onConfirm={() => cancel.mutateAsync(b.id).then(() => toast(t('rooms.cancel.done'), 'success'))}
        >
          {t('rooms.cancel.action')}
        </ConfirmButton>
      )}
    </Group>
  );
}

function ResourceAdminActions({ resource, onEdit }: { resource: Resource; onEdit: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateResource(resource.id);
  return (
    <>
      <Button size="sm" variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {resource.active ? (
        <ConfirmButton
          size="sm"
          variant="default"
          color="red"
          title={t('rooms.deactivate.title')}
          message={t('rooms.deactivate.message', { name: resource.name })}
          confirmLabel={t('common.deactivate')}
          danger
          loading={update.isPending}
          onConfirm={() =>
            update.mutateAsync({ active: false }).catch((e: unknown) => toast(errorMessage(e), 'error'))
          }
        >
          {t('common.deactivate')}
        </ConfirmButton>
      ) : (
        <Button
          size="sm"
          variant="default"
          loading={update.isPending}
          onClick={() => update.mutate({ active: true }, { onError: (e) => toast(errorMessage(e), 'error') })}
        >
          {t('common.reactivate')}
        </Button>
      )}
    </>
  );
}
