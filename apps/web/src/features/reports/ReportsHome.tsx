import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { useTasks, useTemplates } from './reports.api.ts';
import { definingPosts } from './reports-access.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** Reports the person's agencies owe, and the templates their agencies defined (with each period's synthesis). */
export function ReportsHome() {
  const { t } = useTranslation();
  const me = useMe().data;
  const country = userCountry(me);
  const tasks = useTasks();
  const templates = useTemplates();
  const owned = (templates.data ?? []).filter((x) => x.owner);
  const canDefine = !!me && (me.isPlatformAdmin || definingPosts(me).length > 0);
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.subtitle')}
        actions={
          canDefine && (
            <Button
              component={Link}
              to="/reports/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-template"
            >
              {t('reports.newTemplate')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <SectionCard title={t('reports.toSubmit')} id="to-submit">
          {tasks.isPending ? (
            <Loading />
          ) : tasks.error ? (
            <ErrorAlert error={tasks.error} />
          ) : tasks.data.length === 0 ? (
            <EmptyState>{t('reports.noTasks')}</EmptyState>
          ) : (
            <ScrollTable minWidth={640} data-testid="report-tasks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.report')}</Table.Th>
                  <Table.Th>{t('reports.period')}</Table.Th>
                  <Table.Th>{t('reports.dueOn')}</Table.Th>
                  <Table.Th>{t('reports.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.data.map((x) => (
                  <Table.Tr key={`${x.period.id}:${x.agencyId}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/reports/periods/${x.period.id}?agency=${x.agencyId}`}
                        fw={500}
                      >
                        {x.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {x.agencyName} → {x.fromAgencyName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t('reports.periodRange', {
                        from: formatDate(x.period.start, country),
                        to: formatDate(x.period.end, country),
                      })}
                    </Table.Td>
                    <Table.Td>{formatDate(x.period.dueOn, country)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={x.status} overdue={x.overdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </SectionCard>
        {owned.length > 0 && (
          <SectionCard title={t('reports.defined')} id="defined">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {owned.map((x) => (
                <Card key={x.id} withBorder radius="md" data-testid="template-card">
                  <Text fw={600}>{x.title}</Text>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t(`reports.frequency.${x.frequency}`)} · {t('reports.dueDayN', { n: x.dueDay })} ·{' '}
                    {t('reports.fieldsN', { n: x.fields.length })}
                  </Text>
                  <Group>
                    <Button
                      component={Link}
                      to={`/reports/templates/${x.id}`}
                      variant="light"
                      size="xs"
                      data-testid="open-synthesis"
                    >
                      {t('reports.synthesis')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          </SectionCard>
        )}
      </Stack>
    </>
  );
}
