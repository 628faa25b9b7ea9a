import type { Availability } from '@civicdesk/contracts/rooms';
import { Alert, Select, Stack, Text } from '@mantine/core';
import IconAlertTriangle from '@tabler/icons-react/dist/esm/icons/IconAlertTriangle.mjs';
import IconCircleCheck from '@tabler/icons-react/dist/esm/icons/IconCircleCheck.mjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { timeRange } from './meeting-rules.ts';
import { useBookableResources } from './meetings.api.ts';

type Props = {
  agencyId: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
  /** The meeting's time (ISO), to say whether the room is free then. */
  from: string | null;
  to: string | null;
};

function useAvailability(resourceId: string | null, from: string | null, to: string | null) {
  const valid = !!resourceId && !!from && !!to && from < to;
  return useQuery({
    queryKey: ['rooms', 'availability', resourceId, from, to],
    queryFn: ({ signal }) =>
      api<Availability>(`/rooms/resources/${resourceId}/availability`, { query: { from, to }, signal }),
    enabled: valid,
    staleTime: 0,
  });
}

/** Whether the chosen room is free at the meeting's time; the server still refuses a double booking (409). */
function AvailabilityHint({ resourceId, from, to }: { resourceId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const availability = useAvailability(resourceId, from, to);
  const taken = (availability.data?.bookings ?? []).filter((b) => !b.cancelledAt);
  if (!availability.data) return null;
  if (taken.length === 0)
    return (
      <Text size="xs" c="teal.8" data-testid="resource-free">
        <IconCircleCheck size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
        {t('meetings.form.roomFree')}
      </Text>
    );
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="status"
      data-testid="resource-taken"
    >
      <Text size="sm">{t('meetings.form.roomTaken')}</Text>
      {taken.map((b) => (
        <Text size="xs" key={b.id}>
          {timeRange(b.startsAt, b.endsAt, country)} · {b.title}
        </Text>
      ))}
    </Alert>
  );
}

/** An optional video-conference room or smart-work seat of the agency, booked for the meeting's time. */
export function ResourceField({ agencyId, value, onChange, from, to }: Props) {
  const { t } = useTranslation();
  const resources = useBookableResources(agencyId);
  const options = (resources.data ?? [])
    .filter((r) => r.active)
    .map((r) => ({
      value: r.id,
      label: t('meetings.form.roomOption', {
        name: r.name,
        kind: t(`meetings.resourceKinds.${r.kind}`),
        capacity: r.capacity,
      }),
    }));
  return (
    <Stack gap={6}>
      <Select
        comboboxProps={dropdownBelow}
        label={t('meetings.form.room')}
        description={
          resources.isSuccess && options.length === 0
            ? t('meetings.form.noRooms')
            : t('meetings.form.roomHint')
        }
        placeholder={t('meetings.form.roomNone')}
        data={options}
        value={value}
        onChange={onChange}
        clearable
        searchable
        disabled={!agencyId || options.length === 0}
        data-testid="meeting-resource"
      />
      {value && from && to && from < to && <AvailabilityHint resourceId={value} from={from} to={to} />}
    </Stack>
  );
}
