import type { AgendaItem } from '@civicdesk/contracts/committees';
import { Button, Group, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { type ItemForm, useSaveItem } from './meetings.api.ts';

const kinds = ['deliberation', 'resolution', 'report'] as const;

type Props = { meetingId: string; item?: AgendaItem; onClose: () => void };

/** An agenda item: deliberation, resolution or report; closed (in camera) items are left out of the public minutes. */
export function ItemFormModal({ meetingId, item, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const save = useSaveItem(meetingId);
  const form = useForm<Required<ItemForm>>({
    initialValues: {
      kind: item?.kind ?? 'deliberation',
      title: item?.title ?? '',
      description: item?.description ?? '',
      closed: item?.closed ?? false,
      secret: item?.secret ?? false,
    },
    validate: { title: (v) => (v.trim() ? null : t('common.required')) },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { ...v, title: v.title.trim(), description: v.description.trim(), itemId: item?.id },
      {
        onSuccess: () => {
          toast(t(item ? 'common.saved' : 'committees.items.added'), 'success');
          onClose();
        },
      },
    ),
  );
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(item ? 'committees.items.edit' : 'committees.items.add')}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate data-testid="item-form">
        <Stack gap="md">
          <Select
            label={t('committees.items.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`committees.items.kinds.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('committees.items.title')}
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('committees.items.description')}
            autosize
            minRows={3}
            maxRows={12}
            {...form.getInputProps('description')}
          />
          <Switch
            label={t('committees.items.closedLabel')}
            description={t('committees.items.closedHint')}
            {...form.getInputProps('closed', { type: 'checkbox' })}
          />
          {form.values.kind !== 'report' && (
            <Switch
              label={t('committees.items.secretLabel')}
              description={t('committees.items.secretHint')}
              {...form.getInputProps('secret', { type: 'checkbox' })}
            />
          )}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="item-save">
              {item ? t('common.save') : t('committees.items.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
