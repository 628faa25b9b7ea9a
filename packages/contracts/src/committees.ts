import { z } from 'zod';
import { Id, Text } from './common.ts';

// Deliberation committees (심의위원회 / hội đồng): rule sets, members, meetings (in person, online, written),
// agenda, attendance, conflicts of interest, polls (named or secret), minutes and allowances.

export const CommitteeFunction = z.enum(['deliberative', 'advisory', 'resolving']);
/** Quorum to open (개의정족수): share of the full voting membership that must be present. */
export const QuorumRule = z.enum(['majority_of_members', 'two_thirds_of_members']);
/** Threshold to pass (의결정족수), counting yes votes. */
export const ThresholdRule = z.enum([
  'majority_of_present',
  'majority_of_members',
  'two_thirds_of_present',
  'two_thirds_of_members',
]);
export const TieRule = z.enum(['fails', 'chair_decides']);

export const RuleSet = z.object({
  quorum: QuorumRule,
  threshold: ThresholdRule,
  chairVotes: z.boolean(),
  tie: TieRule,
  writtenAllowed: z.boolean(),
  /** Grounds on which written deliberation may be used (e.g. "urgent or minor matters"); required when allowed. */
  writtenGrounds: z.string().trim().max(500).nullable(),
});
export type RuleSet = z.infer<typeof RuleSet>;

export const Rates = z.object({
  attendance: z.number().int().min(0).max(100_000_000),
  review: z.number().int().min(0).max(100_000_000),
  travel: z.number().int().min(0).max(100_000_000),
});

export const CommitteeInput = z.object({
  agencyId: Id,
  name: Text(200),
  legalBasis: Text(500),
  function: CommitteeFunction,
  rules: RuleSet,
  /** Length of one appointment term, and how many consecutive terms one person may serve. */
  termYears: z.number().int().min(1).max(5),
  maxTerms: z.number().int().min(1).max(5),
  /** How many committees (across the platform) an appointed member may sit on at the same time. */
  concurrencyLimit: z.number().int().min(1).max(10),
  rates: Rates,
});
export const CommitteeUpdate = CommitteeInput.omit({ agencyId: true }).partial();

export const MemberRole = z.enum(['chair', 'vice_chair', 'member', 'secretary']);
export const MemberType = z.enum(['ex_officio', 'appointed']);

export const Member = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  external: z.boolean(),
  role: MemberRole,
  type: MemberType,
  termStart: z.string(),
  termEnd: z.string(),
  /** Order in which members stand in for the chair (직무대행); null for none. */
  succession: z.number().int().nullable(),
  active: z.boolean(),
  pledgedAt: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const Committee = CommitteeInput.extend({
  id: Id,
  agencyName: z.string(),
  memberCount: z.number().int(),
  myRole: MemberRole.nullable(),
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type Committee = z.infer<typeof Committee>;
export const CommitteeDetail = Committee.extend({ members: z.array(Member) });
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

export const MemberInput = z.object({
  userId: Id,
  role: MemberRole,
  type: MemberType,
  termStart: z.iso.date(),
  termEnd: z.iso.date(),
  succession: z.number().int().min(1).max(20).nullable().default(null),
});
export const MemberUpdate = z.object({
  role: MemberRole.optional(),
  termEnd: z.iso.date().optional(),
  succession: z.number().int().min(1).max(20).nullable().optional(),
  active: z.boolean().optional(),
});

/** Invite an outside expert by e-mail: an external account is made and a one-time link sent. */
export const Invitation = z.object({
  email: z.email(),
  name: Text(120),
  role: MemberRole.exclude(['secretary']),
  termStart: z.iso.date(),
  termEnd: z.iso.date(),
  locale: z.enum(['ko', 'vi', 'en']),
});
export const InvitationInfo = z.object({
  committeeName: z.string(),
  agencyName: z.string(),
  name: z.string(),
  email: z.string(),
  expiresAt: z.string(),
});
export const InvitationAccept = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9._-]+$/),
  password: z.string().min(12).max(256),
});
export const PledgeText = z.object({
  text: z.string(),
  version: z.string(),
  pledgedAt: z.string().nullable(),
});

export const MeetingMode = z.enum(['in_person', 'online', 'written']);
export const MeetingStatus = z.enum(['draft', 'noticed', 'open', 'closed']);
export const ItemKind = z.enum(['deliberation', 'resolution', 'report']);

export const MeetingInput = z.object({
  title: Text(200),
  mode: MeetingMode,
  startsAt: z.iso.datetime({ offset: true }),
  location: z.string().trim().max(300).nullable().default(null),
  /** Written deliberation: when voting closes. */
  deadline: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Written deliberation: the chair's ground for not meeting (required for written meetings). */
  writtenGround: z.string().trim().max(500).nullable().default(null),
});

/** PATCH of a draft meeting: only the fields sent change (no defaults, unlike MeetingInput). */
export const MeetingUpdate = z
  .object({
    title: Text(200),
    mode: MeetingMode,
    startsAt: z.iso.datetime({ offset: true }),
    location: z.string().trim().max(300).nullable(),
    deadline: z.iso.datetime({ offset: true }).nullable(),
    writtenGround: z.string().trim().max(500).nullable(),
  })
  .partial();

export const ItemInput = z.object({
  kind: ItemKind,
  title: Text(300),
  description: z.string().trim().max(20_000).default(''),
  closed: z.boolean().default(false),
  /** Whether a vote is planned on the item and, if so, secret or named (the default). */
  secret: z.boolean().default(false),
});

