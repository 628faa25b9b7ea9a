import type { CommitteeDetail } from '@civicdesk/contracts/committees';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { usePeople } from '../people/people.api.ts';
import { type NewMember, useAddMember } from './committees.api.ts';
import { defaultTerm } from './term.ts';

const roles = ['chair', 'vice_chair', 'member', 'secretary'] as const;
const types = ['ex_officio', 'appointed'] as const;

/** Adds one of the agency's own people; outside experts are invited by e-mail instead. */
export function AddMemberModal({ committee, onClose }: { committee: CommitteeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const people = usePeople(committee.agencyId);
  const add = useAddMember(committee.id);
  const seated = new Set(committee.members.filter((m) => m.active).map((m) => m.userId));
  const form = useForm<NewMember & { userId: string }>({
    initialValues: {
      userId: '',
      role: 'member',
      type: 'ex_officio',
      ...defaultTerm(committee.termYears),
      succession: null,
    },
    validate: {
      userId: (v) => (v ? null : t('common.required')),
      termStart: (v) => (v ? null : t('common.required')),
      termEnd: (v, all) =>
        !v ? t('common.required') : v <= all.termStart ? t('committees.members.termOrder') : null,
    },
  });
  const options = (people.data ?? [])
    .filter((p) => p.active && !seated.has(p.id))
    .map((p) => ({ value: p.id, label: `${p.displayName} (${p.username})` }));

  const submit = form.onSubmit((v) =>
    add.mutate(v, {
      onSuccess: () => {
        toast(t('committees.members.added'), 'success');
        onClose();
      },
    }),
  );

  return (
    <Dialog opened onClose={onClose} title={t('committees.members.add')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="add-member-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('committees.members.addHint')}
          </Text>
          <Select
            label={t('committees.members.person')}
            data={options}
            searchable
            nothingFoundMessage={t('committees.members.nobody')}
            disabled={people.isPending}
            required
            data-autofocus
            {...form.getInputProps('userId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('committees.members.role')}
              data={roles.map((r) => ({ value: r, label: t(`committees.roles.${r}`) }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <Select
              label={t('committees.members.type')}
              data={types.map((r) => ({ value: r, label: t(`committees.memberTypes.${r}`) }))}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <TextInput
              type="date"
              label={t('committees.members.termStart')}
              required
              {...form.getInputProps('termStart')}
            />
            <TextInput
              type="date"
              label={t('committees.members.termEnd')}
              required
              {...form.getInputProps('termEnd')}
            />
          </SimpleGrid>
          <NumberInput
            label={t('committees.members.succession')}
            description={t('committees.members.successionHint')}
            min={1}
            max={20}
            value={form.values.succession ?? ''}
            onChange={(v) => form.setFieldValue('succession', typeof v === 'number' ? v : null)}
          />
          <ErrorAlert error={people.error ?? add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('committees.members.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
