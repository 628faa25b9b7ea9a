import type { Country } from '@civicdesk/contracts/common';
import type { Resource } from '@civicdesk/contracts/rooms';
import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import IconChevronLeft from '@tabler/icons-react/dist/esm/icons/IconChevronLeft.mjs';
import IconChevronRight from '@tabler/icons-react/dist/esm/icons/IconChevronRight.mjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { shiftDay } from './day.ts';

export type Kind = 'all' | Resource['kind'];

type Props = {
  day: string;
  kind: Kind;
  agencyId: string | null;
  agencies: { value: string; label: string }[];
  country: Country;
  onChange: (key: 'day' | 'kind' | 'agency', value: string | null) => void;
};

/** The day shown (previous, picker, next, today) and what to show (kind of resource, agency). */
export function DayToolbar({ day, kind, agencyId, agencies, country, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [y, m, d] = day.split('-').map(Number);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'long' }).format(
    new Date(y!, m! - 1, d!),
  );
  const kinds = (['all', 'vc_room', 'smart_seat'] as const).map((k) => ({
    value: k,
    label: t(`rooms.kinds.${k}`),
  }));
  const setKind = (v: string | null) => onChange('kind', !v || v === 'all' ? null : v);

  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4} w={{ base: '100%', xs: 300 }}>
          <Group gap={4} align="flex-end" wrap="nowrap">
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('rooms.prevDay')}
              onClick={() => onChange('day', shiftDay(day, -1))}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <TextInput
              type="date"
              label={t('rooms.day')}
              name="day"
              value={day}
              onChange={(e) => e.currentTarget.value && onChange('day', e.currentTarget.value)}
              style={{ flex: 1 }}
              miw={140}
            />
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('rooms.nextDay')}
              onClick={() => onChange('day', shiftDay(day, 1))}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} data-testid="day-label">
              {weekday}, {formatDate(day, country)}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => onChange('day', null)}>
              {t('rooms.today')}
            </Button>
          </Group>
        </Stack>
        <SegmentedControl
          visibleFrom="md"
          aria-label={t('rooms.filterKind')}
          value={kind}
          onChange={setKind}
          data={kinds}
          mb={26}
        />
        <Select
          hiddenFrom="md"
          label={t('rooms.filterKind')}
          name="kind"
          data={kinds}
          value={kind}
          allowDeselect={false}
          onChange={setKind}
          w={{ base: '100%', xs: 220 }}
        />
        {agencies.length > 1 && (
          <Select
            label={t('common.agency')}
            name="agency"
            data={agencies}
            value={agencyId}
            placeholder={t('rooms.allAgencies')}
            clearable
            onChange={(v) => onChange('agency', v)}
            w={{ base: '100%', sm: 280 }}
          />
        )}
      </Group>
    </Paper>
  );
}
