import type { Country } from '@civicdesk/contracts/common';
import type { Certificate } from '@civicdesk/contracts/signatures';
import { Badge, Button, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

const statusColor: Record<Certificate['status'], string> = {
  active: 'teal',
  revoked: 'red',
  expired: 'gray',
};

/** Groups a hex string for reading aloud or comparing: AB:CD:EF… */
const grouped = (hex: string, n = 8) =>
  (hex.toUpperCase().match(/.{1,2}/g) ?? []).slice(0, n).join(':') + (hex.length > n * 2 ? '…' : '');

type Props = { certificates: Certificate[]; country: Country; onRevoke: (c: Certificate) => void };

export function CertificatesTable({ certificates, country, onRevoke }: Props) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={860} label={t('certificates.title')} data-testid="certificates-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('certificates.holder')}</Table.Th>
          <Table.Th>{t('certificates.issuer')}</Table.Th>
          <Table.Th>{t('certificates.serial')}</Table.Th>
          <Table.Th>{t('certificates.validity')}</Table.Th>
          <Table.Th>{t('certificates.status')}</Table.Th>
          <Table.Th w={110}>
            <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {certificates.map((c) => (
          <Table.Tr key={c.id} data-testid="certificate-row" data-status={c.status}>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {c.holderName}
                </Text>
                <Group gap={4}>
                  <Badge size="xs" variant="light" color={c.kind === 'seal' ? 'grape' : 'civic'}>
                    {t(`certificates.kinds.${c.kind}`)}
                  </Badge>
                  <Badge size="xs" variant="outline" color="gray">
                    {t(`certificates.sources.${c.source}`)}
                  </Badge>
                </Group>
              </Stack>
            </Table.Td>
            <Table.Td maw={220}>
              <Text size="xs" style={{ wordBreak: 'break-word' }}>
                {c.issuer}
              </Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label={`SHA-256 ${grouped(c.fingerprintSha256, 32)}`} multiline w={320}>
                <Text size="xs" ff="monospace" tabIndex={0}>
                  {grouped(c.serialHex)}
                </Text>
              </Tooltip>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(c.notBefore, country)} – {formatDate(c.notAfter, country)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={statusColor[c.status]} variant="light">
                {t(`certificates.statuses.${c.status}`)}
              </Badge>
              {c.revokedAt && (
                <Text size="xs" c="dimmed" mt={2}>
                  {formatDate(c.revokedAt, country)}
                  {c.revocationReason ? ` · ${c.revocationReason}` : ''}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {c.status === 'active' && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red.9"
                  onClick={() => onRevoke(c)}
                  aria-label={t('certificates.revoke.named', { name: c.holderName })}
                  data-testid="certificate-revoke"
                >
                  {t('certificates.revoke.action')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
