import type { Country } from '@civicdesk/contracts/common';
import type { DeliveryDetail } from '@civicdesk/contracts/dispatch';
import {
  Alert,
  Anchor,
  Badge,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { ActionPanel, StickyActionBar } from '../documents/ActionBar.tsx';
import { AttachmentsPanel } from '../documents/AttachmentsPanel.tsx';
import { UrgencyBadge } from '../documents/DocumentBadges.tsx';
import { DocumentBody } from '../documents/DocumentBody.tsx';
import { typeName } from '../documents/document-meta.ts';
import { useDocument } from '../documents/documents.api.ts';
import '../documents/eoffice.css';
import { RegionTable } from '../documents/RegionTable.tsx';
import { useCountryOf } from '../documents/useCountryOf.ts';
import { useDesktop } from '../documents/useScreen.ts';
import { useEofficeLive } from '../inbox/inbox.api.ts';
import { DeliveryBadges } from './DeliveryBadges.tsx';
import { useDelivery } from './incoming.api.ts';
import { useDeliveryActions } from './useDeliveryActions.tsx';

/** /deliveries/:id — one received copy: receive, distribute, assign, handle, circulate. */
export function DeliveryPage() {
  const { id } = useParams();
  const delivery = useDelivery(id);
  useEofficeLive();
  if (delivery.isPending) return <Loading minHeight={320} />;
  if (delivery.error) return <ErrorAlert error={delivery.error} />;
  return <DeliveryView d={delivery.data} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children || '—'}
      </Text>
    </div>
  );
}

function Header({ d, country }: { d: DeliveryDetail; country: Country }) {
  const { t } = useTranslation();
  useDocumentTitle(`${d.subject} · CivicDesk`);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} mb="md" component="header">
      <Group gap={6} mb="xs" wrap="wrap">
        <Badge variant="light" color="civic" size="sm">
          {t('incoming.kind')}
        </Badge>
        <UrgencyBadge urgency={d.urgency} />
        <DeliveryBadges delivery={d} country={country} />
        <Badge variant="outline" color="civic" size="sm">
          {typeName(d.typeCode, currentLocale())}
        </Badge>
      </Group>
      <Title order={1} fz={{ base: 20, sm: 26 }} lh={1.35} data-testid="delivery-subject">
        {d.subject}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" mt="md">
        <Fact label={t('doc.fields.number')}>{d.numberText}</Fact>
        <Fact label={t('incoming.sender')}>{d.fromAgency}</Fact>
        <Fact label={t('incoming.issuedAt')}>{formatDate(d.issuedAt, country)}</Fact>
        <Fact label={t('incoming.incomingNumber')}>
          <span data-testid="incoming-number">
            {d.incomingNumber ? `${d.incomingNumber}/${d.incomingYear}` : ''}
          </span>
        </Fact>
        <Fact label={t('incoming.receivedAt')}>{formatDateTime(d.receivedAt, country)}</Fact>
        <Fact label={t('incoming.unit')}>{d.unitName}</Fact>
        <Fact label={t('incoming.lead')}>{d.leadName}</Fact>
        <Fact label={t('incoming.deadline')}>{formatDate(d.deadline, country)}</Fact>
      </SimpleGrid>
    </Paper>
  );
}

function Outcome({ d, country }: { d: DeliveryDetail; country: Country }) {
  const { t } = useTranslation();
  return (
    <>
      {d.task && (
        <Alert color={d.taskDoneAt ? 'teal' : 'grape'} variant="light" title={t('incoming.task')} mb="md">
          <Text size="sm">{d.task}</Text>
          {d.taskDoneAt && (
            <Text size="sm" mt={4}>
              {t('incoming.taskDoneOn', { date: formatDateTime(d.taskDoneAt, country) })}
              {d.taskReport ? ` — ${d.taskReport}` : ''}
            </Text>
          )}
        </Alert>
      )}
      {d.returnReason && (
        <Alert color="red" variant="light" title={t('incoming.returnedTitle')} mb="md">
          {d.returnReason}
        </Alert>
      )}
      {(d.resultNote || d.replyNumber) && (
        <Alert color="teal" variant="light" title={t('incoming.outcome')} mb="md">
          {d.replyNumber ? t('incoming.repliedWith', { number: d.replyNumber }) : d.resultNote}
        </Alert>
      )}
    </>
  );
}

const roleOrder = { lead: 0, co: 1, reader: 2 } as const;

/** The circulation record (공람 / để biết): who has the copy, in which role, and when they first opened it. */
function PeopleTable({ d, country }: { d: DeliveryDetail; country: Country }) {
  const { t } = useTranslation();
  if (d.people.length === 0) return <EmptyState>{t('incoming.noPeople')}</EmptyState>;
  return (
    <RegionTable label={t('incoming.peopleTitle')} minWidth={300} data-testid="delivery-people">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('incoming.person')}</Table.Th>
          <Table.Th>{t('incoming.role')}</Table.Th>
          <Table.Th>{t('incoming.viewedAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...d.people]
          .sort((a, b) => roleOrder[a.role] - roleOrder[b.role])
          .map((p) => (
            <Table.Tr key={`${p.userId}-${p.role}`}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{t(`incoming.roles.${p.role}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.viewedAt ? formatDateTime(p.viewedAt, country) : t('incoming.notViewed')}
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </RegionTable>
  );
}

function DeliveryView({ d }: { d: DeliveryDetail }) {
  const { t } = useTranslation();
  const desktop = useDesktop();
  const country = useCountryOf()(d.toAgencyId);
  const doc = useDocument(d.documentId);
  const { actions, dialogs } = useDeliveryActions({
    delivery: d,
    senderAgencyId: doc.data?.agencyId,
    country,
  });
  const content = (
    <SectionCard title={t('doc.content')} id="body">
      {doc.isPending ? (
        <Loading />
      ) : doc.error ? (
        <ErrorAlert error={doc.error} />
      ) : (
        <Stack gap="md">
          <DocumentBody html={doc.data.bodyHtml} />
          <AttachmentsPanel doc={doc.data} editable={false} />
          <Group gap="md">
            <Anchor component={Link} to={`/documents/${d.documentId}`} size="sm">
              {t('incoming.openDocument')}
            </Anchor>
            {doc.data.hasPdf && (
              <Anchor href={`/api/documents/${d.documentId}/pdf`} target="_blank" rel="noopener" size="sm">
                {t('issue.pdf')}
              </Anchor>
            )}
            {d.incomingNumber !== null && (
              <Anchor
                href={`/api/deliveries/${d.id}/receipt`}
                target="_blank"
                rel="noopener"
                size="sm"
                title={t('incoming.receiptSlipHint')}
                data-testid="receipt-slip"
              >
                {t('incoming.receiptSlip')}
              </Anchor>
            )}
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
  const people = (
    <SectionCard title={t('incoming.peopleTitle')} description={t('incoming.peopleHint')} id="people">
      <PeopleTable d={d} country={country} />
    </SectionCard>
  );
  return (
    <>
      <Header d={d} country={country} />
      <Outcome d={d} country={country} />
      {desktop ? (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 8 }}>{content}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <ActionPanel actions={actions} title={t('approval.actionsTitle')} />
              {people}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <Stack gap="md">
          {content}
          {people}
          <StickyActionBar actions={actions} title={t('approval.actionsTitle')} />
        </Stack>
      )}
      {dialogs}
    </>
  );
}
