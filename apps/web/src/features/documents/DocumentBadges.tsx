import type { DocumentStatus } from '@civicdesk/contracts/documents';
import { Badge, type BadgeProps } from '@mantine/core';
import IconLock from '@tabler/icons-react/dist/esm/icons/IconLock.mjs';
import { useTranslation } from 'react-i18next';
import { statusColor, type Urgency, urgencyColor } from './document-meta.ts';

type Size = BadgeProps['size'];

// Filled badges need white text at 4.5:1 or more: red shade 9 passes (5.4:1), Mantine's darkest orange does not
// (4.3:1), hence a deeper orange.
const filledShades: Partial<Record<Urgency, string>> = { hoa_toc: 'red.9', thuong_khan: '#b8400d' };

/** Hỏa tốc (red), Thượng khẩn (orange), Khẩn (yellow); nothing for a normal document. */
export function UrgencyBadge({ urgency, size = 'sm' }: { urgency: Urgency; size?: Size }) {
  const { t } = useTranslation();
  const color = urgencyColor(urgency);
  if (!color) return null;
  return (
    <Badge
      color={filledShades[urgency] ?? color}
      variant={urgency === 'khan' ? 'light' : 'filled'}
      size={size}
      data-urgency={urgency}
    >
      {t(`doc.urgency.${urgency}`)}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: DocumentStatus; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor(status)} variant="light" size={size} data-status={status}>
      {t(`doc.status.${status}`)}
    </Badge>
  );
}

export function SecretBadge({ confidentiality, size = 'sm' }: { confidentiality: string; size?: Size }) {
  const { t } = useTranslation();
  if (confidentiality === 'normal') return null;
  return (
    <Badge color="grape" variant="light" size={size} leftSection={<IconLock size={12} aria-hidden />}>
      {t(`doc.confidentiality.${confidentiality}`)}
    </Badge>
  );
}
