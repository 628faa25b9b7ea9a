import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './eoffice.css';

/** The document body as stored: the server sanitised it (sanitize-html allow-list) before saving. */
export function DocumentBody({ html }: { html: string }) {
  const { t } = useTranslation();
  if (!html.trim())
    return (
      <Text size="sm" c="dimmed">
        {t('doc.emptyBody')}
      </Text>
    );
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server's allow-list on every save
  return <div className="doc-body" dangerouslySetInnerHTML={{ __html: html }} data-testid="document-body" />;
}
