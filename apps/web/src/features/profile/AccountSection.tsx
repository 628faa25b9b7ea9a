import type { Me } from '@civicdesk/contracts/identity';
import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { changeLanguage, i18n, isLocale, languages } from '../../lib/i18n/i18n.ts';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { useUpdateProfile } from './profile.api.ts';

export function AccountSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const form = useForm({
    initialValues: { displayName: me.displayName, locale: me.locale as string },
    validate: { displayName: (v) => (v.trim() ? null : t('common.required')) },
  });

  const submit = form.onSubmit((v) => {
    const locale = isLocale(v.locale) ? v.locale : me.locale;
    update.mutate(
      { displayName: v.displayName.trim(), locale },
      {
        onSuccess: () => {
          void changeLanguage(locale);
          form.resetDirty();
          toast(i18n.t('common.saved'), 'success');
        },
      },
    );
  });

  return (
    <SectionCard title={t('profile.accountTitle')} id="account">
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('profile.username')}
            value={me.username}
            readOnly
            variant="filled"
            name="username"
          />
          <TextInput
            label={t('profile.email')}
            value={me.email ?? '—'}
            readOnly
            variant="filled"
            name="email"
          />
          <TextInput
            label={t('profile.displayName')}
            name="displayName"
            required
            {...form.getInputProps('displayName')}
          />
          <Select
            label={t('language.label')}
            name="locale"
            data={languages.map((l) => ({ value: l.code, label: l.label }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </SectionCard>
  );
}
