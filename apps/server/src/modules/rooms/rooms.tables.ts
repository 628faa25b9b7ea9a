import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.ts';
import { agencies } from '../org/org.tables.ts';

// Bookable resources: video-conference rooms and seats in smart-work centres, one agency each.
// Bookings are half-open intervals [starts_at, ends_at); a live booking has no cancelled_at. meeting_id links a
// video meeting of the meetings module without a foreign key (that module owns the meeting rows).

export type ResourceKind = 'vc_room' | 'smart_seat';

export const bookableResources = pgTable(
  'bookable_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').$type<ResourceKind>().notNull(),
    name: text('name').notNull(),
    location: text('location').notNull().default(''),
    capacity: integer('capacity').notNull(),
    equipment: text('equipment').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookable_resources_agency').on(t.agencyId),
    check('bookable_resources_kind', sql`${t.kind} in ('vc_room','smart_seat')`),
    check('bookable_resources_capacity', sql`${t.capacity} >= 1`),
  ],
);

export const resourceBookings = pgTable(
  'resource_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => bookableResources.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    bookedBy: uuid('booked_by')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    meetingId: uuid('meeting_id'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_bookings_resource_start').on(t.resourceId, t.startsAt),
    index('resource_bookings_booker').on(t.bookedBy, t.startsAt),
    index('resource_bookings_meeting').on(t.meetingId),
    check('resource_bookings_period', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
