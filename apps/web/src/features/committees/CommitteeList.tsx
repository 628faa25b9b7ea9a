import type { Committee } from '@civicdesk/contracts/committees';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import IconUsers from '@tabler/icons-react/dist/esm/icons/IconUsers.mjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMe } from '../auth/auth.api.ts';
import { CommitteeFormModal } from './CommitteeFormModal.tsx';
import { committeeAgencies, isExternalMember } from './committee-rules.ts';
import { useCommittees, usePledge } from './committees.api.ts';
import { PledgeScreen } from './PledgeScreen.tsx';

export const roleColors: Record<string, string> = {
  chair: 'civic',
  vice_chair: 'indigo',
  member: 'gray',
  secretary: 'grape',
};

function CommitteeCard({ committee }: { committee: Committee }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="li" data-testid="committee-card">
      <Stack gap="xs" h="100%">
        <Anchor component={Link} to={`/committees/${committee.id}`} fw={700} fz="lg" c="civic.9" lh={1.3}>
          {committee.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {committee.agencyName}
        </Text>
        <Group gap={6} mt="auto" pt="xs">
          <Badge variant="light" color="gray">
            {t(`committees.function.${committee.function}`)}
          </Badge>
          {committee.myRole && (
            <Badge variant="light" color={roleColors[committee.myRole]}>
              {t('committees.myRole', { role: t(`committees.roles.${committee.myRole}`) })}
            </Badge>
          )}
          {committee.canManage && !committee.myRole && (
            <Badge variant="light" color="grape">
              {t('committees.manager')}
            </Badge>
          )}
          <Group gap={4} ml="auto" c="dimmed">
            <IconUsers size={16} aria-hidden />
            <Text size="sm">{t('committees.memberCount', { count: committee.memberCount })}</Text>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

/** The committees the person sits on or runs; secretaries start new ones here. */
export function CommitteeList() {
  const { t } = useTranslation();
  const me = useMe().data;
  const external = isExternalMember(me);
  const committees = useCommittees();
  const pledge = usePledge(external);
  const [creating, create] = useDisclosure(false);
  const agencies = committeeAgencies(me);

  if (external && pledge.data && !pledge.data.pledgedAt) return <PledgeScreen />;

  return (
    <>
      <PageHeader
        title={t('committees.title')}
        description={t(external ? 'committees.subtitleExternal' : 'committees.subtitle')}
        actions={
          agencies.length > 0 && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={create.open}
              data-testid="new-committee"
            >
              {t('committees.new')}
            </Button>
          )
        }
      />
      {committees.isPending ? (
        <Loading />
      ) : committees.error ? (
        <ErrorAlert error={committees.error} />
      ) : committees.data.length === 0 ? (
        <EmptyState>{t(agencies.length > 0 ? 'committees.noneManager' : 'committees.none')}</EmptyState>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
        >
          {committees.data.map((c) => (
            <CommitteeCard key={c.id} committee={c} />
          ))}
        </SimpleGrid>
      )}
      {creating && <CommitteeFormModal agencies={agencies} onClose={create.close} />}
    </>
  );
}
