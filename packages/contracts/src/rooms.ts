import { z } from 'zod';
import { Country, Id, Text } from './common.ts';

// Rooms and seats: video-conference rooms (화상회의실 / phòng họp trực tuyến) and seats of smart-work centres
// (스마트워크센터) as bookable resources of an agency. A booking is the half-open interval [startsAt, endsAt).

export const ResourceKind = z.enum(['vc_room', 'smart_seat']);
export type ResourceKind = z.infer<typeof ResourceKind>;

const Location = z.string().trim().max(300);
const Equipment = z.string().trim().max(1000);
const Capacity = z.number().int().min(1).max(1000);

export const ResourceInput = z.object({
  agencyId: Id,
  kind: ResourceKind,
  name: Text(200),
  location: Location.default(''),
  capacity: Capacity,
  equipment: Equipment.default(''),
});
export type ResourceInput = z.input<typeof ResourceInput>;

/** PATCH of a resource: only the fields sent change; `active: false` deactivates (no new bookings). */
export const ResourceUpdate = z.object({
  kind: ResourceKind.optional(),
  name: Text(200).optional(),
  location: Location.optional(),
  capacity: Capacity.optional(),
  equipment: Equipment.optional(),
  active: z.boolean().optional(),
});
export type ResourceUpdate = z.infer<typeof ResourceUpdate>;

export const Resource = z.object({
  id: Id,
  agencyId: Id,
  agencyName: z.string(),
  country: Country,
  kind: ResourceKind,
  name: z.string(),
  location: z.string(),
  capacity: z.number().int(),
  equipment: z.string(),
  active: z.boolean(),
  /** Whether the caller administers the resource's agency (edit, deactivate, cancel anyone's booking). */
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type Resource = z.infer<typeof Resource>;

export const ResourceListQuery = z.object({
  agencyId: Id.optional(),
  /** Administrators see deactivated resources too when they ask. */
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const BookingInput = z.object({
  title: Text(200),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export type BookingInput = z.infer<typeof BookingInput>;

export const Booking = z.object({
  id: Id,
  resourceId: Id,
  resourceName: z.string(),
  resourceKind: ResourceKind,
  agencyId: Id,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The video meeting this booking was made for (meetings module), if any. */
  meetingId: Id.nullable(),
  bookedById: Id,
  bookedByName: z.string(),
  mine: z.boolean(),
  canCancel: z.boolean(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Booking = z.infer<typeof Booking>;

export const Slot = z.object({ startsAt: z.string(), endsAt: z.string() });
export type Slot = z.infer<typeof Slot>;

export const AvailabilityQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

/** Live bookings overlapping [from, to) and the free gaps between them. */
export const Availability = z.object({
  resource: Resource,
  from: z.string(),
  to: z.string(),
  bookings: z.array(Booking),
  free: z.array(Slot),
});
export type Availability = z.infer<typeof Availability>;

export const MyBookingsQuery = z.object({
  /** Bookings ending after this instant (default: now). */
  from: z.iso.datetime({ offset: true }).optional(),
  includeCancelled: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
