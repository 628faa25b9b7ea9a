import type { Resource, Slot } from '@civicdesk/contracts/rooms';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { atTime, hhmm, suggestedSlot } from './day.ts';
import { useBook } from './rooms.api.ts';

/** `free`: the free slots of `day` (from the day view), shown while the form is on that day. */
type Props = { resource: Resource; day: string; free?: Slot[]; onClose: () => void };

/** Books a slot: a title, the day (preset to the one shown) and local start and end times. */
export function BookingModal({ resource, day, free, onClose }: Props) {
  const { t } = useTranslation();
  const book = useBook(resource.id);
  const slot = suggestedSlot(day, free);
  const form = useForm({
    initialValues: { title: '', day, start: slot.start, end: slot.end },
    validate: {
      title: (v) => (v.trim() ? null : t('common.required')),
      day: (v) => (v ? null : t('common.required')),
      start: (v, all) => (atTime(all.day, v) ? null : t('rooms.form.badTime')),
      end: (v, all) => {
        const start = atTime(all.day, all.start);
        const end = atTime(all.day, v);
        if (!end) return t('rooms.form.badTime');
        return start && end <= start ? t('rooms.form.endBeforeStart') : null;
      },
    },
  });

  const submit = form.onSubmit((v) =>
    book.mutate(
      { title: v.title.trim(), startsAt: atTime(v.day, v.start)!, endsAt: atTime(v.day, v.end)! },
      {
        onSuccess: () => {
          toast(t('rooms.booked', { name: resource.name }), 'success');
          onClose();
        },
      },
    ),
  );

  return (
    <Dialog opened onClose={onClose} title={t('rooms.book.title', { name: resource.name })} size="md">
      <form onSubmit={submit} noValidate data-testid="booking-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('rooms.book.hint')}
          </Text>
          {free && form.values.day === day && (
            <Text size="sm" data-testid="free-slots">
              {free.length > 0
                ? t('rooms.book.free', {
                    date: formatDate(day, resource.country),
                    slots: free.map((f) => `${hhmm(f.startsAt)}–${hhmm(f.endsAt, true)}`).join(' · '),
                  })
                : t('rooms.book.full', { date: formatDate(day, resource.country) })}
            </Text>
          )}
          <ErrorAlert error={book.error} />
          <TextInput
            label={t('rooms.book.purpose')}
            placeholder={t('rooms.book.purposePlaceholder')}
            name="title"
            required
            data-autofocus
            maxLength={200}
            {...form.getInputProps('title')}
          />
          <TextInput
            type="date"
            label={t('rooms.book.day')}
            name="day"
            required
            {...form.getInputProps('day')}
          />
          <SimpleGrid cols={2} spacing="md">
            <TextInput
              type="time"
              step={900}
              label={t('rooms.book.start')}
              name="start"
              required
              {...form.getInputProps('start')}
            />
            <TextInput
              type="time"
              step={900}
              label={t('rooms.book.end')}
              name="end"
              required
              {...form.getInputProps('end')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={book.isPending}>
              {t('rooms.book.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
