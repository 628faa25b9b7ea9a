import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import IconUsersGroup from '@tabler/icons-react/dist/esm/icons/IconUsersGroup.mjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { AuthFrame } from '../auth/AuthFrame.tsx';
import { useAcceptInvitation, useInvitation } from './committees.api.ts';

const usernamePattern = /^[a-z0-9._-]{3,60}$/;

/**
 * The page an invited expert opens from the e-mail, with no account yet: choose a user name and a password, then
 * set up the second factor (/enroll) and sign the security pledge.
 */
export function InvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const info = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const country = currentLocale() === 'ko' ? 'kr' : 'vn';
  const form = useForm({
    initialValues: { username: '', password: '', repeat: '' },
    validate: {
      username: (v) => (usernamePattern.test(v.trim()) ? null : t('committees.invitePage.usernameRule')),
      password: (v) => (v.length >= 12 ? null : t('committees.invitePage.passwordRule')),
      repeat: (v, all) => (v === all.password ? null : t('committees.invitePage.passwordMismatch')),
    },
  });
  const submit = form.onSubmit((v) =>
    accept.mutate(
      { username: v.username.trim(), password: v.password },
      // The session is in its enrolment stage: the second factor comes next, then the pledge.
      { onSuccess: () => void navigate('/enroll', { replace: true }) },
    ),
  );

  return (
    <AuthFrame title={t('committees.invitePage.title')} width={520}>
      {info.isPending ? (
        <Loading />
      ) : info.error ? (
        <Stack gap="md">
          <ErrorAlert error={info.error} title={t('committees.invitePage.invalid')} />
          <Anchor component={Link} to="/login" size="sm">
            {t('committees.invitePage.toLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="invite-accept">
          <Stack gap="md">
            <Alert variant="light" color="civic" icon={<IconUsersGroup size={20} aria-hidden />}>
              <Text size="sm" fw={600}>
                {info.data.committeeName}
              </Text>
              <Text size="sm">{info.data.agencyName}</Text>
              <Text size="sm" mt={6}>
                {t('committees.invitePage.greeting', { name: info.data.name })}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('committees.invitePage.expires', { date: formatDateTime(info.data.expiresAt, country) })}
              </Text>
            </Alert>
            <TextInput
              label={t('committees.invitePage.email')}
              value={info.data.email}
              readOnly
              variant="filled"
            />
            <TextInput
              label={t('auth.username')}
              description={t('committees.invitePage.usernameRule')}
              autoComplete="username"
              autoCapitalize="none"
              required
              data-autofocus
              {...form.getInputProps('username')}
              data-testid="invite-username"
            />
            <PasswordInput
              label={t('auth.password')}
              description={t('committees.invitePage.passwordRule')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
              data-testid="invite-password"
            />
            <PasswordInput
              label={t('committees.invitePage.repeat')}
              autoComplete="new-password"
              required
              {...form.getInputProps('repeat')}
              data-testid="invite-repeat"
            />
            <Text size="sm" c="dimmed">
              {t('committees.invitePage.next')}
            </Text>
            <ErrorAlert error={accept.error} />
            <Button type="submit" size="md" loading={accept.isPending} data-testid="invite-submit">
              {t('committees.invitePage.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
