import {
  Button,
  Divider,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import IconKey from '@tabler/icons-react/dist/esm/icons/IconKey.mjs';
import IconShieldLock from '@tabler/icons-react/dist/esm/icons/IconShieldLock.mjs';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useMe } from '../auth/auth.api.ts';
import { sixDigits } from '../auth/MfaForm.tsx';
import { supportsPasskeys } from '../auth/webauthn.ts';
import { usePhone } from '../documents/useScreen.ts';
import { type StepUpProof, useStepUp } from './signatures.api.ts';

type Props = {
  title: string;
  description?: ReactNode;
  /** The signing button: "Sign and approve", "Seal and issue". */
  submitLabel: string;
  /** Fields of the action itself (an opinion), above the identity check. */
  children?: ReactNode;
  /** The signing call, made once the person has confirmed who they are; it reports its own result. */
  onVerified: () => void;
  pending: boolean;
  error: unknown;
  onClose: () => void;
};

/**
 * Before anything is signed the person confirms, on this session, that they are who it says: the password by
 * default, a code from the authenticator app when they use one, or a passkey. Then the signing call is made.
 */
export function StepUpDialog({ title, description, submitLabel, children, onVerified, ...state }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const me = useMe().data;
  const stepUp = useStepUp();
  const [method, setMethod] = useState<'password' | 'code'>('password');
  const [secret, setSecret] = useState('');
  const [invalid, setInvalid] = useState(false);
  const hasPasskey = (me?.passkeys ?? 0) > 0 && supportsPasskeys();
  const busy = stepUp.isPending || state.pending;

  const verify = (proof: StepUpProof) => stepUp.mutate(proof, { onSuccess: () => onVerified() });
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = secret.trim();
    if (method === 'code' ? !sixDigits.test(value) : !secret) return setInvalid(true);
    verify(method === 'code' ? { code: value } : { password: secret });
  }

  return (
    <Dialog opened onClose={state.onClose} title={title} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="step-up-dialog">
        <Stack gap="md">
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
          {children}
          <Divider
            label={
              <Group gap={6}>
                <IconShieldLock size={16} aria-hidden />
                {t('signatures.stepUp.heading')}
              </Group>
            }
            labelPosition="left"
          />
          <Text size="sm">{t('signatures.stepUp.hint')}</Text>
          {me?.totpEnabled && (
            <SegmentedControl
              value={method}
              onChange={(v) => {
                setMethod(v as 'password' | 'code');
                setSecret('');
                setInvalid(false);
              }}
              data={[
                { value: 'password', label: t('signatures.stepUp.password') },
                { value: 'code', label: t('signatures.stepUp.code') },
              ]}
              aria-label={t('signatures.stepUp.method')}
            />
          )}
          {method === 'password' ? (
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              value={secret}
              onChange={(e) => {
                setSecret(e.currentTarget.value);
                setInvalid(false);
              }}
              error={invalid ? t('auth.passwordRequired') : undefined}
              data-autofocus
              data-testid="step-up-password"
            />
          ) : (
            <TextInput
              label={t('auth.code')}
              description={t('auth.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={secret}
              onChange={(e) => {
                setSecret(e.currentTarget.value);
                setInvalid(false);
              }}
              error={invalid ? t('auth.codeInvalid') : undefined}
              styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
              data-autofocus
              data-testid="step-up-code"
            />
          )}
          <ErrorAlert error={stepUp.error ?? state.error} />
          <Group justify="space-between" gap="sm" wrap="wrap-reverse">
            {hasPasskey ? (
              <Button
                variant="default"
                leftSection={<IconKey size={18} aria-hidden />}
                onClick={() => verify('passkey')}
                disabled={busy}
                data-testid="step-up-passkey"
              >
                {t('signatures.stepUp.passkey')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm" justify="flex-end">
              <Button variant="default" onClick={state.onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} data-testid="step-up-submit">
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
