import type { OutcomeJson, QuorumJson, RuleSetJson } from './committees.tables.ts';

// The committee rules as pure functions: quorum to open (개의정족수) and the outcome of a vote (의결정족수), with
// ties and the chair's vote. Nobody reads a result off a screen: the outcome is computed and stored with its
// inputs, so the minutes can quote how it was decided.

export type Counts = { yes: number; no: number; abstain: number };

/** "majority" = more than half; "two thirds" = at least two thirds (rounded up). */
const majority = (n: number) => Math.floor(n / 2) + 1;
const twoThirds = (n: number) => Math.ceil((2 * n) / 3);

/** Quorum over the voting membership (the secretary is not a member) and those of them present. */
export function quorum(rule: RuleSetJson['quorum'], members: number, present: number): QuorumJson {
  const required = rule === 'two_thirds_of_members' ? twoThirds(members) : majority(members);
  return { rule, members, present, required, met: members > 0 && present >= required };
}

/**
 * The outcome of a poll. `members` and `present` are the item's voting membership and those present, both
 * without recused members; `chairVote` is the chair's own vote when the chair took part.
 */
export function outcome(
  rules: Pick<RuleSetJson, 'threshold' | 'tie'>,
  counts: Counts,
  population: { members: number; present: number },
  chairVote: 'yes' | 'no' | 'abstain' | null,
): OutcomeJson {
  const ofPresent = rules.threshold === 'majority_of_present' || rules.threshold === 'two_thirds_of_present';
  const base = ofPresent ? population.present : population.members;
  const twoThirdsRule = rules.threshold.startsWith('two_thirds');
  const required = twoThirdsRule ? twoThirds(base) : majority(base);
  const tie = counts.yes === counts.no && counts.yes > 0;
  const common = { rule: rules.threshold, base, required, tie };
  if (base > 0 && counts.yes >= required) return { ...common, passed: true, decidedBy: 'threshold_met' };
  if (tie && rules.tie === 'chair_decides' && (chairVote === 'yes' || chairVote === 'no'))
    return {
      ...common,
      passed: chairVote === 'yes',
      decidedBy: chairVote === 'yes' ? 'tie_chair_yes' : 'tie_chair_no',
    };
  if (tie) return { ...common, passed: false, decidedBy: 'tie_fails' };
  return { ...common, passed: false, decidedBy: 'threshold_not_met' };
}

/** A rule set that cannot be applied is refused when the committee is saved (message keys). */
export function ruleSetProblem(r: RuleSetJson): string | null {
  if (r.tie === 'chair_decides' && !r.chairVotes) return 'committees.tie_needs_chair_vote';
  if (r.writtenAllowed && !r.writtenGrounds?.trim()) return 'committees.written_grounds_required';
  return null;
}

/** Terms: a term may not exceed the committee's term length, nor a person serve more than maxTerms in a row. */
export function termProblem(
  term: { start: string; end: string },
  termYears: number,
  earlierTerms: number,
  maxTerms: number,
): string | null {
  if (term.end <= term.start) return 'committees.term_order';
  const limit = new Date(`${term.start}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + termYears);
  if (new Date(`${term.end}T00:00:00Z`) > limit) return 'committees.term_too_long';
  if (earlierTerms + 1 > maxTerms) return 'committees.too_many_terms';
  return null;
}

/**
 * How many earlier terms run on, without a break, into a term starting at `start`: a reappointment counts as
 * consecutive when the next term begins within `gapDays` of the previous one's end (appointments are often
 * signed a few weeks late).
 */
export function consecutiveTerms(
  earlier: { start: string; end: string }[],
  start: string,
  gapDays = 31,
): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const sorted = [...earlier].sort((a, b) => (a.end < b.end ? 1 : -1));
  let cursor = day(start);
  let count = 0;
  for (const t of sorted) {
    const end = day(t.end);
    if (day(t.start) >= cursor) continue;
    if (cursor - end > gapDays) break;
    count++;
    cursor = day(t.start);
  }
  return count;
}
