import type { LoginResponse } from '@civicdesk/contracts/identity';
import { Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import IconKey from '@tabler/icons-react/dist/esm/icons/IconKey.mjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLogin, usePasskeySignIn } from './auth.api.ts';
import { supportsPasskeys } from './webauthn.ts';

type Props = { onDone: (result: LoginResponse, username: string) => void };

export function PasswordForm({ onDone }: Props) {
  const { t } = useTranslation();
  const login = useLogin();
  const passkey = usePasskeySignIn();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('auth.usernameRequired')),
      password: (v) => (v ? null : t('auth.passwordRequired')),
    },
  });

  const submit = form.onSubmit((values) => {
    passkey.reset();
    const username = values.username.trim();
    login.mutate({ username, password: values.password }, { onSuccess: (r) => onDone(r, username) });
  });

  function signInWithPasskey() {
    login.reset();
    passkey.mutate(undefined, { onSuccess: (r) => onDone(r, '') });
  }

  return (
    <Stack gap="md">
      <form onSubmit={submit} data-testid="login-form" noValidate>
        <Stack gap="md">
          <ErrorAlert error={login.error} />
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username webauthn"
            autoCapitalize="none"
            spellCheck={false}
            required
            size="md"
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            required
            size="md"
            {...form.getInputProps('password')}
          />
          <Button type="submit" size="md" fullWidth loading={login.isPending}>
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
      {supportsPasskeys() && (
        <>
          <Divider label={t('auth.or')} labelPosition="center" />
          <ErrorAlert error={passkey.error} />
          <Button
            variant="default"
            size="md"
            fullWidth
            leftSection={<IconKey size={18} aria-hidden />}
            onClick={signInWithPasskey}
            loading={passkey.isPending}
            data-testid="passkey-sign-in"
          >
            {t('auth.signInWithPasskey')}
          </Button>
        </>
      )}
    </Stack>
  );
}
