import type { ApprovalView } from '@civicdesk/contracts/approvals';
import type { Country } from '@civicdesk/contracts/common';
import type { DocumentDetail } from '@civicdesk/contracts/documents';
import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import IconBuilding from '@tabler/icons-react/dist/esm/icons/IconBuilding.mjs';
import IconMail from '@tabler/icons-react/dist/esm/icons/IconMail.mjs';
import IconSitemap from '@tabler/icons-react/dist/esm/icons/IconSitemap.mjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { useMe } from '../auth/auth.api.ts';
import { useEofficeLive } from '../inbox/inbox.api.ts';
import { SignaturesPanel } from '../signatures/SignaturesPanel.tsx';
import { ActionPanel, StickyActionBar } from './ActionBar.tsx';
import { ApprovalTrack } from './ApprovalTrack.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { DeliveriesTable } from './DeliveriesTable.tsx';
import { SecretBadge, StatusBadge, UrgencyBadge } from './DocumentBadges.tsx';
import { DocumentBody } from './DocumentBody.tsx';
import { typeName } from './document-meta.ts';
import { useApproval, useDocument } from './documents.api.ts';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import './eoffice.css';
import { useCountryOf } from './useCountryOf.ts';
import { useDocumentActions } from './useDocumentActions.tsx';
import { useDesktop } from './useScreen.ts';

/** /documents/:id — read, decide, follow. */
export function DocumentPage() {
  const { id } = useParams();
  const doc = useDocument(id);
  useEofficeLive();
  if (doc.isPending) return <Loading minHeight={320} />;
  if (doc.error) return <ErrorAlert error={doc.error} />;
  return <DocumentView doc={doc.data} />;
}

function Header({ doc, country }: { doc: DocumentDetail; country: Country }) {
  const { t } = useTranslation();
  useDocumentTitle(`${doc.subject} · CivicDesk`);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} mb="md" component="header">
      <Group gap={6} mb="xs" wrap="wrap">
        <UrgencyBadge urgency={doc.urgency} />
        <StatusBadge status={doc.status} />
        <SecretBadge confidentiality={doc.confidentiality} />
        <Badge variant="outline" color="civic" size="sm">
          {typeName(doc.typeCode, currentLocale())}
        </Badge>
        {doc.isDirective && (
          <Badge variant="light" color="grape" size="sm">
            {t('doc.directive')}
          </Badge>
        )}
      </Group>
      <Title order={1} fz={{ base: 20, sm: 26 }} lh={1.35} data-testid="document-subject">
        {doc.subject}
      </Title>
      <Group gap="lg" mt="sm" wrap="wrap" style={{ rowGap: 4 }}>
        <Text size="sm" data-testid="document-number">
          <Text span c="dimmed">
            {t('doc.fields.number')}:{' '}
          </Text>
          <Text span fw={600}>
            {doc.numberText ?? t('doc.notNumbered')}
          </Text>
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('doc.fields.drafter')}:{' '}
          </Text>
          {doc.drafterName}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {doc.issuedAt ? t('doc.fields.issuedAt') : t('doc.fields.updatedAt')}:{' '}
          </Text>
          {formatDateTime(doc.issuedAt ?? doc.updatedAt, country)}
        </Text>
      </Group>
      {doc.replyToDeliveryId && (
        <Anchor
          component={Link}
          to={`/deliveries/${doc.replyToDeliveryId}`}
          size="sm"
          mt="xs"
          display="block"
        >
          {t('doc.replyTo')}
        </Anchor>
      )}
    </Paper>
  );
}

/** Why the document came back or stopped: the opinion of whoever returned or held it. */
function DecisionNotice({ doc, approval }: { doc: DocumentDetail; approval: ApprovalView | undefined }) {
  const { t } = useTranslation();
  const state = doc.status === 'returned' ? 'returned' : doc.status === 'on_hold' ? 'held' : null;
  const step = state ? approval?.steps.find((s) => s.state === state) : undefined;
  if (!step) return null;
  return (
    <Alert
      color={state === 'returned' ? 'red' : 'orange'}
      variant="light"
      mb="md"
      title={t(`approval.notice.${state}`, { name: step.actedByName ?? step.assigneeName })}
    >
      {step.opinion}
    </Alert>
  );
}

