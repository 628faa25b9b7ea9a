import type { Agency } from '@civicdesk/contracts/org';
import {
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, languages } from '../../lib/i18n/i18n.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { minPasswordLength } from '../profile/PasswordSection.tsx';
import { PostFields, type PostValues } from './PostFields.tsx';
import { useCreatePerson } from './people.api.ts';

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** A new account with an initial password and a first post in this agency. */
export function CreatePersonModal({ agency, onClose }: { agency: Agency; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePerson(agency.id);
  const form = useForm({
    initialValues: {
      username: '',
      displayName: '',
      email: '',
      kind: 'staff' as 'staff' | 'external',
      locale: agency.country === 'kr' ? 'ko' : currentLocale() === 'en' ? 'en' : 'vi',
      password: '',
      post: { unitId: null, positionId: null, role: 'official' } as PostValues,
    },
    validate: {
      username: (v) => (usernamePattern.test(v.trim()) ? null : t('people.usernameHint')),
      displayName: (v) => (v.trim() ? null : t('common.required')),
      email: (v) =>
        !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('people.emailInvalid'),
      password: (v) =>
        v.length >= minPasswordLength ? null : t('password.tooShort', { min: minPasswordLength }),
      post: { role: (v) => (v ? null : t('common.required')) },
    },
  });

  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        email: v.email.trim() || undefined,
        kind: v.kind,
        locale: isLocale(v.locale) ? v.locale : undefined,
        password: v.password,
        post: { unitId: v.post.unitId, positionId: v.post.positionId, role: v.post.role ?? 'official' },
      },
      {
        onSuccess: (person) => {
          toast(t('people.created', { name: person.displayName }), 'success');
          onClose();
        },
      },
    ),
  );

  return (
    <Dialog opened onClose={onClose} title={t('people.new')} size="xl" centered>
      <form onSubmit={submit} noValidate data-testid="create-person-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('people.createHint', { agency: agency.name })}
          </Text>
          <ErrorAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('people.username')}
              description={t('people.usernameHint')}
              name="username"
              autoComplete="off"
              autoCapitalize="none"
              required
              {...form.getInputProps('username')}
            />
            <TextInput
              label={t('people.displayName')}
              name="displayName"
              required
              {...form.getInputProps('displayName')}
            />
            <TextInput label={t('people.email')} name="email" type="email" {...form.getInputProps('email')} />
            <PasswordInput
              label={t('people.initialPassword')}
              description={t('password.hint', { min: minPasswordLength })}
              name="password"
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="person-kind-label">
                {t('people.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="person-kind-label"
                data={[
                  { value: 'staff', label: t('people.kinds.staff') },
                  { value: 'external', label: t('people.kinds.external') },
                ]}
                {...form.getInputProps('kind')}
              />
            </Stack>
            <Select
              label={t('language.label')}
              name="locale"
              data={languages.map((l) => ({ value: l.code, label: l.label }))}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Text size="sm" fw={600} mt="xs">
            {t('people.firstPost')}
          </Text>
          <PostFields
            agencyId={agency.id}
            values={form.values.post}
            onChange={(post) => form.setFieldValue('post', post)}
            roleError={form.errors['post.role'] as string | undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
