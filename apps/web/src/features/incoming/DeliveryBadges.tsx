import type { Country } from '@civicdesk/contracts/common';
import type { Delivery } from '@civicdesk/contracts/dispatch';
import { Badge, type BadgeProps } from '@mantine/core';
import IconClock from '@tabler/icons-react/dist/esm/icons/IconClock.mjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';

const stateColors: Record<Delivery['state'], string> = {
  sent: 'blue',
  received: 'teal',
  returned: 'red',
  recalled: 'dark',
  forwarded: 'gray',
};
const handlingColors: Record<Delivery['handling'], string> = {
  unassigned: 'gray',
  assigned: 'blue',
  replied: 'teal',
  closed: 'teal',
};

type Props = { delivery: Delivery; country: Country; size?: BadgeProps['size'] };

/** Where a copy stands: its delivery state, then (once received) its handling, deadline and task. */
export function DeliveryBadges({ delivery: d, country, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const received = d.state === 'received';
  const finished = !!d.handledAt || !!d.taskDoneAt;
  return (
    <>
      {d.deadline && received && !finished && (
        <Badge
          size={size}
          color={d.overdue ? 'red.9' : 'gray'}
          variant={d.overdue ? 'filled' : 'light'}
          leftSection={<IconClock size={12} aria-hidden />}
          data-overdue={d.overdue || undefined}
        >
          {d.overdue
            ? t('incoming.overdueSince', { date: formatDate(d.deadline, country) })
            : t('incoming.dueBy', { date: formatDate(d.deadline, country) })}
        </Badge>
      )}
      {d.task && received && (
        <Badge size={size} color={d.taskDoneAt ? 'teal' : 'grape'} variant="light">
          {t(d.taskDoneAt ? 'incoming.taskDone' : 'incoming.taskOpen')}
        </Badge>
      )}
      {received ? (
        <Badge size={size} color={handlingColors[d.handling]} variant="light">
          {t(`incoming.handling.${d.handling}`)}
        </Badge>
      ) : (
        <Badge size={size} color={stateColors[d.state]} variant="light">
          {t(`incoming.state.${d.state}`)}
        </Badge>
      )}
    </>
  );
}
