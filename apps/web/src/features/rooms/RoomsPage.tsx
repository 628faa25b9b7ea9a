import type { Resource } from '@civicdesk/contracts/rooms';
import { Button, Paper, SimpleGrid, Stack } from '@mantine/core';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { useAgencies } from '../org/org.api.ts';
import { BookingModal } from './BookingModal.tsx';
import { DayToolbar, type Kind } from './DayToolbar.tsx';
import { dayRange, isoDay, visibleHours } from './day.ts';
import { MyBookings } from './MyBookings.tsx';
import { ResourceCard } from './ResourceCard.tsx';
import { ResourceFormModal } from './ResourceFormModal.tsx';
import { useAvailabilities, useResources } from './rooms.api.ts';

/** Rooms & seats: each resource's day (date picker), booking, the person's own bookings, and for administrators
 * adding, editing and deactivating resources. The day and filters live in the address (shareable, back button). */
export function RoomsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const canAdminSome = (useAgencies().data ?? []).some((a) => a.canAdmin);
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? isoDay(new Date());
  const kind = (params.get('kind') ?? 'all') as Kind;
  const agencyId = params.get('agency');
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );

  const resources = useResources(canAdminSome);
  const agencies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of resources.data ?? []) seen.set(r.agencyId, r.agencyName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [resources.data]);
  const shown = (resources.data ?? []).filter(
    (r) => (kind === 'all' || r.kind === kind) && (!agencyId || r.agencyId === agencyId),
  );
  const range = dayRange(day);
  const days = useAvailabilities(
    shown.map((r) => r.id),
    range,
  );
  const hours = visibleHours(
    day,
    days.flatMap((d) => d.data?.bookings ?? []),
  );
  const [booking, setBooking] = useState<Resource | null>(null);
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('rooms.title')}
        description={t('rooms.subtitle')}
        actions={
          canAdminSome && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('rooms.add')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <DayToolbar
          day={day}
          kind={kind}
          agencyId={agencyId}
          agencies={agencies}
          country={userCountry(me)}
          onChange={set}
        />
        {resources.isPending ? (
          <Loading />
        ) : resources.error ? (
          <ErrorAlert error={resources.error} />
        ) : shown.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyState>{t('rooms.empty')}</EmptyState>
          </Paper>
        ) : (
          <section aria-label={t('rooms.dayOf', { date: formatDate(day, userCountry(me)) })}>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              {shown.map((r, i) => (
                <ResourceCard
                  key={r.id}
                  resource={r}
                  day={day}
                  availability={days[i] ?? { error: null, isPending: true }}
                  hours={hours}
                  onBook={() => setBooking(r)}
                  onEdit={() => setEditing(r)}
                />
              ))}
            </SimpleGrid>
          </section>
        )}
        <MyBookings />
      </Stack>
      {booking && (
        <BookingModal
          resource={booking}
          day={day}
          free={days[shown.indexOf(booking)]?.data?.free}
          onClose={() => setBooking(null)}
        />
      )}
      {editing && (
        <ResourceFormModal
          resource={editing === 'new' ? undefined : editing}
          defaultAgencyId={agencyId ?? me?.posts.find((p) => p.role === 'agency_admin')?.agencyId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
