import type { VideoMeetingDetail } from '@civicdesk/contracts/meetings';
import { Group, Stack, Text } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import IconBuilding from '@tabler/icons-react/dist/esm/icons/IconBuilding.mjs';
import IconUser from '@tabler/icons-react/dist/esm/icons/IconUser.mjs';
import IconUsersGroup from '@tabler/icons-react/dist/esm/icons/IconUsersGroup.mjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import type { MeetingInvitee } from './meetings.api.ts';

const icons: Record<MeetingInvitee['kind'], TablerIcon> = {
  user: IconUser,
  unit: IconUsersGroup,
  agency: IconBuilding,
};
const kinds: MeetingInvitee['kind'][] = ['user', 'unit', 'agency'];

/** The host, then invited people, units and whole agencies, each group under its own heading. */
export function InviteesSection({ meeting }: { meeting: VideoMeetingDetail }) {
  const { t } = useTranslation();
  const groups = kinds
    .map((kind) => ({ kind, items: meeting.invitees.filter((i) => i.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <SectionCard title={t('meetings.detail.invitees')} id="meeting-invitees">
      <Text size="sm">
        <Text span c="dimmed">
          {t('meetings.detail.host')}:{' '}
        </Text>
        {meeting.hostName}
      </Text>
      {groups.length === 0 ? (
        <EmptyState>{t('meetings.detail.noInvitees')}</EmptyState>
      ) : (
        groups.map(({ kind, items }) => {
          const Icon = icons[kind];
          return (
            <Stack gap={6} key={kind}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {t(`meetings.inviteeKinds.${kind}`)} ({items.length})
              </Text>
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((i) => (
                  <Group key={i.id} gap={6} wrap="nowrap" component="li" data-testid="invitee">
                    <Icon size={16} aria-hidden style={{ flexShrink: 0 }} />
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {i.name}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Stack>
          );
        })
      )}
    </SectionCard>
  );
}
