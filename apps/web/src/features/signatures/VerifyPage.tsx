import { Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { FileDrop } from './FileDrop.tsx';
import { SignatureList } from './SignatureList.tsx';
import { useVerifyFile } from './signatures.api.ts';
import { Verdict } from './Verdict.tsx';
import { VerifyFrame } from './VerifyFrame.tsx';

/** /verify — anyone checks a PDF they received: who signed it, and whether it changed since. */
export function VerifyPage() {
  const { t } = useTranslation();
  const verify = useVerifyFile();
  const country = userCountry(undefined);
  const report = verify.data;
  const name = verify.variables?.name;
  return (
    <VerifyFrame title={t('verify.title')} subtitle={t('verify.subtitle')}>
      {!report && (
        <FileDrop
          label={t('verify.dropLabel')}
          hint={t('verify.dropHint')}
          buttonLabel={t('verify.choose')}
          accept="application/pdf,.pdf"
          loading={verify.isPending}
          onFile={(file) => verify.mutate(file)}
          testId="verify-drop"
        />
      )}
      <ErrorAlert error={verify.error} />
      {report && (
        <>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('verify.checkedFile', { name })}
            </Text>
            <Button variant="default" onClick={() => verify.reset()} data-testid="verify-another">
              {t('verify.another')}
            </Button>
          </Group>
          <Verdict report={report} />
          {report.document && (
            <Paper withBorder radius="md" p="md">
              <Text size="sm">
                {t('verify.issuedHere', {
                  number: report.document.numberText ?? '—',
                  agency: report.document.agencyName,
                })}
              </Text>
              <Anchor component={Link} to={`/verify/${report.document.code}`} size="sm">
                {t('verify.openRecord')}
              </Anchor>
            </Paper>
          )}
          {report.signatures.length > 0 && (
            <SectionCard title={t('signatures.panelTitle')} id="signatures">
              <SignatureList report={report} country={country} />
            </SectionCard>
          )}
        </>
      )}
    </VerifyFrame>
  );
}
