import { MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dropdownBelow } from '../documents/combobox.ts';
import { useAgencies, useUnits } from '../org/org.api.ts';
import { usePeople } from '../people/people.api.ts';
import type { MeetingInvitee } from './meetings.api.ts';

export type InviteeKind = MeetingInvitee['kind'];
export type InviteeIds = Record<InviteeKind, string[]>;
type Option = { value: string; label: string };

export const noInvitees = (): InviteeIds => ({ user: [], unit: [], agency: [] });

export function idsOf(invitees: Pick<MeetingInvitee, 'kind' | 'id'>[]): InviteeIds {
  const ids = noInvitees();
  for (const i of invitees) ids[i.kind].push(i.id);
  return ids;
}

export const inviteesOf = (ids: InviteeIds) =>
  (Object.keys(ids) as InviteeKind[]).flatMap((kind) => ids[kind].map((id) => ({ kind, id })));

/** Options from the directory plus invitees already on the meeting (a person of another agency keeps a name). */
function withKnown(options: Option[], known: MeetingInvitee[], kind: InviteeKind): Option[] {
  const seen = new Set(options.map((o) => o.value));
  const extra = known
    .filter((i) => i.kind === kind && !seen.has(i.id))
    .map((i) => ({ value: i.id, label: i.name }));
  return [...options, ...extra];
}

type Props = {
  agencyId: string | null;
  value: InviteeIds;
  onChange: (value: InviteeIds) => void;
  known?: MeetingInvitee[];
};

/** People and units of the meeting's agency, and whole agencies: three searchable multi-pickers. */
export function InviteesFields({ agencyId, value, onChange, known = [] }: Props) {
  const { t } = useTranslation();
  const people = usePeople(agencyId);
  const units = useUnits(agencyId ?? undefined);
  const agencies = useAgencies();
  const options: Record<InviteeKind, Option[]> = {
    user: withKnown(
      (people.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.displayName })),
      known,
      'user',
    ),
    unit: withKnown(
      (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
      known,
      'unit',
    ),
    agency: withKnown(
      (agencies.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })),
      known,
      'agency',
    ),
  };
  const pending: Record<InviteeKind, boolean> = {
    user: people.isPending && !!agencyId,
    unit: units.isPending && !!agencyId,
    agency: agencies.isPending,
  };
  const kinds: InviteeKind[] = ['user', 'unit', 'agency'];

  return (
    <Stack gap="xs" component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500} p={0}>
        {t('meetings.form.invitees')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('meetings.form.inviteesHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {kinds.map((kind) => (
          <MultiSelect
            key={kind}
            style={{ gridColumn: kind === 'user' ? '1 / -1' : undefined }}
            comboboxProps={dropdownBelow}
            label={t(`meetings.inviteeKinds.${kind}`)}
            data={options[kind]}
            value={value[kind]}
            onChange={(ids) => onChange({ ...value, [kind]: ids })}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={240}
            nothingFoundMessage={t('meetings.form.nothingFound')}
            disabled={pending[kind]}
            data-testid={`invitees-${kind}`}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
