import type { Delivery } from '@civicdesk/contracts/dispatch';
import type { DocumentSummary } from '@civicdesk/contracts/documents';
import { Box, Button, Group, Paper, SegmentedControl, Select, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useMe } from '../auth/auth.api.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { SecretBadge, StatusBadge } from '../documents/DocumentBadges.tsx';
import { typeShort } from '../documents/document-meta.ts';
import { incomingAgencies } from '../documents/eoffice-access.ts';
import { useCountryOf } from '../documents/useCountryOf.ts';
import { DeliveryBadges } from '../incoming/DeliveryBadges.tsx';
import { InboxRow } from './InboxRow.tsx';
import {
  type DeliveryState,
  type Box as DocBox,
  type DocumentFilters,
  type MyDeliveryItem,
  useDocumentBox,
  useIncoming,
  useMyDeliveries,
} from './inbox.api.ts';

function ListFrame({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
        {children}
      </Box>
    </Paper>
  );
}

function MoreButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="center" mt="md">
      <Button variant="default" onClick={onClick} loading={loading}>
        {t('inbox.loadMore')}
      </Button>
    </Group>
  );
}

function DocumentRow({ doc }: { doc: DocumentSummary }) {
  const countryOf = useCountryOf();
  return (
    <InboxRow
      to={`/documents/${doc.id}`}
      urgency={doc.urgency}
      type={typeShort(doc.typeCode, currentLocale())}
      number={doc.numberText}
      subject={doc.subject}
      who={doc.drafterName}
      date={formatDate(doc.issuedAt ?? doc.updatedAt, countryOf(doc.agencyId))}
      status={<StatusBadge status={doc.status} size="xs" />}
      extra={<SecretBadge confidentiality={doc.confidentiality} size="xs" />}
      testId="inbox-document"
    />
  );
}

/** A box of documents (drafts, to approve, submitted, issued, all), filtered by the search, page by page. */
export function DocumentBoxList({
  box,
  filters,
  label,
}: {
  box: DocBox;
  filters: DocumentFilters;
  label: string;
}) {
  const { t } = useTranslation();
  const list = useDocumentBox(box, filters);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const searching = Object.values(filters).some(Boolean);
  if (items.length === 0)
    return <EmptyState>{t(searching ? 'inbox.noResults' : `inbox.empty.${box}`)}</EmptyState>;
  return (
    <>
      <ListFrame label={label}>
        {items.map((doc) => (
          <DocumentRow key={doc.id} doc={doc} />
        ))}
      </ListFrame>
      {list.hasNextPage && (
        <MoreButton onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage} />
      )}
    </>
  );
}

function DeliveryRow({ d, unread }: { d: Delivery; unread?: boolean }) {
  const { t } = useTranslation();
  const countryOf = useCountryOf();
  const country = countryOf(d.toAgencyId);
  const date = d.receivedAt ?? d.sentAt;
  return (
    <InboxRow
      to={`/deliveries/${d.id}`}
      urgency={d.urgency}
      type={typeShort(d.typeCode, currentLocale())}
      number={d.numberText}
      subject={d.subject}
      who={d.fromAgency}
      date={
        d.incomingNumber
          ? `${t('incoming.incomingNo', { n: d.incomingNumber })} · ${formatDate(date, country)}`
          : formatDate(date, country)
      }
      status={<DeliveryBadges delivery={d} country={country} size="xs" />}
      unread={unread}
      testId="inbox-delivery"
    />
  );
}

/** Copies sent to the person's agency: the clerk receives them, the head assigns them. */
export function IncomingList({ label }: { label: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const agencies = incomingAgencies(me);
  const clerk = agencies.some((p) => p.role === 'clerk');
  const [agencyId, setAgencyId] = useState(agencies[0]?.agencyId);
  const [state, setState] = useState<DeliveryState>(clerk ? 'sent' : 'received');
  const list = useIncoming(agencyId, state);
  const items = list.data?.pages.flat() ?? [];
  return (
    <>
      <Group gap="sm" mb="sm" wrap="wrap">
        {agencies.length > 1 && (
          <Select
            comboboxProps={dropdownBelow}
            aria-label={t('common.agency')}
            data={agencies.map((p) => ({ value: p.agencyId, label: p.agencyName }))}
            value={agencyId ?? null}
            onChange={(v) => v && setAgencyId(v)}
            allowDeselect={false}
            w={{ base: '100%', sm: 320 }}
          />
        )}
        <SegmentedControl
          fullWidth
          w={{ base: '100%', sm: 'auto' }}
          // Narrow screens: equal segments whose labels may wrap, never wider than the screen.
          styles={{ label: { whiteSpace: 'normal', lineHeight: 1.25 } }}
          aria-label={t('incoming.stateFilter')}
          value={state}
          onChange={(v) => setState(v as DeliveryState)}
          data={(['sent', 'received', 'returned'] as const).map((s) => ({
            value: s,
            label: t(`incoming.listStates.${s}`),
          }))}
        />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState>{t(`incoming.none.${state}`)}</EmptyState>
      ) : (
        <>
          <ListFrame label={label}>
            {items.map((d) => (
              <DeliveryRow key={d.id} d={d} />
            ))}
          </ListFrame>
          {list.hasNextPage && (
            <MoreButton onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage} />
          )}
        </>
      )}
    </>
  );
}

/** Copies the person handles (chủ trì / phối hợp) or got for information (공람 / để biết). */
export function MyDeliveryList({
  kind: role,
  overdueOnly = false,
  label,
}: {
  kind: 'handle' | 'information';
  overdueOnly?: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const list = useMyDeliveries(role);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items: MyDeliveryItem[] = list.data.filter(
    (d) =>
      (!overdueOnly || d.overdue) && (role === 'information' || overdueOnly || d.handling === 'assigned'),
  );
  const key = overdueOnly ? 'overdue' : role;
  if (items.length === 0) return <EmptyState>{t(`inbox.empty.${key}`)}</EmptyState>;
  return (
    <>
      {role === 'information' && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('inbox.informationHint')}
        </Text>
      )}
      <ListFrame label={label}>
        {items.map((d) => (
          <DeliveryRow key={d.id} d={d} unread={role === 'information' && !d.viewedAt} />
        ))}
      </ListFrame>
    </>
  );
}
