import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.ts';
import { agencies } from '../org/org.tables.ts';

// Video meetings: the schedule and who is invited, who attended and when, the chat and the recordings. What a
// running meeting holds only while it runs (Janus handles, lobby, raised hands) lives in the server's memory.

export const videoMeetings = pgTable(
  'video_meetings',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    title: text('title').notNull(),
    description: text('description'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** scheduled | live | ended | cancelled */
    status: text('status').notNull().default('scheduled'),
    lobby: boolean('lobby').notNull().default(true),
    hostId: uuid('host_id')
      .notNull()
      .references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The committee meeting this video room serves (its members are invited). */
    committeeMeetingId: uuid('committee_meeting_id').unique(),
    /** The room or seat booked for it (rooms module). */
    bookingId: uuid('booking_id'),
    relayOn: boolean('relay_on').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('video_meetings_agency_starts').on(t.agencyId, t.startsAt)],
);

export const meetingInvitees = pgTable(
  'video_meeting_invitees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => videoMeetings.id, { onDelete: 'cascade' }),
    /** user | unit | agency */
    kind: text('kind').notNull(),
    refId: uuid('ref_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.kind, t.refId] }),
    index('video_meeting_invitees_ref').on(t.refId),
  ],
);

export const meetingAttendance = pgTable(
  'video_meeting_attendance',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => videoMeetings.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [index('video_meeting_attendance_meeting').on(t.meetingId, t.joinedAt)],
);

export const meetingChat = pgTable(
  'video_meeting_chat',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => videoMeetings.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('video_meeting_chat_meeting').on(t.meetingId, t.at)],
);

export const meetingRecordings = pgTable(
  'video_meeting_recordings',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => videoMeetings.id),
    /** processing | ready | failed */
    status: text('status').notNull().default('processing'),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationSeconds: integer('duration_seconds'),
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
    error: text('error'),
  },
  (t) => [
    index('video_meeting_recordings_meeting').on(t.meetingId),
    index('video_meeting_recordings_live').on(t.status).where(sql`status = 'processing'`),
  ],
);
