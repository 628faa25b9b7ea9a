import { Button, Group, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { useChangePassword } from './profile.api.ts';

export const minPasswordLength = 12;

export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: (v) => (v ? null : t('common.required')),
      next: (v) =>
        v.length >= minPasswordLength ? null : t('password.tooShort', { min: minPasswordLength }),
      confirm: (v, values) => (v === values.next ? null : t('password.mismatch')),
    },
  });

  const submit = form.onSubmit((v) =>
    change.mutate(
      { current: v.current, next: v.next },
      {
        onSuccess: () => {
          form.reset();
          toast(t('password.changed'), 'success');
        },
      },
    ),
  );

  return (
    <SectionCard
      title={t('password.title')}
      description={t('password.hint', { min: minPasswordLength })}
      id="password"
    >
      <form onSubmit={submit} noValidate data-testid="password-form">
        <Stack gap="md">
          <ErrorAlert error={change.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <PasswordInput
              label={t('password.current')}
              name="current-password"
              autoComplete="current-password"
              required
              {...form.getInputProps('current')}
            />
            <PasswordInput
              label={t('password.new')}
              name="new-password"
              autoComplete="new-password"
              required
              {...form.getInputProps('next')}
            />
            <PasswordInput
              label={t('password.confirm')}
              name="confirm-password"
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
