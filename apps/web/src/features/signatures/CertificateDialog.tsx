import { Button, FileInput, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { HolderFields, type HolderValues, holderBody } from './HolderFields.tsx';
import { useBindToken, useImportCertificate, useIssueCertificate } from './signatures.api.ts';

export type CertificateMode = 'issue' | 'import' | 'pkcs11';

type Values = HolderValues & {
  file: File | null;
  password: string;
  module: string;
  tokenLabel: string;
  keyLabel: string;
  pin: string;
};

type Props = { mode: CertificateMode; agencyId: string; agencyName: string; onClose: () => void };

/** A new signing key for a person or the seal: from the platform CA, a .p12 file, or a PKCS#11 token. */
export function CertificateDialog({ mode, agencyId, agencyName, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const issue = useIssueCertificate();
  const imported = useImportCertificate();
  const bind = useBindToken();
  const mutation = mode === 'issue' ? issue : mode === 'import' ? imported : bind;
  const required = (v: string) => (v.trim() ? null : t('common.required'));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: 'person',
      userId: null,
      file: null,
      password: '',
      module: '',
      tokenLabel: '',
      keyLabel: '',
      pin: '',
    },
    validate: {
      userId: (v, all) => (all.kind === 'person' && !v ? t('common.required') : null),
      file: (v) => (mode === 'import' && !v ? t('common.required') : null),
      module: (v) => (mode === 'pkcs11' ? required(v) : null),
      tokenLabel: (v) => (mode === 'pkcs11' ? required(v) : null),
      keyLabel: (v) => (mode === 'pkcs11' ? required(v) : null),
      pin: (v) => (mode === 'pkcs11' && !v ? t('common.required') : null),
    },
  });
  const done = () => {
    toast(t(`certificates.${mode}.done`), 'success');
    onClose();
  };
  const submit = form.onSubmit((v) => {
    const holder = holderBody(v, agencyId);
    if (mode === 'issue') issue.mutate(holder, { onSuccess: done });
    else if (mode === 'import')
      imported.mutate({ ...holder, password: v.password, file: v.file! }, { onSuccess: done });
    else
      bind.mutate(
        {
          ...holder,
          module: v.module.trim(),
          tokenLabel: v.tokenLabel.trim(),
          keyLabel: v.keyLabel.trim(),
          pin: v.pin,
        },
        { onSuccess: done },
      );
  });

  return (
    <Dialog opened onClose={onClose} title={t(`certificates.${mode}.title`)} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid={`certificate-${mode}-form`}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(`certificates.${mode}.hint`, { agency: agencyName })}
          </Text>
          <HolderFields form={form} agencyId={agencyId} />
          {mode === 'import' && (
            <>
              <FileInput
                label={t('certificates.import.file')}
                placeholder={t('certificates.import.pick')}
                accept=".p12,.pfx,application/x-pkcs12"
                clearable
                required
                data-testid="certificate-file"
                {...form.getInputProps('file')}
              />
              <PasswordInput
                label={t('certificates.import.password')}
                autoComplete="off"
                {...form.getInputProps('password')}
              />
            </>
          )}
          {mode === 'pkcs11' && (
            <>
              <TextInput
                label={t('certificates.pkcs11.module')}
                description={t('certificates.pkcs11.moduleHint')}
                placeholder="/usr/lib/softhsm/libsofthsm2.so"
                required
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                {...form.getInputProps('module')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label={t('certificates.pkcs11.token')}
                  required
                  {...form.getInputProps('tokenLabel')}
                />
                <TextInput
                  label={t('certificates.pkcs11.key')}
                  required
                  {...form.getInputProps('keyLabel')}
                />
              </SimpleGrid>
              <PasswordInput
                label={t('certificates.pkcs11.pin')}
                autoComplete="off"
                required
                w={{ base: '100%', sm: 240 }}
                {...form.getInputProps('pin')}
              />
            </>
          )}
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="certificate-submit">
              {t(`certificates.${mode}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
