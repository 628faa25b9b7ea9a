import type { Agency, Person } from '@civicdesk/contracts/org';
import { Button, Divider, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { toast } from '../../ui/toast.ts';
import { PostsEditor } from './PostsEditor.tsx';
import { useUpdatePerson } from './people.api.ts';

/** Name and e-mail, active or not, and the person's posts. */
export function EditPersonModal({
  person,
  agency,
  onClose,
}: {
  person: Person;
  agency: Agency;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdatePerson();
  const form = useForm({
    initialValues: { displayName: person.displayName, email: person.email ?? '' },
    validate: {
      displayName: (v) => (v.trim() ? null : t('common.required')),
      email: (v) =>
        !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('people.emailInvalid'),
    },
  });

  const submit = form.onSubmit((v) =>
    update.mutate(
      { id: person.id, patch: { displayName: v.displayName.trim(), email: v.email.trim() || null } },
      {
        onSuccess: () => {
          form.resetDirty();
          toast(t('common.saved'), 'success');
        },
      },
    ),
  );

  return (
    <Dialog opened onClose={onClose} title={`${person.displayName} (${person.username})`} size="xl" centered>
      <Stack gap="lg">
        <form onSubmit={submit} noValidate data-testid="edit-person-form">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('people.displayName')}
                name="displayName"
                required
                {...form.getInputProps('displayName')}
              />
              <TextInput
                label={t('people.email')}
                name="email"
                type="email"
                {...form.getInputProps('email')}
              />
            </SimpleGrid>
            <Group>
              <Button
                type="submit"
                loading={update.isPending && !!update.variables?.patch.displayName}
                disabled={!form.isDirty()}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Divider />
        <PostsEditor person={person} agency={agency} />
        <Divider />
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Text size="sm" fw={600}>
              {person.active ? t('people.deactivateTitle') : t('people.reactivateTitle')}
            </Text>
            <Text size="sm" c="dimmed" maw={520}>
              {person.active ? t('people.deactivateHint') : t('people.reactivateHint')}
            </Text>
          </div>
          <ConfirmButton
            variant="outline"
            color={person.active ? 'red' : 'civic'}
            danger={person.active}
            title={person.active ? t('people.deactivateTitle') : t('people.reactivateTitle')}
            message={t(person.active ? 'people.deactivateConfirm' : 'people.reactivateConfirm', {
              name: person.displayName,
            })}
            confirmLabel={person.active ? t('common.deactivate') : t('common.reactivate')}
            onConfirm={() => update.mutateAsync({ id: person.id, patch: { active: !person.active } })}
          >
            {person.active ? t('common.deactivate') : t('common.reactivate')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Dialog>
  );
}