/** PATCH of an agenda item: only the fields sent change. */
export const ItemUpdate = z
  .object({
    kind: ItemKind,
    title: Text(300),
    description: z.string().trim().max(20_000),
    closed: z.boolean(),
    secret: z.boolean(),
  })
  .partial();

/** Answer to an invitation (the secretary gets the link too, so it works without e-mail). */
export const InvitationSent = z.object({ link: z.string(), memberId: Id });
export const InvitationAccepted = z.object({ stage: z.literal('enroll') });
export const Material = z.object({ id: Id, name: z.string(), size: z.number().int() });

export const Quorum = z.object({
  rule: QuorumRule,
  members: z.number().int(),
  present: z.number().int(),
  required: z.number().int(),
  met: z.boolean(),
});
export type Quorum = z.infer<typeof Quorum>;

export const Choice = z.enum(['yes', 'no', 'abstain']);
export const PollStatus = z.enum(['open', 'closed']);

export const Tally = z.object({
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  eligible: z.number().int(),
  voted: z.number().int(),
});

export const Outcome = z.object({
  passed: z.boolean(),
  rule: ThresholdRule,
  base: z.number().int(),
  required: z.number().int(),
  tie: z.boolean(),
  /** Stable code of what decided it (the UI translates): threshold_met, threshold_not_met, tie_fails, tie_chair_yes, tie_chair_no. */
  decidedBy: z.string(),
});
export type Outcome = z.infer<typeof Outcome>;

export const Poll = z.object({
  id: Id,
  itemId: Id,
  secret: z.boolean(),
  status: PollStatus,
  openedAt: z.string(),
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  quorum: Quorum,
  /** Counts only: live for the chair and secretary while open; for everyone after close. */
  tally: Tally.nullable(),
  outcome: Outcome.nullable(),
  /** Named polls after close: who voted what (with reasons in written deliberation). */
  votes: z.array(z.object({ name: z.string(), choice: Choice, reason: z.string().nullable() })).nullable(),
  /** Secret polls after close: every receipt with its choice, so each voter can find theirs. */
  receipts: z.array(z.object({ receipt: z.string(), choice: Choice })).nullable(),
  /** Who took part (published for secret polls too), never what they chose. */
  participants: z.array(z.string()),
  myVote: z
    .object({ choice: Choice.nullable(), receipt: z.string().nullable(), reason: z.string().nullable() })
    .nullable(),
  canVote: z.boolean(),
});
export type Poll = z.infer<typeof Poll>;

export const AgendaItem = ItemInput.extend({
  id: Id,
  seq: z.number().int(),
  materials: z.array(z.object({ id: Id, name: z.string(), size: z.number().int() })),
  recused: z.array(z.object({ memberId: Id, name: z.string(), reason: z.string() })),
  myConflict: z.string().nullable(),
  polls: z.array(Poll),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attendance = z.object({
  memberId: Id,
  name: z.string(),
  role: MemberRole,
  external: z.boolean(),
  response: z.enum(['attending', 'absent']).nullable(),
  present: z.boolean(),
  checkedInAt: z.string().nullable(),
  checkedInBy: z.enum(['self', 'secretary']).nullable(),
});

export const Meeting = MeetingInput.extend({
  id: Id,
  committeeId: Id,
  committeeName: z.string(),
  status: MeetingStatus,
  videoRoomUrl: z.string().nullable(),
  /** The video meeting held for it (its recordings and attendance), once the room was opened. */
  videoMeetingId: Id.nullable(),
  noticedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  quorumAtOpen: Quorum.nullable(),
  chairName: z.string().nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingDetail = Meeting.extend({
  items: z.array(AgendaItem),
  attendance: z.array(Attendance),
  quorumNow: Quorum,
  me: z.object({
    memberId: Id.nullable(),
    role: MemberRole.nullable(),
    canManage: z.boolean(),
    isChair: z.boolean(),
  }),
  minutes: z.lazy(() => MinutesInfo).nullable(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const Rsvp = z.object({ response: z.enum(['attending', 'absent']) });
export const CheckIn = z.object({ memberId: Id.optional(), present: z.boolean().default(true) });
export const Conflict = z.object({ reason: Text(500) });
export const OpenPoll = z.object({ secret: z.boolean().optional() });
export const Vote = z.object({ choice: Choice, reason: z.string().trim().max(2000).optional() });
export const VoteReceipt = z.object({ receipt: z.string().nullable() });

export const MinutesStatus = z.enum(['draft', 'circulated', 'signed']);
export const MinutesInfo = z.object({
  status: MinutesStatus,
  summaryHtml: z.string(),
  confirmations: z.array(z.object({ name: z.string(), confirmedAt: z.string() })),
  signatures: z.array(z.object({ name: z.string(), role: z.string(), signedAt: z.string() })),
  documentId: Id.nullable(),
  numberText: z.string().nullable(),
  hasPdf: z.boolean(),
  /** The reader's part: confirms as an attendee (or voter in written deliberation), signs as a required signer. */
  me: z.object({ signer: z.boolean(), attendee: z.boolean() }),
});
export const MinutesEdit = z.object({ summaryHtml: z.string().max(100_000) });

export const AllowanceLine = z.object({
  memberId: Id,
  name: z.string(),
  meetings: z.number().int(),
  attendance: z.number().int(),
  review: z.number().int(),
  travel: z.number().int(),
  total: z.number().int(),
});
export const AllowanceQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
