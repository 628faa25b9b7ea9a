import type { AuditEntry } from '@civicdesk/contracts/audit';
import { ActionIcon, Code, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import IconChevronDown from '@tabler/icons-react/dist/esm/icons/IconChevronDown.mjs';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { useAgencies } from '../org/org.api.ts';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const fallbackCountry = userCountry(useMe().data);
  const agencies = useAgencies().data ?? [];
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const [open, setOpen] = useState<number | null>(null);

  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <ScrollTable minWidth={960} data-testid="audit-table" fz="sm" horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('common.agency')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
            <Table.Th>{t('audit.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const agency = e.agencyId ? byId.get(e.agencyId) : undefined;
            const expanded = open === e.id;
            return (
              <Fragment key={e.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray.8"
                      size="sm"
                      aria-expanded={expanded}
                      aria-label={t('audit.showDetails', { id: e.id })}
                      onClick={() => setOpen(expanded ? null : e.id)}
                    >
                      <IconChevronDown
                        size={16}
                        aria-hidden
                        style={{ transform: expanded ? 'rotate(180deg)' : undefined }}
                      />
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(e.at, agency?.country ?? fallbackCountry)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.actorName ?? t('audit.system')}</Table.Td>
                  <Table.Td>{agency?.name ?? (e.agencyId ? '—' : t('audit.platform'))}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.entityType}</Text>
                    {e.entityId && (
                      <Text size="xs" c="dimmed" ff="monospace" truncate="end" maw={130} title={e.entityId}>
                        {e.entityId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {e.ip ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={e.hash} withArrow multiline maw={320} style={{ wordBreak: 'break-all' }}>
                      <Code
                        tabIndex={0}
                        style={{ whiteSpace: 'nowrap' }}
                        aria-label={`${t('audit.hash')}: ${e.hash}`}
                      >
                        {e.hash.slice(0, 10)}
                      </Code>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={8} bg="gray.0">
                      <Text size="xs" c="dimmed" mb={4}>
                        {t('audit.chainPosition', { chain: e.chain, seq: e.seq, id: e.id })}
                      </Text>
                      <Code block fz="xs">
                        {JSON.stringify(e.detail, null, 2)}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </Paper>
  );
}
