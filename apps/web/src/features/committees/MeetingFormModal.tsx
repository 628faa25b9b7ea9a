import type { CommitteeDetail, Meeting } from '@civicdesk/contracts/committees';
import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { fromLocalInput, toLocalInput } from './meeting-meta.ts';
import { useCreateMeeting, useUpdateMeeting } from './meetings.api.ts';

type Props = { committee: CommitteeDetail; meeting?: Meeting; onClose: () => void };
type Mode = Meeting['mode'];

/**
 * Schedules a meeting in person, online (its video room is made by the server) or in writing. Written deliberation
 * is offered only when the committee's rules allow it, and needs a deadline and the chair's ground.
 */
export function MeetingFormModal({ committee, meeting, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const navigate = useNavigate();
  const create = useCreateMeeting(committee.id);
  const update = useUpdateMeeting(meeting?.id ?? '');
  const save = meeting ? update : create;
  const writtenAllowed = committee.rules.writtenAllowed;
  const form = useForm({
    initialValues: {
      title: meeting?.title ?? '',
      mode: (meeting?.mode ?? 'in_person') as Mode,
      startsAt: toLocalInput(meeting?.startsAt),
      location: meeting?.location ?? '',
      deadline: toLocalInput(meeting?.deadline),
      writtenGround: meeting?.writtenGround ?? '',
    },
    validate: {
      title: (v) => (v.trim() ? null : t('common.required')),
      startsAt: (v) => (fromLocalInput(v) ? null : t('common.required')),
      deadline: (v, all) =>
        all.mode !== 'written'
          ? null
          : !fromLocalInput(v)
            ? t('common.required')
            : v <= all.startsAt
              ? t('committees.meeting.deadlineOrder')
              : null,
      writtenGround: (v, all) => (all.mode === 'written' && !v.trim() ? t('common.required') : null),
    },
  });
  const mode = form.values.mode;

  const submit = form.onSubmit((v) => {
    const written = v.mode === 'written';
    const body = {
      title: v.title.trim(),
      mode: v.mode,
      startsAt: fromLocalInput(v.startsAt)!,
      location: !written && v.location.trim() ? v.location.trim() : null,
      deadline: written ? fromLocalInput(v.deadline) : null,
      writtenGround: written ? v.writtenGround.trim() : null,
    };
    if (meeting)
      update.mutate(body, {
        onSuccess: () => {
          toast(t('common.saved'), 'success');
          onClose();
        },
      });
    else
      create.mutate(body, {
        onSuccess: (m) => {
          toast(t('committees.meeting.created'), 'success');
          onClose();
          void navigate(`/committees/meetings/${m.id}`);
        },
      });
  });

  const modes: { value: Mode; label: string; disabled?: boolean }[] = [
    { value: 'in_person', label: t('committees.modes.in_person') },
    { value: 'online', label: t('committees.modes.online') },
    { value: 'written', label: t('committees.modes.written'), disabled: !writtenAllowed },
  ];

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(meeting ? 'committees.meeting.editTitle' : 'committees.meeting.new')}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate data-testid="meeting-form">
        <Stack gap="md">
          <TextInput
            label={t('committees.meeting.title')}
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="meeting-mode-label">
              {t('committees.meeting.mode')}
            </Text>
            <SegmentedControl
              fullWidth
              orientation={phone ? 'vertical' : 'horizontal'}
              data={modes}
              aria-labelledby="meeting-mode-label"
              {...form.getInputProps('mode')}
            />
            <Text size="xs" c="dimmed">
              {writtenAllowed
                ? t('committees.meeting.writtenGrounds', { grounds: committee.rules.writtenGrounds ?? '' })
                : t('committees.meeting.writtenNotAllowed')}
            </Text>
          </Stack>
          <TextInput
            type="datetime-local"
            label={t(mode === 'written' ? 'committees.meeting.writtenStarts' : 'committees.meeting.startsAt')}
            required
            {...form.getInputProps('startsAt')}
          />
          {mode === 'in_person' && (
            <TextInput label={t('committees.meeting.location')} {...form.getInputProps('location')} />
          )}
          {mode === 'online' && (
            <Alert variant="light" color="blue">
              {t('committees.meeting.onlineNote')}
            </Alert>
          )}
          {mode === 'written' && (
            <>
              <TextInput
                type="datetime-local"
                label={t('committees.meeting.deadline')}
                description={t('committees.meeting.deadlineHint')}
                required
                {...form.getInputProps('deadline')}
              />
              <Textarea
                label={t('committees.meeting.ground')}
                description={t('committees.meeting.groundHint')}
                required
                autosize
                minRows={2}
                maxLength={500}
                {...form.getInputProps('writtenGround')}
              />
            </>
          )}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="meeting-save">
              {meeting ? t('common.save') : t('committees.meeting.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
