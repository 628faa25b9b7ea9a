import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Content-addressed: one row per distinct content, whatever names and documents refer to it.
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  // Extracted once, when the content is first stored, for search indexing; null when it could not be read.
  text: text('text'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
