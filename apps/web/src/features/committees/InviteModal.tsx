import type { CommitteeDetail } from '@civicdesk/contracts/committees';
import { Alert, Button, CopyButton, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import IconCheck from '@tabler/icons-react/dist/esm/icons/IconCheck.mjs';
import IconCopy from '@tabler/icons-react/dist/esm/icons/IconCopy.mjs';
import { useTranslation } from 'react-i18next';
import { currentLocale, languages } from '../../lib/i18n/i18n.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { usePhone } from '../documents/useScreen.ts';
import { type InvitationInput, useInvite } from './committees.api.ts';
import { defaultTerm } from './term.ts';

const roles = ['chair', 'vice_chair', 'member'] as const;
const locales = languages.map((l) => ({ value: l.code, label: l.label }));

/** Invites an outside expert: an external account and a one-time link, e-mailed when mail is configured. */
export function InviteModal({ committee, onClose }: { committee: CommitteeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const invite = useInvite(committee.id);
  const form = useForm<InvitationInput>({
    initialValues: {
      email: '',
      name: '',
      role: 'member',
      ...defaultTerm(committee.termYears),
      locale: currentLocale(),
    },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('committees.invite.emailInvalid')),
      name: (v) => (v.trim() ? null : t('common.required')),
      termEnd: (v, all) =>
        !v ? t('common.required') : v <= all.termStart ? t('committees.members.termOrder') : null,
    },
  });
  const submit = form.onSubmit((v) => invite.mutate({ ...v, email: v.email.trim(), name: v.name.trim() }));
  const link = invite.data ? new URL(invite.data.link, window.location.origin).toString() : null;

  return (
    <Dialog opened onClose={onClose} title={t('committees.invite.title')} size="lg" fullScreen={phone}>
      {link ? (
        <Stack gap="md" data-testid="invite-done">
          <Alert
            color="teal"
            variant="light"
            icon={<IconCheck size={20} aria-hidden />}
            title={t('committees.invite.doneTitle')}
          >
            {t('committees.invite.doneText', { name: form.values.name })}
          </Alert>
          <TextInput
            label={t('committees.invite.link')}
            value={link}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            data-testid="invite-link"
          />
          <Text size="sm" c="dimmed">
            {t('committees.invite.mailNote')}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? t('common.copied') : t('committees.invite.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="invite-form">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('committees.invite.hint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('committees.invite.name')}
                required
                data-autofocus
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('committees.invite.email')}
                type="email"
                required
                {...form.getInputProps('email')}
              />
              <Select
                label={t('committees.members.role')}
                data={roles.map((r) => ({ value: r, label: t(`committees.roles.${r}`) }))}
                allowDeselect={false}
                {...form.getInputProps('role')}
              />
              <Select
                label={t('committees.invite.language')}
                data={locales}
                allowDeselect={false}
                {...form.getInputProps('locale')}
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
            <ErrorAlert error={invite.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending} data-testid="invite-send">
                {t('committees.invite.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
