import type { Me } from '@civicdesk/contracts/identity';
import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { sixDigits } from '../auth/MfaForm.tsx';
import { TotpSetupPanel } from '../auth/TotpSetupPanel.tsx';
import { useDisableTotp } from './profile.api.ts';

export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [settingUp, setSettingUp] = useState(false);
  const disable = useDisableTotp();
  const form = useForm({
    initialValues: { totp: '' },
    validate: { totp: (v) => (sixDigits.test(v.trim()) ? null : t('auth.codeInvalid')) },
  });

  const status = (
    <Badge color={me.totpEnabled ? 'teal.9' : 'gray.7'} variant="light" data-testid="totp-status">
      {me.totpEnabled ? t('common.on') : t('common.off')}
    </Badge>
  );

  return (
    <SectionCard title={t('totp.title')} description={t('totp.description')} id="totp">
      <Group gap="sm">
        <Text size="sm" fw={500}>
          {t('totp.status')}
        </Text>
        {status}
      </Group>
      {me.mfaRequired && !me.totpEnabled && (
        <Alert color="orange" variant="light">
          {t('totp.requiredByRole')}
        </Alert>
      )}
      {me.totpEnabled ? (
        <form
          noValidate
          data-testid="totp-disable-form"
          onSubmit={form.onSubmit((v) =>
            disable.mutate(v.totp.trim(), {
              onSuccess: () => {
                form.reset();
                toast(t('totp.disabled'), 'success');
              },
            }),
          )}
        >
          <Stack gap="sm">
            <ErrorAlert error={disable.error} />
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('totp.disableCode')}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                w={220}
                {...form.getInputProps('totp')}
              />
              <Button type="submit" color="red" variant="outline" loading={disable.isPending}>
                {t('totp.disable')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : settingUp ? (
        <TotpSetupPanel
          onCancel={() => setSettingUp(false)}
          onEnabled={() => {
            setSettingUp(false);
            toast(t('totp.enabled'), 'success');
          }}
        />
      ) : (
        <div>
          <Button onClick={() => setSettingUp(true)}>{t('totp.setUp')}</Button>
        </div>
      )}
    </SectionCard>
  );
}
