import { Alert } from '@mantine/core';
import IconShieldCheck from '@tabler/icons-react/dist/esm/icons/IconShieldCheck.mjs';
import IconShieldX from '@tabler/icons-react/dist/esm/icons/IconShieldX.mjs';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import type { VerifyReport } from './audit.api.ts';

/** The hash-chain check: every entry links to the one before, so an edited or deleted row breaks the chain. */
export function VerifyResult({ report, onClose }: { report: VerifyReport; onClose: () => void }) {
  const { t } = useTranslation();
  const n = (v: number) => formatNumber(v, currentLocale());
  if (report.ok) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconShieldCheck size={22} aria-hidden />}
        title={t('audit.verifyOkTitle')}
        withCloseButton
        closeButtonLabel={t('common.close')}
        onClose={onClose}
        data-testid="audit-verify-result"
        data-ok="true"
      >
        {t('audit.verifyOk', { entries: n(report.entries), chains: n(report.chains) })}
      </Alert>
    );
  }
  const b = report.firstBreak;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconShieldX size={22} aria-hidden />}
      title={t('audit.verifyBrokenTitle')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      role="alert"
      data-testid="audit-verify-result"
      data-ok="false"
    >
      {b
        ? t('audit.verifyBroken', { chain: b.chain, seq: b.seq, id: b.id ?? '—', reason: b.reason })
        : t('audit.verifyBrokenUnknown')}
    </Alert>
  );
}
