import type { VerifyReport } from '@civicdesk/contracts/signatures';
import { Alert, Stack, Text } from '@mantine/core';
import IconCircleCheck from '@tabler/icons-react/dist/esm/icons/IconCircleCheck.mjs';
import IconShieldX from '@tabler/icons-react/dist/esm/icons/IconShieldX.mjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { FileDrop } from './FileDrop.tsx';
import { sha256Hex } from './signature-status.ts';
import { sendForm } from './signatures.api.ts';

// The copy is hashed in the browser when it can (nothing leaves the phone); pages served over plain HTTP have
// no Web Crypto, so there the server hashes it.
async function hashOf(file: File): Promise<string> {
  if (globalThis.crypto?.subtle) return sha256Hex(file);
  const form = new FormData();
  form.append('file', file, file.name);
  return (await sendForm<VerifyReport>('/verify', form)).sha256;
}

/** "Is the file I hold the one that was issued?": the same bytes, or not. */
export function CompareCopy({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const compare = useMutation({
    mutationFn: async (file: File) => ({
      name: file.name,
      same: (await hashOf(file)) === sha256.toLowerCase(),
    }),
    meta: { inline: true },
  });
  const result = compare.data;
  return (
    <Stack gap="sm">
      <FileDrop
        label={t('verify.compareLabel')}
        hint={t('verify.compareHint')}
        buttonLabel={t('verify.choose')}
        accept="application/pdf,.pdf"
        loading={compare.isPending}
        onFile={(file) => compare.mutate(file)}
        testId="compare-drop"
      />
      <ErrorAlert error={compare.error} />
      {result && (
        <Alert
          color={result.same ? 'teal' : 'red'}
          variant="light"
          icon={
            result.same ? <IconCircleCheck size={22} aria-hidden /> : <IconShieldX size={22} aria-hidden />
          }
          title={t(result.same ? 'verify.sameTitle' : 'verify.differentTitle')}
          role={result.same ? 'status' : 'alert'}
          data-testid="compare-result"
          data-same={result.same}
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t(result.same ? 'verify.same' : 'verify.different', { name: result.name })}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
