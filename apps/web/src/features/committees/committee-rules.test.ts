import type { MeetingDetail, Outcome, Poll } from '@civicdesk/contracts/committees';
import type { Me } from '@civicdesk/contracts/identity';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/en.json';
import {
  canSeeCommittees,
  committeeAgencies,
  countdownParts,
  minutesLeft,
  notVoted,
  outcomeSentence,
  quorumSentence,
  ruleSentences,
} from './committee-rules.ts';

// A tiny stand-in for i18next over the English catalog: nested keys, {{params}} and _one/_other plurals.
const t = ((key: string, params: Record<string, unknown> = {}) => {
  const lookup = (k: string) =>
    k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  const count = params.count as number | undefined;
  const text = (count !== undefined && lookup(`${key}_${count === 1 ? 'one' : 'other'}`)) || lookup(key);
  if (typeof text !== 'string') throw new Error(`missing ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}) as unknown as TFunction;

const outcome = (o: Partial<Outcome>): Outcome => ({
  passed: true,
  rule: 'majority_of_present',
  base: 8,
  required: 5,
  tie: false,
  decidedBy: 'threshold_met',
  ...o,
});
const tally = { yes: 5, no: 2, abstain: 1, eligible: 8, voted: 8 };

describe('outcome sentences', () => {
  it('says what passed and by which rule', () => {
    expect(outcomeSentence(t, outcome({}), tally)).toBe(
      'Passed: 5 yes of 8 present, 5 needed (majority of those present).',
    );
  });

  it('counts against all members when the rule says so', () => {
    const o = outcome({
      passed: false,
      rule: 'two_thirds_of_members',
      base: 11,
      required: 8,
      decidedBy: 'threshold_not_met',
    });
    expect(outcomeSentence(t, o, tally)).toBe(
      'Not passed: 5 yes of 11 members, 8 needed (two thirds of all members).',
    );
  });

  it('explains ties', () => {
    const tied = { ...tally, yes: 4, no: 4, abstain: 0 };
    expect(outcomeSentence(t, outcome({ passed: false, tie: true, decidedBy: 'tie_fails' }), tied)).toMatch(
      /^Not passed: a tie \(4 yes, 4 no\)/,
    );
    expect(outcomeSentence(t, outcome({ tie: true, decidedBy: 'tie_chair_yes' }), tied)).toMatch(
      /chair's yes/,
    );
  });

  it('falls back to passed / not passed for a code it does not know', () => {
    expect(outcomeSentence(t, outcome({ decidedBy: 'something_new' }), tally)).toBe('Passed.');
  });
});

describe('quorum and rules in words', () => {
  it('reads the live quorum', () => {
    const q = { rule: 'majority_of_members' as const, members: 11, present: 7, required: 6, met: true };
    expect(quorumSentence(t, q)).toBe('7 of 11 members present — quorum 6 — met');
    expect(quorumSentence(t, { ...q, present: 4, met: false })).toBe(
      '4 of 11 members present — quorum 6 — not met',
    );
  });

  it('has a sentence for every rule', () => {
    const lines = ruleSentences(t, {
      quorum: 'two_thirds_of_members',
      threshold: 'majority_of_members',
      chairVotes: false,
      tie: 'fails',
      writtenAllowed: true,
      writtenGrounds: 'urgent or minor matters',
    });
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain('urgent or minor matters');
  });
});

describe('who has not voted', () => {
  const a = (memberId: string, name: string, present: boolean, role = 'member') =>
    ({
      memberId,
      name,
      role,
      present,
      external: false,
      response: null,
      checkedInAt: null,
      checkedInBy: null,
    }) as MeetingDetail['attendance'][number];
  const attendance = [
    a('1', 'Kim', true),
    a('2', 'Lee', true),
    a('3', 'Park', false),
    a('4', 'Sec', true, 'secretary'),
  ];
  const poll = { participants: ['Kim'] } as Poll;

  it('lists present voting members without a ballot, leaving out the recused and the secretary', () => {
    expect(notVoted(attendance, poll, [], false)).toEqual(['Lee']);
    expect(notVoted(attendance, poll, ['2'], false)).toEqual([]);
  });

  it('counts every member in written deliberation, where nobody is "present"', () => {
    expect(notVoted(attendance, poll, [], true)).toEqual(['Lee', 'Park']);
  });
});

describe('access and countdown', () => {
  const me = (p: Partial<Me>) => ({ kind: 'staff', isPlatformAdmin: false, posts: [], ...p }) as Me;
  const post = (agencyId: string, role: string) => ({ agencyId, role }) as Me['posts'][number];

  it('offers the menu to staff and external members, not citizens', () => {
    expect(canSeeCommittees(me({ kind: 'external' }))).toBe(true);
    expect(canSeeCommittees(me({ posts: [post('a', 'official')] }))).toBe(true);
    expect(canSeeCommittees(me({ kind: 'citizen' }))).toBe(false);
  });

  it('lets secretaries and administrators set up committees, once per agency', () => {
    const m = me({ posts: [post('a', 'secretary'), post('a', 'agency_admin'), post('b', 'official')] });
    expect(committeeAgencies(m).map((p) => p.agencyId)).toEqual(['a']);
  });

  it('counts down in days, hours and minutes', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    const left = minutesLeft('2025-03-03T04:05:00Z', now);
    expect(countdownParts(left)).toEqual({ d: 2, h: 4, m: 5 });
    expect(minutesLeft('2025-02-01T00:00:00Z', now)).toBe(0);
  });
});
