import { describe, expect, it } from 'vitest';
import { consecutiveTerms, outcome, quorum, ruleSetProblem, termProblem } from './committees.policy.ts';

describe('quorum to open (개의정족수)', () => {
  it.each([
    // rule, members, present, required, met
    ['majority_of_members', 9, 4, 5, false],
    ['majority_of_members', 9, 5, 5, true],
    ['majority_of_members', 10, 5, 6, false],
    ['majority_of_members', 10, 6, 6, true],
    ['majority_of_members', 1, 1, 1, true],
    ['majority_of_members', 0, 0, 1, false],
    ['two_thirds_of_members', 9, 5, 6, false],
    ['two_thirds_of_members', 9, 6, 6, true],
    ['two_thirds_of_members', 10, 6, 7, false],
    ['two_thirds_of_members', 10, 7, 7, true],
    ['two_thirds_of_members', 3, 2, 2, true],
  ] as const)(
    '%s with %i members and %i present needs %i (met: %s)',
    (rule, members, present, required, met) => {
      expect(quorum(rule, members, present)).toEqual({ rule, members, present, required, met });
    },
  );
});

describe('outcome of a vote (의결정족수)', () => {
  const rules = (
    threshold: Parameters<typeof outcome>[0]['threshold'],
    tie: 'fails' | 'chair_decides' = 'fails',
  ) => ({
    threshold,
    tie,
  });
  const pop = { members: 10, present: 7 };
  it.each([
    // threshold, yes, no, abstain, base, required, passed, decidedBy
    ['majority_of_present', 4, 3, 0, 7, 4, true, 'threshold_met'],
    ['majority_of_present', 3, 2, 2, 7, 4, false, 'threshold_not_met'],
    ['majority_of_members', 5, 2, 0, 10, 6, false, 'threshold_not_met'],
    ['majority_of_members', 6, 1, 0, 10, 6, true, 'threshold_met'],
    ['two_thirds_of_present', 4, 3, 0, 7, 5, false, 'threshold_not_met'],
    ['two_thirds_of_present', 5, 2, 0, 7, 5, true, 'threshold_met'],
    ['two_thirds_of_members', 6, 1, 0, 10, 7, false, 'threshold_not_met'],
    ['two_thirds_of_members', 7, 0, 0, 10, 7, true, 'threshold_met'],
  ] as const)(
    '%s: %i yes %i no %i abstain → base %i, needs %i, passed %s',
    (t, yes, no, abstain, base, required, passed, by) => {
      expect(outcome(rules(t), { yes, no, abstain }, pop, null)).toMatchObject({
        base,
        required,
        passed,
        decidedBy: by,
      });
    },
  );

  it('a tie fails by default (가부동수 → 부결), or goes the chair’s way where the rules say so', () => {
    const tie = { yes: 3, no: 3, abstain: 1 };
    expect(outcome(rules('majority_of_present'), tie, pop, 'yes')).toMatchObject({
      passed: false,
      tie: true,
      decidedBy: 'tie_fails',
    });
    expect(outcome(rules('majority_of_present', 'chair_decides'), tie, pop, 'yes')).toMatchObject({
      passed: true,
      decidedBy: 'tie_chair_yes',
    });
    expect(outcome(rules('majority_of_present', 'chair_decides'), tie, pop, 'no')).toMatchObject({
      passed: false,
      decidedBy: 'tie_chair_no',
    });
    // The chair abstained or the ballot was secret: nobody breaks the tie.
    expect(outcome(rules('majority_of_present', 'chair_decides'), tie, pop, 'abstain').decidedBy).toBe(
      'tie_fails',
    );
    expect(outcome(rules('majority_of_present', 'chair_decides'), tie, pop, null).decidedBy).toBe(
      'tie_fails',
    );
    // 0 : 0 is no tie, and nothing passes on an empty base.
    expect(outcome(rules('majority_of_present'), { yes: 0, no: 0, abstain: 3 }, pop, null)).toMatchObject({
      tie: false,
      passed: false,
    });
    expect(
      outcome(rules('majority_of_present'), { yes: 0, no: 0, abstain: 0 }, { members: 0, present: 0 }, null)
        .passed,
    ).toBe(false);
  });
});

describe('rule sets, terms and reappointment', () => {
  const base = {
    quorum: 'majority_of_members',
    threshold: 'majority_of_present',
    chairVotes: true,
    tie: 'fails',
    writtenAllowed: false,
    writtenGrounds: null,
  } as const;
  it('refuses rule sets that cannot be applied', () => {
    expect(ruleSetProblem(base)).toBeNull();
    expect(ruleSetProblem({ ...base, tie: 'chair_decides', chairVotes: false })).toBe(
      'committees.tie_needs_chair_vote',
    );
    expect(ruleSetProblem({ ...base, writtenAllowed: true })).toBe('committees.written_grounds_required');
    expect(ruleSetProblem({ ...base, writtenAllowed: true, writtenGrounds: '  ' })).toBe(
      'committees.written_grounds_required',
    );
    expect(ruleSetProblem({ ...base, writtenAllowed: true, writtenGrounds: 'urgent' })).toBeNull();
  });

  it.each([
    [{ start: '2025-01-01', end: '2025-01-01' }, 2, 0, 2, 'committees.term_order'],
    [{ start: '2025-01-01', end: '2024-12-31' }, 2, 0, 2, 'committees.term_order'],
    [{ start: '2025-01-01', end: '2027-01-01' }, 2, 0, 2, null],
    [{ start: '2025-01-01', end: '2027-01-02' }, 2, 0, 2, 'committees.term_too_long'],
    [{ start: '2024-02-29', end: '2025-03-01' }, 1, 0, 2, null],
    [{ start: '2025-01-01', end: '2026-12-31' }, 2, 1, 2, null],
    [{ start: '2025-01-01', end: '2026-12-31' }, 2, 2, 2, 'committees.too_many_terms'],
  ] as const)('term %o (years %i, earlier %i, max %i) → %s', (term, years, earlier, max, problem) => {
    expect(termProblem(term, years, earlier, max)).toBe(problem);
  });

  it('counts only consecutive earlier terms (a gap of more than a month starts afresh)', () => {
    const t = (start: string, end: string) => ({ start, end });
    expect(consecutiveTerms([], '2025-01-01')).toBe(0);
    expect(consecutiveTerms([t('2023-01-01', '2024-12-31')], '2025-01-01')).toBe(1);
    expect(
      consecutiveTerms([t('2021-01-01', '2022-12-31'), t('2023-01-01', '2024-12-31')], '2025-01-01'),
    ).toBe(2);
    // Reappointed three weeks late: still consecutive.
    expect(consecutiveTerms([t('2023-01-01', '2024-12-31')], '2025-01-21')).toBe(1);
    // A year's break: the earlier term does not count, nor anything before it.
    expect(
      consecutiveTerms([t('2019-01-01', '2020-12-31'), t('2021-01-01', '2023-12-31')], '2025-01-01'),
    ).toBe(0);
    expect(
      consecutiveTerms([t('2019-01-01', '2020-12-31'), t('2022-01-01', '2024-12-31')], '2025-01-01'),
    ).toBe(1);
    // A later term than the new one is not an earlier term.
    expect(consecutiveTerms([t('2026-01-01', '2027-12-31')], '2025-01-01')).toBe(0);
  });
});
