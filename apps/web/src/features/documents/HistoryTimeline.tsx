import type { AuditEntry } from '@civicdesk/contracts/audit';
import type { Country } from '@civicdesk/contracts/common';
import { Badge, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { printedMark } from './document-meta.ts';
import { useHistory } from './documents.api.ts';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

function EntryDetail({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  const mark = printedMark(text(e.detail.mark));
  const opinion = text(e.detail.opinion) ?? text(e.detail.reason);
  const name = text(e.detail.name);
  return (
    <>
      {(mark || name) && (
        <Group gap={6} mt={2}>
          {mark && (
            <Badge size="xs" color="grape" variant="light">
              {mark}
            </Badge>
          )}
          {name && (
            <Text size="xs" c="dimmed">
              {name}
            </Text>
          )}
        </Group>
      )}
      {opinion && (
        <Text size="sm" mt={2} fs="italic">
          “{opinion}”
        </Text>
      )}
      {e.action === 'approvals.submitted' && Array.isArray(e.detail.steps) && (
        <Text size="xs" c="dimmed">
          {t('history.steps', { n: e.detail.steps.length })}
        </Text>
      )}
    </>
  );
}

/** What happened to the document, from its audit entries, oldest first. */
export function HistoryTimeline({ documentId, country }: { documentId: string; country: Country }) {
  const { t } = useTranslation();
  const history = useHistory(documentId);
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorAlert error={history.error} />;
  if (history.data.length === 0) return <EmptyState>{t('history.none')}</EmptyState>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={history.data.length - 1} data-testid="history">
      {history.data.map((e) => (
        <Timeline.Item
          key={e.id}
          title={
            <Text size="sm" fw={600}>
              {t(`history.actions.${e.action}`, { defaultValue: e.action })}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {e.actorName ?? t('audit.system')} · <time dateTime={e.at}>{formatDateTime(e.at, country)}</time>
          </Text>
          <EntryDetail e={e} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
