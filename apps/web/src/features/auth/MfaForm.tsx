import type { LoginResponse } from '@civicdesk/contracts/identity';
import { Anchor, Button, Divider, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import IconKey from '@tabler/icons-react/dist/esm/icons/IconKey.mjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { usePasskeySignIn, useVerifyTotp } from './auth.api.ts';
import { supportsPasskeys } from './webauthn.ts';

type Props = {
  username: string;
  methods: ('totp' | 'passkey')[];
  onDone: (result: LoginResponse) => void;
  onBack: () => void;
};

export const sixDigits = /^\d{6}$/;

/** The second step: a code from the authenticator app, or the person's passkey. */
export function MfaForm({ username, methods, onDone, onBack }: Props) {
  const { t } = useTranslation();
  const totp = useVerifyTotp();
  const passkey = usePasskeySignIn();
  const form = useForm({
    initialValues: { totp: '' },
    validate: { totp: (v) => (sixDigits.test(v.trim()) ? null : t('auth.codeInvalid')) },
  });
  const hasTotp = methods.includes('totp');
  const hasPasskey = methods.includes('passkey') && supportsPasskeys();

  return (
    <Stack gap="md" data-testid="mfa-step">
      {hasTotp && (
        <form
          data-testid="mfa-form"
          noValidate
          onSubmit={form.onSubmit((v) => {
            passkey.reset();
            totp.mutate(v.totp.trim(), { onSuccess: onDone });
          })}
        >
          <Stack gap="md">
            <ErrorAlert error={totp.error} />
            <TextInput
              label={t('auth.code')}
              description={t('auth.codeHint')}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              data-autofocus
              autoFocus
              size="md"
              styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
              {...form.getInputProps('totp')}
            />
            <Button type="submit" size="md" fullWidth loading={totp.isPending}>
              {t('auth.verify')}
            </Button>
          </Stack>
        </form>
      )}
      {hasPasskey && (
        <>
          {hasTotp && <Divider label={t('auth.or')} labelPosition="center" />}
          <ErrorAlert error={passkey.error} />
          <Button
            variant={hasTotp ? 'default' : 'filled'}
            size="md"
            fullWidth
            leftSection={<IconKey size={18} aria-hidden />}
            loading={passkey.isPending}
            onClick={() => {
              totp.reset();
              passkey.mutate(username, { onSuccess: onDone });
            }}
            data-testid="mfa-passkey"
          >
            {t('auth.usePasskey')}
          </Button>
        </>
      )}
      <Anchor component="button" type="button" size="sm" onClick={onBack} ta="center">
        {t('auth.backToPassword')}
      </Anchor>
    </Stack>
  );
}
