import type { Country } from '@civicdesk/contracts/common';
import { Anchor, Group, Stack } from '@mantine/core';
import IconExternalLink from '@tabler/icons-react/dist/esm/icons/IconExternalLink.mjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { SignatureList } from './SignatureList.tsx';
import { useDocumentSignatures } from './signatures.api.ts';
import { Verdict } from './Verdict.tsx';

/** The document page's "Digital signatures" card: the report of its current official PDF. */
export function SignaturesPanel({ documentId, country }: { documentId: string; country: Country }) {
  const { t } = useTranslation();
  const report = useDocumentSignatures(documentId, true);
  return (
    <SectionCard title={t('signatures.panelTitle')} id="signatures">
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ErrorAlert error={report.error} />
      ) : (
        <Stack gap="sm">
          {report.data.signatures.length > 0 && <Verdict report={report.data} headingOrder={3} compact />}
          <SignatureList report={report.data} country={country} />
          {report.data.document && (
            <Group>
              <Anchor
                component={Link}
                to={`/verify/${report.data.document.code}`}
                target="_blank"
                size="sm"
                data-testid="open-public-verification"
              >
                <Group gap={4} component="span">
                  {t('signatures.openPublic')}
                  <IconExternalLink size={14} aria-hidden />
                </Group>
              </Anchor>
            </Group>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
