import type { Country } from '@civicdesk/contracts/common';
import { Box, Group, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { dropdownBelow } from './combobox.ts';
import { type Diff, useDiff, useVersions } from './documents.api.ts';
import { RegionTable } from './RegionTable.tsx';

function DiffView({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  const changed = diff.lines.filter((l) => l.op !== ' ').length;
  return (
    <Stack gap="xs" data-testid="diff-view">
      {diff.subject.before !== diff.subject.after && (
        <Box>
          <Text size="xs" fw={600} c="dimmed">
            {t('doc.fields.subject')}
          </Text>
          <p className="diff-line" data-op="-">
            − {diff.subject.before}
          </p>
          <p className="diff-line" data-op="+">
            + {diff.subject.after}
          </p>
        </Box>
      )}
      <Text size="xs" c="dimmed">
        {changed === 0 ? t('versions.noTextChange') : t('versions.changedLines', { n: changed })}
      </Text>
      <Paper withBorder radius="sm" py={4} style={{ overflow: 'hidden' }}>
        {diff.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one immutable diff, in order
          <p key={i} className="diff-line" data-op={l.op}>
            <span aria-hidden>{l.op === ' ' ? '  ' : `${l.op === '-' ? '−' : '+'} `}</span>
            {l.op !== ' ' && (
              <VisuallyHidden component="span">
                {`${t(l.op === '+' ? 'versions.added' : 'versions.removed')}: `}
              </VisuallyHidden>
            )}
            {l.text || '\u00a0'}
          </p>
        ))}
      </Paper>
    </Stack>
  );
}

/** Every saved version (who, when, note) and a line diff between any two of them. */
export function VersionsPanel({ documentId, country }: { documentId: string; country: Country }) {
  const { t } = useTranslation();
  const versions = useVersions(documentId);
  const list = versions.data ?? [];
  const latest = list.at(-1)?.version ?? null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? (latest && latest > 1 ? latest - 1 : null);
  const b = to ?? latest;
  const diff = useDiff(documentId, a, b);
  if (versions.isPending) return <Loading />;
  if (versions.error) return <ErrorAlert error={versions.error} />;
  const options = list.map((v) => ({
    value: String(v.version),
    label: t('versions.label', { n: v.version }),
  }));

  return (
    <Stack gap="md">
      <RegionTable label={t('versions.title')} minWidth={480} data-testid="versions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('versions.version')}</Table.Th>
            <Table.Th>{t('versions.editor')}</Table.Th>
            <Table.Th>{t('versions.time')}</Table.Th>
            <Table.Th>{t('versions.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...list].reverse().map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.editorName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.editedAt, country)}</Table.Td>
              <Table.Td>{v.note ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </RegionTable>
      {list.length > 1 ? (
        <>
          <Group gap="sm" wrap="wrap" align="flex-end">
            <Select
              comboboxProps={dropdownBelow}
              label={t('versions.compareFrom')}
              data={options}
              value={a === null ? null : String(a)}
              onChange={(v) => v && setFrom(Number(v))}
              allowDeselect={false}
              w={160}
            />
            <Select
              comboboxProps={dropdownBelow}
              label={t('versions.compareTo')}
              data={options}
              value={b === null ? null : String(b)}
              onChange={(v) => v && setTo(Number(v))}
              allowDeselect={false}
              w={160}
            />
          </Group>
          {a === b ? (
            <Text size="sm" c="dimmed">
              {t('versions.sameVersion')}
            </Text>
          ) : diff.isPending ? (
            <Loading />
          ) : diff.error ? (
            <ErrorAlert error={diff.error} />
          ) : (
            <DiffView diff={diff.data} />
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('versions.onlyOne')}
        </Text>
      )}
    </Stack>
  );
}
