import type { Booking, Resource } from '@civicdesk/contracts/rooms';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { bookerAgencyIds, managedAgencyIds, visibleAgencyIds } from './rooms.policy.ts';

// SQL of rooms and seats, no rules. The resource row lock (`for update`) serialises the bookings of one
// resource: the overlap check and the insert that follows it see every booking committed before.

type Row = Record<string, unknown>;

const iso = (v: unknown) => (v == null ? null : new Date(v as string | Date).toISOString());
export const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export type ResourceLock = {
  id: string;
  agency_id: string;
  name: string;
  active: boolean;
  country: 'vn' | 'kr';
  can_book: boolean;
};

function toResource(r: Row): Resource {
  return {
    id: r.id as string,
    agencyId: r.agency_id as string,
    agencyName: r.agency_name as string,
    country: r.country as Resource['country'],
    kind: r.kind as Resource['kind'],
    name: r.name as string,
    location: r.location as string,
    capacity: Number(r.capacity),
    equipment: r.equipment as string,
    active: Boolean(r.active),
    canManage: Boolean(r.can_manage),
    createdAt: iso(r.created_at)!,
  };
}

function toBooking(r: Row): Booking {
  return {
    id: r.id as string,
    resourceId: r.resource_id as string,
    resourceName: r.resource_name as string,
    resourceKind: r.resource_kind as Booking['resourceKind'],
    agencyId: r.agency_id as string,
    title: r.title as string,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    meetingId: (r.meeting_id as string | null) ?? null,
    bookedById: r.booked_by as string,
    bookedByName: r.booked_by_name as string,
    mine: Boolean(r.mine),
    canCancel: Boolean(r.can_cancel),
    cancelledAt: iso(r.cancelled_at),
    createdAt: iso(r.created_at)!,
  };
}

/** Resources visible to the actor that match `where` (alias r), with the actor's right to manage each. */
export async function selectResources(db: Db, actor: Actor, where: SQL): Promise<Resource[]> {
  const rows = await selectRows<Row>(
    db,
    sql`select r.*, a.name as agency_name, a.country,
          r.agency_id in (${managedAgencyIds(actor)}) as can_manage
        from bookable_resources r join agencies a on a.id = r.agency_id
        where r.agency_id in (${visibleAgencyIds(actor)}) and ${where}
        order by a.name, r.kind = 'smart_seat', r.name`,
  );
  return rows.map(toResource);
}

/** Bookings on resources visible to the actor that match `where` (alias b), oldest start first. */
export async function selectBookings(db: Db, actor: Actor, where: SQL, limit = 500): Promise<Booking[]> {
  const rows = await selectRows<Row>(
    db,
    sql`select b.*, r.name as resource_name, r.kind as resource_kind, u.display_name as booked_by_name,
          b.booked_by = ${actor.userId} as mine,
          (b.cancelled_at is null and (b.booked_by = ${actor.userId} or b.agency_id in (${managedAgencyIds(actor)})))
            as can_cancel
        from resource_bookings b
        join bookable_resources r on r.id = b.resource_id
        join users u on u.id = b.booked_by
        where b.agency_id in (${visibleAgencyIds(actor)}) and ${where}
        order by b.starts_at, b.id
        limit ${limit}`,
  );
  return rows.map(toBooking);
}

/**
 * Locks a resource visible to the actor until commit (bookings of one resource are made one at a time) and
 * tells whether the actor may book it.
 */
export async function lockResource(db: Db, actor: Actor, id: string): Promise<ResourceLock | undefined> {
  const [row] = await selectRows<ResourceLock>(
    db,
    sql`select r.id, r.agency_id, r.name, r.active, a.country, r.agency_id in (${bookerAgencyIds(actor)}) as can_book
        from bookable_resources r join agencies a on a.id = r.agency_id
        where r.id = ${id} and r.agency_id in (${visibleAgencyIds(actor)})
        for update of r`,
  );
  return row;
}

/** The first live booking of the resource overlapping [startsAt, endsAt), if any. */
export async function findClash(db: Db, resourceId: string, startsAt: Date, endsAt: Date) {
  const [row] = await selectRows<{ id: string; starts_at: unknown; ends_at: unknown }>(
    db,
    sql`select id, starts_at, ends_at from resource_bookings
        where resource_id = ${resourceId} and cancelled_at is null
          and starts_at < ${ts(endsAt)} and ends_at > ${ts(startsAt)}
        order by starts_at limit 1`,
  );
  return row && { id: row.id, startsAt: new Date(iso(row.starts_at)!), endsAt: new Date(iso(row.ends_at)!) };
}

/** Whether the agency is one of a scope subquery's agencies (see rooms.policy.ts). */
export async function agencyIn(db: Db, agencyId: string, scope: SQL): Promise<boolean> {
  const [row] = await selectRows<{ ok: boolean }>(db, sql`select ${agencyId}::uuid in (${scope}) as ok`);
  return Boolean(row?.ok);
}
