import type { InboxCounters } from '@civicdesk/contracts/dispatch';
import type { Me } from '@civicdesk/contracts/identity';
import { Badge, Box, Button, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import IconFilePlus from '@tabler/icons-react/dist/esm/icons/IconFilePlus.mjs';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMe } from '../auth/auth.api.ts';
import '../documents/eoffice.css';
import { incomingAgencies } from '../documents/eoffice-access.ts';
import { DocumentBoxList, IncomingList, MyDeliveryList } from './InboxLists.tsx';
import { InboxSearch } from './InboxSearch.tsx';
import { type Box as DocBox, type DocumentFilters, useEofficeLive, useInboxCounters } from './inbox.api.ts';

type Tab = {
  value: string;
  counter?: keyof InboxCounters;
  /** A box of documents (the lists of received copies have none). */
  box?: DocBox;
  show?: (me: Me | undefined) => boolean;
  render?: (label: string) => ReactNode;
};

// The e-office home, as in On-nara's 결재함 and the "văn bản chờ xử lý" lists of Vietnamese suites: one tab per
// kind of work, each with a live count.
const tabs: Tab[] = [
  { value: 'to-approve', counter: 'toApprove', box: 'to_approve' },
  { value: 'drafts', counter: 'drafts', box: 'drafts' },
  { value: 'in-progress', box: 'in_progress' },
  {
    value: 'incoming',
    counter: 'toReceive',
    show: (me) => incomingAgencies(me).length > 0,
    render: (label) => <IncomingList label={label} />,
  },
  { value: 'handle', counter: 'toHandle', render: (label) => <MyDeliveryList kind="handle" label={label} /> },
  {
    value: 'overdue',
    counter: 'overdue',
    render: (label) => <MyDeliveryList kind="handle" overdueOnly label={label} />,
  },
  {
    value: 'information',
    counter: 'forInformation',
    render: (label) => <MyDeliveryList kind="information" label={label} />,
  },
  { value: 'issued', box: 'issued' },
  { value: 'all', box: 'all' },
];

const filterKeys = ['q', 'typeCode', 'status', 'from', 'to'] as const;

export function InboxPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [params] = useSearchParams();
  const visible = tabs.filter((tab) => !tab.show || tab.show(me));
  const requested = useParams()['*'] ?? '';
  const current = visible.find((tab) => tab.value === requested) ?? visible[0]!;
  const counters = useInboxCounters().data;
  useEofficeLive();

  // The search looks through every document the person may read: its results are the "All documents" tab.
  const searchTab = 'all';
  const query = current.value === searchTab ? params.toString() : '';
  // One object per query string: the search form resets itself when (and only when) the filters change.
  const filters = useMemo<DocumentFilters>(() => {
    const p = new URLSearchParams(query);
    return Object.fromEntries(filterKeys.flatMap((k) => (p.get(k) ? [[k, p.get(k)]] : [])));
  }, [query]);
  const searching = Object.keys(filters).length > 0;

  function search(next: DocumentFilters) {
    const qs = new URLSearchParams();
    for (const k of filterKeys) if (next[k]) qs.set(k, next[k]!);
    void navigate(`/inbox/${searchTab}${qs.size ? `?${qs}` : ''}`);
  }

  function select(value: string | null) {
    if (!value) return;
    const keep = value === searchTab && params.size ? `?${params}` : '';
    void navigate(`/inbox/${value}${keep}`);
  }

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.subtitle')}
        actions={
          <Button
            component={Link}
            to="/documents/new"
            leftSection={<IconFilePlus size={18} aria-hidden />}
            data-testid="new-document"
          >
            {t('inbox.newDocument')}
          </Button>
        }
      />
      <Stack gap="md">
        <InboxSearch filters={filters} onChange={search} />
        <Tabs
          value={current.value}
          onChange={select}
          orientation={wide ? 'vertical' : 'horizontal'}
          keepMounted={false}
          variant={wide ? 'pills' : 'default'}
          styles={{ tabLabel: { textAlign: 'left', flex: 1 } }}
        >
          <Tabs.List
            aria-label={t('inbox.tabsLabel')}
            miw={wide ? 232 : undefined}
            mr={wide ? 'md' : undefined}
            p={wide ? 6 : undefined}
            bg={wide ? 'white' : undefined}
            style={
              wide
                ? {
                    border: '1px solid var(--mantine-color-gray-3)',
                    borderRadius: 'var(--mantine-radius-md)',
                    alignSelf: 'flex-start',
                  }
                : { flexWrap: 'nowrap', overflowX: 'auto', scrollbarWidth: 'thin' }
            }
          >
            {visible.map((tab) => {
              const count = tab.counter ? counters?.[tab.counter] : undefined;
              return (
                <Tabs.Tab
                  key={tab.value}
                  value={tab.value}
                  data-testid={`inbox-tab-${tab.value}`}
                  style={{ flex: 'none' }}
                  rightSection={
                    count ? (
                      <Badge
                        size="sm"
                        circle={count < 10}
                        color={tab.value === 'overdue' ? 'red.9' : undefined}
                      >
                        {count}
                      </Badge>
                    ) : undefined
                  }
                >
                  {t(`inbox.tabs.${tab.value}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {visible.map((tab) => (
            <Tabs.Panel
              key={tab.value}
              value={tab.value}
              pt={wide ? 0 : 'md'}
              style={{ flex: 1, minWidth: 0 }}
            >
              {tab.value === current.value && (
                <Box>
                  <Text size="sm" c="dimmed" mb="sm">
                    {searching ? t('inbox.searchResults') : t(`inbox.hints.${tab.value}`)}
                  </Text>
                  {tab.box ? (
                    <DocumentBoxList box={tab.box} filters={filters} label={t(`inbox.tabs.${tab.value}`)} />
                  ) : (
                    tab.render?.(t(`inbox.tabs.${tab.value}`))
                  )}
                </Box>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}
