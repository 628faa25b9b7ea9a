import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { documents } from '../documents/documents.tables.ts';
import { users } from '../identity/identity.tables.ts';
import { agencies, units } from '../org/org.tables.ts';

// Gap-free numbering: one row per agency, register and year. The issuing transaction increments it with an
// UPDATE … RETURNING, which locks the row until commit: a rolled-back issuance gives its number back, so the
// sequence never has holes and two issuances never share a number.
export const numberSequences = pgTable(
  'number_sequences',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    register: text('register').$type<'outgoing' | 'outgoing_secret' | 'incoming'>().notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.register, t.year] })],
);

export type DeliveryState = 'sent' | 'received' | 'returned' | 'recalled' | 'forwarded';
export type HandlingState = 'unassigned' | 'assigned' | 'replied' | 'closed';

// One recipient agency's copy of an issued document, with its own state on both sides.
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    fromAgencyId: uuid('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid('to_agency_id')
      .notNull()
      .references(() => agencies.id),
    state: text('state').$type<DeliveryState>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(() => users.id),
    incomingNumber: integer('incoming_number'),
    incomingYear: integer('incoming_year'),
    returnReason: text('return_reason'),
    recalledAt: timestamp('recalled_at', { withTimezone: true }),
    unitId: uuid('unit_id').references(() => units.id),
    distributedAt: timestamp('distributed_at', { withTimezone: true }),
    handling: text('handling').$type<HandlingState>().notNull().default('unassigned'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    instruction: text('instruction'),
    deadline: timestamp('deadline', { withTimezone: true }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    resultNote: text('result_note'),
    replyDocumentId: uuid('reply_document_id'),
    /** Directive task on this recipient: its completion report. */
    taskDoneAt: timestamp('task_done_at', { withTimezone: true }),
    taskReport: text('task_report'),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
  },
  (t) => [
    index('deliveries_to_state').on(t.toAgencyId, t.state, t.sentAt),
    // The incoming register of an agency, newest first.
    index('deliveries_to_sent').on(t.toAgencyId, t.sentAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('deliveries_document').on(t.documentId),
    // The dashboard counts an agency's received copies in a period.
    index('deliveries_to_received').on(t.toAgencyId, t.receivedAt),
    // The dashboard's on-time and overdue figures read copies with a deadline from the index alone.
    index('deliveries_to_deadline_kpi')
      .on(t.toAgencyId, t.deadline, t.state, t.handledAt, t.taskDoneAt)
      .where(sql`${t.deadline} is not null`),
    index('deliveries_deadline').on(t.toAgencyId, t.handling, t.deadline),
    unique('deliveries_incoming_number').on(t.toAgencyId, t.incomingYear, t.incomingNumber),
  ],
);

// Handlers and readers of a received copy: the lead handler (chủ trì), co-handlers (phối hợp) and the people
// it is circulated to for information (공람 / để biết), each with the moment they first opened it.
export const deliveryPeople = pgTable(
  'delivery_people',
  {
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => deliveries.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<'lead' | 'co' | 'reader'>().notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.deliveryId, t.userId] }),
    index('delivery_people_user').on(t.userId, t.role),
  ],
);
