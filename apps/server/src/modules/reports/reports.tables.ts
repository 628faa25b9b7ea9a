import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.ts';
import { agencies } from '../org/org.tables.ts';

export type FieldJson = {
  key: string;
  label: string;
  kind: 'number' | 'text';
  unit?: string;
  required: boolean;
};
export type ValuesJson = Record<string, number | string | null>;

// A parent agency's periodic report: its fields and its schedule, addressed to its children or whole subtree.
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    title: text('title').notNull(),
    fields: jsonb('fields').$type<FieldJson[]>().notNull(),
    frequency: text('frequency').$type<'monthly' | 'quarterly' | 'yearly'>().notNull(),
    dueDay: integer('due_day').notNull(),
    audience: text('audience').$type<'children' | 'subtree'>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_templates_agency').on(t.agencyId)],
);

// Periods are generated from the schedule when first needed (never edited).
export const reportPeriods = pgTable(
  'report_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    start: date('period_start', { mode: 'string' }).notNull(),
    end: date('period_end', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    unique('report_periods_template_start').on(t.templateId, t.start),
    index('report_periods_due').on(t.dueOn),
  ],
);

// One agency's report for one period: a draft until submitted; after that only the parent can reopen it.
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status').$type<'draft' | 'submitted' | 'returned'>().notNull(),
    values: jsonb('values').$type<ValuesJson>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    returnReason: text('return_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('report_submissions_period_agency').on(t.periodId, t.agencyId)],
);

// Reminders already sent (one 'before' and one 'overdue' per period and agency).
export const reportReminders = pgTable(
  'report_reminders',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriods.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').$type<'before' | 'overdue'>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.agencyId, t.kind] })],
);
