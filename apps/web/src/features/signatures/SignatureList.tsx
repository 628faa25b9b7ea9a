import type { Country } from '@civicdesk/contracts/common';
import type { VerifyReport } from '@civicdesk/contracts/signatures';
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SignatureCard } from './SignatureCard.tsx';
import { problemKey } from './signature-status.ts';

/** Every signature of the report in signing order, and what is wrong with the file as a whole. */
export function SignatureList({ report, country }: { report: VerifyReport; country: Country }) {
  const { t } = useTranslation();
  // Whole-file problems that a signature row does not already explain.
  const own = new Set(report.signatures.flatMap((s) => s.problems));
  const fileProblems = [...new Set(report.problems)].filter((p) => !own.has(p));
  return (
    <Stack gap="sm" data-testid="signature-list">
      {fileProblems.length > 0 && (
        <List size="sm" c="red.9" spacing={2}>
          {fileProblems.map((p) => (
            <List.Item key={p}>{t(problemKey(p))}</List.Item>
          ))}
        </List>
      )}
      {report.signatures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('signatures.none')}
        </Text>
      ) : (
        report.signatures.map((sig) => (
          <SignatureCard
            key={`${sig.field}/${sig.signer.fingerprintSha256}/${sig.claimedTime}`}
            sig={sig}
            country={country}
          />
        ))
      )}
    </Stack>
  );
}
