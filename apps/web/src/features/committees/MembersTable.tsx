import type { CommitteeDetail, Member } from '@civicdesk/contracts/committees';
import { Badge, Button, Group, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconMailForward from '@tabler/icons-react/dist/esm/icons/IconMailForward.mjs';
import IconUserPlus from '@tabler/icons-react/dist/esm/icons/IconUserPlus.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { toast } from '../../ui/toast.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { AddMemberModal } from './AddMemberModal.tsx';
import { roleColors } from './CommitteeList.tsx';
import { useUpdateMember } from './committees.api.ts';
import { InviteModal } from './InviteModal.tsx';

function PledgeCell({ member }: { member: Member }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  if (!member.external)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return member.pledgedAt ? (
    <Badge variant="light" color="teal">
      {t('committees.members.pledged', { date: formatDate(member.pledgedAt, country) })}
    </Badge>
  ) : (
    <Badge variant="light" color="orange">
      {t('committees.members.notPledged')}
    </Badge>
  );
}

/** Who sits on the committee, in what role and term; the secretary adds staff, invites experts and ends terms. */
export function MembersTable({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const update = useUpdateMember(committee.id);
  const [adding, add] = useDisclosure(false);
  const [inviting, invite] = useDisclosure(false);
  const [showEnded, setShowEnded] = useState(false);
  const manage = committee.canManage;
  const members = committee.members
    .filter((m) => showEnded || m.active)
    .sort((a, b) => order(a) - order(b) || (a.succession ?? 99) - (b.succession ?? 99));

  const end = (m: Member) =>
    update.mutateAsync(
      { memberId: m.id, active: false },
      { onSuccess: () => toast(t('committees.members.ended', { name: m.name }), 'success') },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Switch
          size="sm"
          label={t('committees.members.showEnded')}
          checked={showEnded}
          onChange={(e) => setShowEnded(e.currentTarget.checked)}
        />
        {manage && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconUserPlus size={18} aria-hidden />} onClick={add.open}>
              {t('committees.members.add')}
            </Button>
            <Button
              leftSection={<IconMailForward size={18} aria-hidden />}
              onClick={invite.open}
              data-testid="invite-expert"
            >
              {t('committees.members.invite')}
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={update.error} />
      {members.length === 0 ? (
        <EmptyState>{t('committees.members.none')}</EmptyState>
      ) : (
        <ScrollTable
          minWidth={manage ? 820 : 640}
          label={t('committees.tabs.members')}
          data-testid="members-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('committees.members.name')}</Table.Th>
              <Table.Th>{t('committees.members.role')}</Table.Th>
              <Table.Th>{t('committees.members.type')}</Table.Th>
              <Table.Th>{t('committees.members.term')}</Table.Th>
              <Table.Th>{t('committees.members.pledge')}</Table.Th>
              {manage && (
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.id} c={m.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {m.name}
                    </Text>
                    {m.external && (
                      <Badge size="xs" variant="outline" color="orange">
                        {t('committees.members.external')}
                      </Badge>
                    )}
                    {!m.active && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('committees.members.endedBadge')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={roleColors[m.role]}>
                    {t(`committees.roles.${m.role}`)}
                  </Badge>
                  {m.succession !== null && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {t('committees.members.successionN', { n: m.succession })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {t(`committees.memberTypes.${m.type}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(m.termStart, country)} – {formatDate(m.termEnd, country)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PledgeCell member={m} />
                </Table.Td>
                {manage && (
                  <Table.Td ta="right">
                    {m.active && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        title={t('committees.members.endTitle')}
                        message={t('committees.members.endMessage', { name: m.name })}
                        confirmLabel={t('committees.members.end')}
                        onConfirm={() => end(m)}
                        danger
                      >
                        {t('committees.members.end')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {adding && <AddMemberModal committee={committee} onClose={add.close} />}
      {inviting && <InviteModal committee={committee} onClose={invite.close} />}
    </Stack>
  );
}

const roleOrder = { chair: 0, vice_chair: 1, member: 2, secretary: 3 } as const;
const order = (m: Member) => roleOrder[m.role];
