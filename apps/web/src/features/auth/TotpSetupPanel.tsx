import {
  ActionIcon,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import IconCheck from '@tabler/icons-react/dist/esm/icons/IconCheck.mjs';
import IconCopy from '@tabler/icons-react/dist/esm/icons/IconCopy.mjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useEnableTotp, useTotpSetup } from './auth.api.ts';
import { sixDigits } from './MfaForm.tsx';

// The QR code is an SVG string from our server; as an <img> data URL it cannot run script (no innerHTML).
const svgDataUrl = (svg: string) => `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;

/** Scan (or type) a new TOTP secret, then prove it with one code. */
export function TotpSetupPanel({ onEnabled, onCancel }: { onEnabled: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const enable = useEnableTotp();
  const form = useForm({
    initialValues: { totp: '' },
    validate: { totp: (v) => (sixDigits.test(v.trim()) ? null : t('auth.codeInvalid')) },
  });

  if (setup.isPending) return <Loading />;
  if (setup.error) return <ErrorAlert error={setup.error} />;
  const { secret, qrSvg } = setup.data;
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();

  return (
    <Stack gap="md">
      <List type="ordered" spacing={6} size="sm">
        <List.Item>{t('totp.step1')}</List.Item>
        <List.Item>{t('totp.step2')}</List.Item>
        <List.Item>{t('totp.step3')}</List.Item>
      </List>
      <Group align="center" gap="lg" wrap="wrap">
        <Image src={svgDataUrl(qrSvg)} alt={t('totp.qrAlt')} className="qr-frame" />
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={500} id="totp-secret-label">
            {t('totp.secretLabel')}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Code
              fz="sm"
              aria-labelledby="totp-secret-label"
              data-testid="totp-secret"
              style={{ wordBreak: 'break-all' }}
            >
              {grouped}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color={copied ? 'teal' : 'gray'}
                    onClick={copy}
                    aria-label={t('totp.copySecret')}
                  >
                    {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('totp.secretHint')}
          </Text>
        </Stack>
      </Group>
      <form
        noValidate
        data-testid="totp-enable-form"
        onSubmit={form.onSubmit((v) => enable.mutate(v.totp.trim(), { onSuccess: onEnabled }))}
      >
        <Stack gap="sm">
          <ErrorAlert error={enable.error} />
          <TextInput
            label={t('auth.code')}
            description={t('totp.confirmHint')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            maw={260}
            styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
            {...form.getInputProps('totp')}
          />
          <Group gap="sm">
            <Button type="submit" loading={enable.isPending}>
              {t('totp.enable')}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
