import type { MeetingDetail, Outcome, Poll, Quorum, RuleSet } from '@civicdesk/contracts/committees';
import type { Me, MePost } from '@civicdesk/contracts/identity';
import type { TFunction } from 'i18next';

// The committee's rules and results in plain words. The server computes quorum and outcomes; these only say
// them, so a member reads "Passed: 5 yes of 8 present, needed 5" instead of working it out.

/** External experts see only their committees and their profile (the server scopes every read as well). */
export const isExternalMember = (me: Me | undefined) => me?.kind === 'external';

/** Who gets the Committees menu entry: anyone who may sit on or run a committee (not citizens). */
export const canSeeCommittees = (me: Me | undefined) =>
  !!me && (me.kind === 'external' || me.isPlatformAdmin || me.posts.length > 0);

/** Agencies in which the person may set up committees: the agency's committee secretaries and administrators. */
export function committeeAgencies(me: Me | undefined): MePost[] {
  const seen = new Set<string>();
  return (me?.posts ?? []).filter((p) => {
    if ((p.role !== 'secretary' && p.role !== 'agency_admin') || seen.has(p.agencyId)) return false;
    seen.add(p.agencyId);
    return true;
  });
}

/** One sentence per rule: quorum, threshold, the chair's vote, ties and written deliberation. */
export function ruleSentences(t: TFunction, rules: RuleSet): string[] {
  return [
    t('committees.rules.quorumSentence', { rule: t(`committees.rules.quorum.${rules.quorum}`) }),
    t('committees.rules.thresholdSentence', { rule: t(`committees.rules.threshold.${rules.threshold}`) }),
    t(rules.chairVotes ? 'committees.rules.chairVotes' : 'committees.rules.chairDoesNotVote'),
    t(`committees.rules.tie.${rules.tie}`),
    rules.writtenAllowed
      ? t('committees.rules.writtenAllowed', { grounds: rules.writtenGrounds ?? '' })
      : t('committees.rules.writtenNotAllowed'),
  ];
}

/** "7 of 11 members present — quorum 6 — met". */
export function quorumSentence(t: TFunction, q: Quorum): string {
  return t(q.met ? 'committees.quorum.met' : 'committees.quorum.notMet', {
    present: q.present,
    members: q.members,
    required: q.required,
  });
}

const ofPresent = (rule: Outcome['rule']) => rule.endsWith('_of_present');

/** The outcome with the rule that decided it, e.g. "Passed: 5 yes of 8 present, needed 5 (majority of …)". */
export function outcomeSentence(t: TFunction, outcome: Outcome, tally: Poll['tally']): string {
  const yes = tally?.yes ?? 0;
  const no = tally?.no ?? 0;
  const params = {
    yes,
    no,
    required: outcome.required,
    base: t(ofPresent(outcome.rule) ? 'committees.outcome.basePresent' : 'committees.outcome.baseMembers', {
      count: outcome.base,
    }),
    rule: t(`committees.rules.threshold.${outcome.rule}`),
  };
  const known = ['threshold_met', 'threshold_not_met', 'tie_fails', 'tie_chair_yes', 'tie_chair_no'];
  if (known.includes(outcome.decidedBy)) return t(`committees.outcome.${outcome.decidedBy}`, params);
  return t(outcome.passed ? 'committees.outcome.passed' : 'committees.outcome.failed');
}

type Attendee = MeetingDetail['attendance'][number];

/**
 * Voting members who have not voted on a poll yet: everyone eligible minus the participants, minus those who
 * declared a conflict on the item. The secretary keeps the record and does not vote.
 */
export function notVoted(
  attendance: Attendee[],
  poll: Poll,
  recusedIds: string[],
  writtenMode: boolean,
): string[] {
  const took = new Set(poll.participants);
  const recused = new Set(recusedIds);
  return attendance
    .filter((a) => a.role !== 'secretary' && !recused.has(a.memberId) && (writtenMode || a.present))
    .map((a) => a.name)
    .filter((name) => !took.has(name));
}

/** The newest poll of an item (a re-vote opens a new one); null before any. */
export const latestPoll = (polls: Poll[]): Poll | null => polls[polls.length - 1] ?? null;

/** Whole minutes left until a deadline, never negative. */
export function minutesLeft(deadline: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((new Date(deadline).getTime() - now.getTime()) / 60_000));
}

/** A countdown as days, hours and minutes, for "Closes in 2 d 4 h". */
export function countdownParts(minutes: number): { d: number; h: number; m: number } {
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}
