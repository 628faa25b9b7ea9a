import type { CommitteeDetail } from '@civicdesk/contracts/committees';
import { Anchor, Badge, Button, Grid, Group, List, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconArrowLeft from '@tabler/icons-react/dist/esm/icons/IconArrowLeft.mjs';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { AllowancesTab } from './AllowancesTab.tsx';
import { CommitteeFormModal } from './CommitteeFormModal.tsx';
import { ruleSentences } from './committee-rules.ts';
import { useCommittee } from './committees.api.ts';
import { MeetingsList } from './MeetingsList.tsx';
import { MembersTable } from './MembersTable.tsx';

function RulesCard({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const r = committee.rates;
  return (
    <SectionCard title={t('committees.rules.title')} id="committee-rules">
      <List spacing={6} size="sm" data-testid="rule-summary">
        {ruleSentences(t, committee.rules).map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Stack gap={4}>
        <Text size="sm">
          <Text span c="dimmed">
            {t('committees.form.legalBasis')}:{' '}
          </Text>
          {committee.legalBasis}
        </Text>
        <Text size="sm">
          {t('committees.rules.terms', {
            years: committee.termYears,
            terms: committee.maxTerms,
            limit: committee.concurrencyLimit,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('committees.rules.rates', {
            attendance: formatNumber(r.attendance, locale),
            review: formatNumber(r.review, locale),
            travel: formatNumber(r.travel, locale),
          })}
        </Text>
      </Stack>
    </SectionCard>
  );
}

/** One committee: its rules in words, its meetings, its members and (for managers) the allowances. */
export function CommitteePage() {
  const { t } = useTranslation();
  const { committeeId } = useParams();
  const committee = useCommittee(committeeId);
  const [params, setParams] = useSearchParams();
  const [editing, edit] = useDisclosure(false);

  if (committee.isPending) return <Loading />;
  if (committee.error) return <ErrorAlert error={committee.error} />;
  const c = committee.data;
  const tab = params.get('tab') ?? 'meetings';

  return (
    <>
      <Anchor component={Link} to="/committees" size="sm" mb="xs" display="inline-block">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('committees.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={c.name}
        description={
          <Group gap={8} component="span">
            <span>{c.agencyName}</span>
            <Badge variant="light" color="gray" component="span">
              {t(`committees.function.${c.function}`)}
            </Badge>
          </Group>
        }
        actions={
          c.canManage && (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={edit.open}>
              {t('committees.edit')}
            </Button>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'meetings' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="meetings">{t('committees.tabs.meetings')}</Tabs.Tab>
          <Tabs.Tab value="members">
            {t('committees.tabs.members')} ({c.members.filter((m) => m.active).length})
          </Tabs.Tab>
          {c.canManage && <Tabs.Tab value="allowances">{t('committees.tabs.allowances')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="meetings">
          {/* The rules sit beside the meetings they govern; tables get the full width on their tabs. */}
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <MeetingsList committee={c} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <RulesCard committee={c} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersTable committee={c} />
        </Tabs.Panel>
        {c.canManage && (
          <Tabs.Panel value="allowances">
            <AllowancesTab committee={c} />
          </Tabs.Panel>
        )}
      </Tabs>
      {editing && <CommitteeFormModal committee={c} onClose={edit.close} />}
    </>
  );
}
