import type { VerifyByCode } from '@civicdesk/contracts/signatures';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import IconDownload from '@tabler/icons-react/dist/esm/icons/IconDownload.mjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { typeName } from '../documents/document-meta.ts';
import { CompareCopy } from './CompareCopy.tsx';
import { SignatureList } from './SignatureList.tsx';
import { publicPdfUrl, useVerifyByCode } from './signatures.api.ts';
import { Verdict } from './Verdict.tsx';
import { VerifyFrame } from './VerifyFrame.tsx';

/** /verify/:code — where the QR code on an issued document leads: the record and its signatures. */
export function VerifyCodePage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const record = useVerifyByCode(code);
  const country = userCountry(undefined);
  return (
    <VerifyFrame title={t('verify.recordTitle')}>
      {record.isPending ? (
        <Loading />
      ) : record.error ? (
        <Unknown error={record.error} />
      ) : (
        <>
          <Verdict report={record.data.report} />
          <Summary record={record.data} />
          <SectionCard title={t('signatures.panelTitle')} id="signatures">
            <SignatureList report={record.data.report} country={country} />
          </SectionCard>
          <SectionCard title={t('verify.compareTitle')} description={t('verify.compareText')} id="compare">
            <CompareCopy sha256={record.data.report.sha256} />
          </SectionCard>
        </>
      )}
    </VerifyFrame>
  );
}

/** A code that leads nowhere (mistyped, cut short): say so plainly and offer the file check instead. */
function Unknown({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <Stack gap="md" align="flex-start">
      {missing ? (
        <Alert color="orange" variant="light" title={t('verify.unknownTitle')} w="100%" role="alert">
          {t('verify.unknown')}
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      <Button component={Link} to="/verify" variant="light">
        {t('verify.checkFile')}
      </Button>
    </Stack>
  );
}

function Summary({ record }: { record: VerifyByCode }) {
  const { t } = useTranslation();
  const field = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} data-testid="verify-summary">
      <Stack gap="md">
        <Group gap={6}>
          <Badge variant="outline" color="civic">
            {typeName(record.typeCode, currentLocale())}
          </Badge>
          <Badge variant="light" color={record.status === 'issued' ? 'teal' : 'red'}>
            {t(`doc.status.${record.status}`, { defaultValue: record.status })}
          </Badge>
        </Group>
        <Text fw={600} size="lg" lh={1.4} c={record.subject ? undefined : 'dimmed'}>
          {record.subject ?? t('verify.subjectHidden')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          {field(t('doc.fields.number'), record.numberText ?? '—')}
          {field(t('verify.agency'), record.agencyName)}
          {field(t('doc.fields.issuedAt'), formatDate(record.issuedAt, userCountry(undefined)) || '—')}
        </SimpleGrid>
        {record.downloadable ? (
          <Group>
            <Button
              component="a"
              href={publicPdfUrl(record.code)}
              target="_blank"
              rel="noopener"
              leftSection={<IconDownload size={18} aria-hidden />}
              data-testid="verify-download"
            >
              {t('verify.download')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('verify.notDownloadable')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
