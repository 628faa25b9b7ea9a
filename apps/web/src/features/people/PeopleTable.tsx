import type { Agency, Person } from '@civicdesk/contracts/org';
import { Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { roleColor } from '../auth/roles.ts';

type Props = { people: Person[]; agency: Agency; onEdit: (id: string) => void };

export function PeopleTable({ people, agency, onEdit }: Props) {
  const { t } = useTranslation();
  if (people.length === 0) return <EmptyState>{t('people.none')}</EmptyState>;
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <ScrollTable minWidth={900} data-testid="people-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.name')}</Table.Th>
            <Table.Th>{t('people.username')}</Table.Th>
            <Table.Th>{t('people.posts')}</Table.Th>
            <Table.Th>{t('people.twoFactor')}</Table.Th>
            <Table.Th>{t('people.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => {
            const posts = p.posts.filter((post) => post.active && post.agencyId === agency.id);
            return (
              <Table.Tr key={p.id} data-username={p.username}>
                <Table.Td>
                  <Text size="sm" fw={500} c={p.active ? undefined : 'gray.7'}>
                    {p.displayName}
                  </Text>
                  {p.email && (
                    <Text size="xs" c="dimmed">
                      {p.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {p.username}
                  </Text>
                  {p.kind !== 'staff' && (
                    <Text size="xs" c="dimmed">
                      {t(`people.kinds.${p.kind}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {posts.map((post) => (
                      <Group key={post.id} gap={6} wrap="nowrap">
                        <Badge
                          size="sm"
                          variant="light"
                          color={roleColor(post.role)}
                          style={{ flex: 'none' }}
                        >
                          {t(`roles.${post.role}`)}
                        </Badge>
                        <Text size="xs" c="dimmed" truncate="end">
                          {[post.unitName, post.positionName].filter(Boolean).join(' · ')}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge size="sm" variant="light" color={p.totpEnabled ? 'teal.9' : 'gray.7'}>
                    {p.totpEnabled ? t('common.on') : t('common.off')}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    size="sm"
                    variant={p.active ? 'light' : 'outline'}
                    color={p.active ? 'teal.9' : 'gray.7'}
                  >
                    {p.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {agency.canAdmin && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => onEdit(p.id)}
                      aria-label={t('people.editNamed', { name: p.displayName })}
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </Paper>
  );
}
