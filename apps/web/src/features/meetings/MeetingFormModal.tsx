import type { VideoMeetingDetail } from '@civicdesk/contracts/meetings';
import { Button, Group, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { useMe } from '../auth/auth.api.ts';
import { fromLocalInput, toLocalInput } from '../committees/meeting-meta.ts';
import { usePhone } from '../documents/useScreen.ts';
import { type InviteeIds, InviteesFields, idsOf, inviteesOf, noInvitees } from './InviteesFields.tsx';
import { meetingAgencies } from './meeting-rules.ts';
import { useCreateMeeting, useUpdateMeeting } from './meetings.api.ts';
import { ResourceField } from './ResourceField.tsx';

type Props = { meeting?: VideoMeetingDetail; onClose: () => void };

type Values = {
  agencyId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  lobby: boolean;
  invitees: InviteeIds;
  resourceId: string | null;
};

/** The next half hour, and an hour after it: what a new meeting proposes. */
function defaultTimes(): { startsAt: string; endsAt: string } {
  const start = new Date();
  start.setSeconds(0, 0);
  start.setMinutes(start.getMinutes() < 30 ? 30 : 60);
  const end = new Date(start.getTime() + 60 * 60_000);
  return { startsAt: toLocalInput(start.toISOString()), endsAt: toLocalInput(end.toISOString()) };
}

function initialValues(meeting: VideoMeetingDetail | undefined, agencyId: string): Values {
  if (!meeting)
    return {
      agencyId,
      title: '',
      description: '',
      lobby: true,
      invitees: noInvitees(),
      resourceId: null,
      ...defaultTimes(),
    };
  return {
    agencyId: meeting.agencyId,
    title: meeting.title,
    description: meeting.description ?? '',
    startsAt: toLocalInput(meeting.startsAt),
    endsAt: toLocalInput(meeting.endsAt),
    lobby: meeting.lobby,
    invitees: idsOf(meeting.invitees),
    resourceId: null,
  };
}

function useMeetingForm(meeting: VideoMeetingDetail | undefined, agencyId: string) {
  const { t } = useTranslation();
  return useForm<Values>({
    initialValues: initialValues(meeting, agencyId),
    validate: {
      agencyId: (v) => (v ? null : t('common.required')),
      title: (v) => (v.trim() ? null : t('common.required')),
      startsAt: (v) => (fromLocalInput(v) ? null : t('common.required')),
      endsAt: (v, all) =>
        !fromLocalInput(v) ? t('common.required') : v <= all.startsAt ? t('meetings.form.endsOrder') : null,
    },
  });
}

type MeetingForm = UseFormReturnType<Values>;

/** Start and end; a booked room's times stay as booked (the server refuses to move them). */
function TimeFields({ form, fixed }: { form: MeetingForm; fixed: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="datetime-local"
          label={t('meetings.form.startsAt')}
          required
          disabled={fixed}
          data-testid="meeting-starts"
          {...form.getInputProps('startsAt')}
        />
        <TextInput
          type="datetime-local"
          label={t('meetings.form.endsAt')}
          required
          disabled={fixed}
          data-testid="meeting-ends"
          {...form.getInputProps('endsAt')}
        />
      </SimpleGrid>
      {fixed && (
        <Text size="xs" c="dimmed">
          {t('meetings.form.timesFixed')}
        </Text>
      )}
    </Stack>
  );
}

/** The agency that holds the meeting, when the person works in several; people, units and rooms follow it. */
function AgencyField({ form }: { form: MeetingForm }) {
  const { t } = useTranslation();
  const agencies = meetingAgencies(useMe().data);
  if (agencies.length < 2) return null;
  return (
    <Select
      label={t('common.agency')}
      data={agencies}
      allowDeselect={false}
      required
      {...form.getInputProps('agencyId')}
      onChange={(id) => {
        form.setFieldValue('agencyId', id ?? '');
        form.setFieldValue('invitees', { ...form.values.invitees, user: [], unit: [] });
        form.setFieldValue('resourceId', null);
      }}
    />
  );
}

/** The fields: agency (when the person has several), title, time, lobby, invitees and (new meetings) a room. */
function MeetingFields({ form, meeting }: { form: MeetingForm; meeting?: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const v = form.values;
  return (
    <>
      {!meeting && <AgencyField form={form} />}
      <TextInput
        label={t('meetings.form.title')}
        required
        maxLength={300}
        data-autofocus
        data-testid="meeting-title"
        {...form.getInputProps('title')}
      />
      <Textarea
        label={t('meetings.form.description')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={4000}
        {...form.getInputProps('description')}
      />
      <TimeFields form={form} fixed={!!meeting?.bookingId} />
      <Switch
        label={t('meetings.form.lobby')}
        description={t('meetings.form.lobbyHint')}
        data-testid="meeting-lobby"
        {...form.getInputProps('lobby', { type: 'checkbox' })}
      />
      <InviteesFields
        agencyId={v.agencyId || null}
        value={v.invitees}
        onChange={(ids) => form.setFieldValue('invitees', ids)}
        known={meeting?.invitees}
      />
      {!meeting && (
        <ResourceField
          agencyId={v.agencyId || null}
          value={v.resourceId}
          onChange={(id) => form.setFieldValue('resourceId', id)}
          from={fromLocalInput(v.startsAt)}
          to={fromLocalInput(v.endsAt)}
        />
      )}
    </>
  );
}

/** The request bodies from the form: the update's fields, and for a new meeting its agency and room. */
function bodyOf(values: Values) {
  return {
    title: values.title.trim(),
    description: values.description.trim() || undefined,
    startsAt: fromLocalInput(values.startsAt)!,
    endsAt: fromLocalInput(values.endsAt)!,
    lobby: values.lobby,
    invitees: inviteesOf(values.invitees),
  };
}

/** Schedules a video meeting (or edits one, for its host): time, lobby, invitees and a room to book. */
export function MeetingFormModal({ meeting, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const navigate = useNavigate();
  const agencies = meetingAgencies(useMe().data);
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meeting?.id ?? '');
  const save = meeting ? update : create;
  const form = useMeetingForm(meeting, agencies[0]?.value ?? '');

  const submit = form.onSubmit((values) => {
    const handlers = {
      onSuccess: (m: VideoMeetingDetail) => {
        toast(t(meeting ? 'common.saved' : 'meetings.form.created'), 'success');
        onClose();
        if (!meeting) void navigate(`/meetings/${m.id}`);
      },
      // The server names the fields it refused: show each message at its field too.
      onError: (e: Error) => e instanceof ApiError && form.setErrors(e.fields),
    };
    if (meeting) {
      const { startsAt, endsAt, ...rest } = bodyOf(values);
      update.mutate(meeting.bookingId ? rest : { ...rest, startsAt, endsAt }, handlers);
    } else
      create.mutate(
        { ...bodyOf(values), agencyId: values.agencyId, resourceId: values.resourceId ?? undefined },
        handlers,
      );
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  // The refusal shows under the fields, often below the fold of a long form: bring it into view.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (save.error) errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [save.error]);

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(meeting ? 'meetings.form.editTitle' : 'meetings.schedule')}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate data-testid="video-meeting-form">
        <Stack gap="md">
          <MeetingFields form={form} meeting={meeting} />
          <div ref={errorRef} data-testid="meeting-form-error">
            <ErrorAlert error={save.error} title={conflict ? t('meetings.form.conflictTitle') : undefined} />
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="meeting-save">
              {meeting ? t('common.save') : t('meetings.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
