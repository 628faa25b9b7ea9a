import {
  boolean,
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
import { documents } from '../documents/documents.tables.ts';
import { users } from '../identity/identity.tables.ts';
import { agencies } from '../org/org.tables.ts';

// Deliberation committees: a rule set per committee, members with terms, meetings (in person, online, written)
// with their agenda, attendance, conflicts of interest, polls and minutes. Secret ballots are kept apart from
// participation so that no row links a voter to a choice.

export type RuleSetJson = {
  quorum: 'majority_of_members' | 'two_thirds_of_members';
  threshold:
    | 'majority_of_present'
    | 'majority_of_members'
    | 'two_thirds_of_present'
    | 'two_thirds_of_members';
  chairVotes: boolean;
  tie: 'fails' | 'chair_decides';
  writtenAllowed: boolean;
  writtenGrounds: string | null;
};
export type RatesJson = { attendance: number; review: number; travel: number };
export type QuorumJson = {
  rule: RuleSetJson['quorum'];
  members: number;
  present: number;
  required: number;
  met: boolean;
};
export type OutcomeJson = {
  passed: boolean;
  rule: RuleSetJson['threshold'];
  base: number;
  required: number;
  tie: boolean;
  decidedBy: string;
};

export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    function: text('function').$type<'deliberative' | 'advisory' | 'resolving'>().notNull(),
    rules: jsonb('rules').$type<RuleSetJson>().notNull(),
    termYears: integer('term_years').notNull(),
    maxTerms: integer('max_terms').notNull(),
    concurrencyLimit: integer('concurrency_limit').notNull(),
    rates: jsonb('rates').$type<RatesJson>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('committees_agency').on(t.agencyId)],
);

export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<'chair' | 'vice_chair' | 'member' | 'secretary'>().notNull(),
    type: text('type').$type<'ex_officio' | 'appointed'>().notNull(),
    termStart: text('term_start').notNull(),
    termEnd: text('term_end').notNull(),
    succession: integer('succession'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('committee_members_committee').on(t.committeeId),
    index('committee_members_user').on(t.userId),
  ],
);

/** One-time e-mail links for outside experts; only the SHA-256 of the token is kept. */
export const committeeInvitations = pgTable('committee_invitations', {
  tokenHash: text('token_hash').primaryKey(),
  committeeId: uuid('committee_id')
    .notNull()
    .references(() => committees.id),
  memberId: uuid('member_id')
    .notNull()
    .references(() => committeeMembers.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** The security pledge (보안서약 / cam kết bảo mật) an external member signs before seeing any material. */
export const securityPledges = pgTable(
  'security_pledges',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    version: text('version').notNull(),
    textSha256: text('text_sha256').notNull(),
    ip: text('ip'),
    pledgedAt: timestamp('pledged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.version] })],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    title: text('title').notNull(),
    mode: text('mode').$type<'in_person' | 'online' | 'written'>().notNull(),
    status: text('status').$type<'draft' | 'noticed' | 'open' | 'closed'>().notNull().default('draft'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    location: text('location'),
    deadline: timestamp('deadline', { withTimezone: true }),
    writtenGround: text('written_ground'),
    /** The video room of an online meeting (the video module fills it; a plain link until then). */
    videoRoomUrl: text('video_room_url'),
    noticedAt: timestamp('noticed_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    quorumAtOpen: jsonb('quorum_at_open').$type<QuorumJson>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('meetings_committee').on(t.committeeId, t.startsAt)],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<'deliberation' | 'resolution' | 'report'>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    closed: boolean('closed').notNull().default(false),
    secret: boolean('secret').notNull().default(false),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId, t.seq)],
);

/** Materials of an item: files stored once by content hash in the files module. */
export const itemMaterials = pgTable(
  'item_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id),
    name: text('name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('item_materials_item').on(t.itemId)],
);

export const attendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    response: text('response').$type<'attending' | 'absent'>(),
    present: boolean('present').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: text('checked_in_by').$type<'self' | 'secretary'>(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** A declared conflict of interest (제척·기피·회피): the member leaves the item's quorum and vote. */
export const conflicts = pgTable(
  'item_conflicts',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    reason: text('reason').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] })],
);

export const polls = pgTable(
  'polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id),
    secret: boolean('secret').notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull(),
    /** Member ids allowed to vote, fixed when the poll opens (present, not recused, the chair per the rules). */
    eligible: jsonb('eligible').$type<string[]>().notNull(),
    quorum: jsonb('quorum').$type<QuorumJson>().notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    tally: jsonb('tally').$type<{
      yes: number;
      no: number;
      abstain: number;
      eligible: number;
      voted: number;
    }>(),
    outcome: jsonb('outcome').$type<OutcomeJson>(),
  },
  (t) => [index('polls_item').on(t.itemId)],
);

/** Named votes: who chose what (and why, in written deliberation); changeable until close where allowed. */
export const namedVotes = pgTable(
  'named_votes',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    choice: text('choice').$type<'yes' | 'no' | 'abstain'>().notNull(),
    reason: text('reason'),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.memberId] })],
);

/** Secret polls, part 1: that a member voted (the unique key makes it at most once), never what. */
export const participation = pgTable(
  'poll_participation',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.memberId] })],
);

/**
 * Secret polls, part 2: the ballots, with no voter, no time and a random key, so neither a column nor the order
 * of keys links a ballot to a participation row. The receipt is shown once to the voter and published with the
 * tally after close, so each voter can find their own ballot.
 */
export const ballots = pgTable(
  'poll_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id),
    choice: text('choice').$type<'yes' | 'no' | 'abstain'>().notNull(),
    receipt: text('receipt').notNull(),
  },
  (t) => [index('poll_ballots_poll').on(t.pollId), unique('poll_ballots_receipt').on(t.receipt)],
);

export const minutes = pgTable('meeting_minutes', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  status: text('status').$type<'draft' | 'circulated' | 'signed'>().notNull(),
  summaryHtml: text('summary_html').notNull().default(''),
  /** The minutes (or written resolution) filed as an official document once signed. */
  documentId: uuid('document_id').references(() => documents.id),
  pdfSha256: text('pdf_sha256'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const minutesConfirmations = pgTable(
  'minutes_confirmations',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

export const minutesSignatures = pgTable(
  'minutes_signatures',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    role: text('role').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);
