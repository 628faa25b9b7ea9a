import type { Resource, ResourceKind } from '@civicdesk/contracts/rooms';
import { Button, Group, NumberInput, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { AgencySelect } from '../org/AgencySelect.tsx';
import { useCreateResource, useUpdateResource } from './rooms.api.ts';

type Props = { resource?: Resource; defaultAgencyId?: string | null; onClose: () => void };

/** Adds a room or seat to an agency the person administers, or edits one. */
export function ResourceFormModal({ resource, defaultAgencyId, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateResource();
  const update = useUpdateResource(resource?.id ?? '');
  const mutation = resource ? update : create;
  const form = useForm({
    initialValues: {
      agencyId: resource?.agencyId ?? defaultAgencyId ?? null,
      kind: (resource?.kind ?? 'vc_room') as ResourceKind,
      name: resource?.name ?? '',
      location: resource?.location ?? '',
      capacity: resource?.capacity ?? 10,
      equipment: resource?.equipment ?? '',
    },
    validate: {
      agencyId: (v) => (v ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
      capacity: (v) => (Number.isInteger(v) && v >= 1 ? null : t('rooms.form.capacityMin')),
    },
  });

  const submit = form.onSubmit((v) => {
    const fields = {
      kind: v.kind,
      name: v.name.trim(),
      location: v.location.trim(),
      capacity: v.capacity,
      equipment: v.equipment.trim(),
    };
    const done = () => {
      toast(t(resource ? 'common.saved' : 'rooms.form.created'), 'success');
      onClose();
    };
    if (resource) update.mutate(fields, { onSuccess: done });
    else create.mutate({ ...fields, agencyId: v.agencyId! }, { onSuccess: done });
  });

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(resource ? 'rooms.form.editTitle' : 'rooms.form.newTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="resource-form">
        <Stack gap="md">
          <ErrorAlert error={mutation.error} />
          {!resource && (
            <AgencySelect
              label={t('common.agency')}
              name="agencyId"
              required
              keep={(a) => a.canAdmin}
              allowDeselect={false}
              {...form.getInputProps('agencyId')}
            />
          )}
          <SegmentedControl
            fullWidth
            aria-label={t('rooms.form.kind')}
            data={(['vc_room', 'smart_seat'] as const).map((k) => ({
              value: k,
              label: t(`rooms.kinds.${k}`),
            }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('rooms.form.name')}
            name="name"
            required
            maxLength={200}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('rooms.form.location')}
            name="location"
            maxLength={300}
            {...form.getInputProps('location')}
          />
          <NumberInput
            label={t('rooms.form.capacity')}
            description={t('rooms.form.capacityHint')}
            name="capacity"
            min={1}
            max={1000}
            allowDecimal={false}
            required
            {...form.getInputProps('capacity')}
          />
          <Textarea
            label={t('rooms.form.equipment')}
            name="equipment"
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('equipment')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(resource ? 'common.save' : 'common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
