import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { documents } from '../documents/documents.tables.ts';
import { users } from '../identity/identity.tables.ts';
import { delegations } from '../org/org.tables.ts';

export type StepKind = 'review' | 'cooperation' | 'content_check' | 'format_check' | 'approval' | 'notify';
export type StepState =
  | 'waiting' // not its turn yet
  | 'pending' // its turn: the assignee must act
  | 'approved'
  | 'agreed'
  | 'disagreed'
  | 'returned'
  | 'held'
  | 'notified'
  | 'cancelled';

// The approval line of one submission round: typed, ordered steps. Steps sharing `seq` run in parallel
// (parallel cooperation, 병렬협조). A return or recall closes the round; resubmission opens the next one.
export const approvalSteps = pgTable(
  'approval_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    round: integer('round').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<StepKind>().notNull(),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    state: text('state').$type<StepState>().notNull(),
    /** Who actually acted: the assignee, or their acting approver (대결 / Q.) or delegate (전결 / KT.). */
    actedBy: uuid('acted_by').references(() => users.id),
    delegationId: uuid('delegation_id').references(() => delegations.id),
    mark: text('mark'),
    opinion: text('opinion'),
    actedAt: timestamp('acted_at', { withTimezone: true }),
    /** 후열: the absent approver's after-the-fact review of an acting approval. */
    postReviewAt: timestamp('post_review_at', { withTimezone: true }),
  },
  (t) => [
    index('approval_steps_doc').on(t.documentId, t.round, t.seq),
    index('approval_steps_assignee').on(t.assigneeId, t.state),
  ],
);

export const savedApprovalLines = pgTable('saved_approval_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  steps: jsonb('steps').$type<{ kind: StepKind; assigneeId: string; parallel?: boolean }[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