const recipientIcons = { agency: IconBuilding, unit: IconSitemap, external: IconMail };

function Recipients({ doc, country }: { doc: DocumentDetail; country: Country }) {
  const { t } = useTranslation();
  if (doc.recipients.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('editor.recipients.none')}
      </Text>
    );
  return (
    <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {doc.recipients.map((r) => {
        const Icon = recipientIcons[r.kind];
        return (
          <Group key={r.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
            <Icon size={16} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
            <div>
              <Text size="sm">
                {r.name}
                {!r.main && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('editor.recipients.forInformation')})
                  </Text>
                )}
              </Text>
              {r.task && (
                <Text size="xs" c="grape.9">
                  {t('doc.task')}: {r.task}
                  {r.taskDeadline ? ` — ${t('doc.deadline')}: ${formatDate(r.taskDeadline, country)}` : ''}
                </Text>
              )}
            </div>
          </Group>
        );
      })}
    </Stack>
  );
}

function DocumentView({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const desktop = useDesktop();
  const country = useCountryOf()(doc.agencyId);
  const approval = useApproval(doc.id);
  const { actions, dialogs } = useDocumentActions({ doc, approval: approval.data, meId: me.id, country });
  const issued = doc.status === 'issued' || doc.status === 'recalled';

  const body = (
    <SectionCard title={t('doc.content')} id="body">
      <DocumentBody html={doc.bodyHtml} />
    </SectionCard>
  );
  const track = (
    <SectionCard title={t('approval.title')} id="approval">
      {approval.isPending ? (
        <Loading />
      ) : approval.error ? (
        <ErrorAlert error={approval.error} />
      ) : (
        <ApprovalTrack
          documentId={doc.id}
          approval={approval.data}
          drafterName={doc.drafterName}
          country={country}
        />
      )}
    </SectionCard>
  );
  const signatures = doc.hasPdf && <SignaturesPanel documentId={doc.id} country={country} />;
  // Once issued, what the sender follows is each recipient's progress: a wide table, first, across both columns.
  const progress = issued && (
    <SectionCard title={t('progress.title')} description={t('progress.hint')} id="progress">
      <DeliveriesTable documentId={doc.id} country={country} />
    </SectionCard>
  );
  const rest: ReactNode[] = [
    <SectionCard key="att" title={t('attachments.title')} id="attachments">
      <AttachmentsPanel doc={doc} editable={false} />
    </SectionCard>,
    <SectionCard key="rec" title={t('editor.recipients.title')} id="recipients">
      <Recipients doc={doc} country={country} />
    </SectionCard>,
    <Paper key="tabs" withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Tabs defaultValue="history" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="history">{t('history.title')}</Tabs.Tab>
          <Tabs.Tab value="versions">{t('versions.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="history">
          <HistoryTimeline documentId={doc.id} country={country} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsPanel documentId={doc.id} country={country} />
        </Tabs.Panel>
      </Tabs>
    </Paper>,
  ];

  return (
    <>
      <Header doc={doc} country={country} />
      <DecisionNotice doc={doc} approval={approval.data} />
      {desktop ? (
        <>
          {progress && <div style={{ marginBottom: 'var(--mantine-spacing-md)' }}>{progress}</div>}
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="md">
                {body}
                {rest}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="md">
                <ActionPanel actions={actions} title={t('approval.actionsTitle')} />
                {track}
                {signatures}
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      ) : (
        <Stack gap="md">
          {body}
          {track}
          {signatures}
          {progress}
          {rest}
          <StickyActionBar actions={actions} title={t('approval.actionsTitle')} />
        </Stack>
      )}
      {dialogs}
    </>
  );
}
