import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  delegationCovers,
  isComplete,
  lineProblem,
  type Step,
  stateAfter,
  stepsToOpen,
} from './approvals.policy.ts';
import type { StepKind, StepState } from './approvals.tables.ts';

const step = (id: string, seq: number, kind: StepKind, state: StepState): Step => ({
  id,
  seq,
  kind,
  state,
  assigneeId: `u${id}`,
});

describe('approval line rules', () => {
  it('validates lines', () => {
    expect(lineProblem([], 'd')).toBe('approvals.line_length');
    expect(lineProblem([{ kind: 'review', assigneeId: 'a' }], 'd')).toBe(
      'approvals.line_must_end_with_approval',
    );
    expect(
      lineProblem(
        [
          { kind: 'approval', assigneeId: 'a' },
          { kind: 'notify', assigneeId: 'b' },
        ],
        'd',
      ),
    ).toBeNull();
    expect(lineProblem([{ kind: 'approval', assigneeId: 'd' }], 'd')).toBe('approvals.drafter_in_line');
    expect(
      lineProblem(
        [
          { kind: 'review', assigneeId: 'a' },
          { kind: 'approval', assigneeId: 'a' },
        ],
        'd',
      ),
    ).toBe('approvals.duplicate_assignee');
  });

  it('opens groups in order, parallel steps together, and waits for a whole group', () => {
    const steps = [
      step('1', 1, 'review', 'waiting'),
      step('2', 2, 'cooperation', 'waiting'),
      step('3', 2, 'cooperation', 'waiting'),
      step('4', 3, 'approval', 'waiting'),
    ];
    expect(stepsToOpen(steps)).toEqual(['1']);
    steps[0]!.state = 'approved';
    expect(stepsToOpen(steps)).toEqual(['2', '3']);
    steps[1]!.state = 'agreed';
    steps[2]!.state = 'pending';
    expect(stepsToOpen(steps)).toEqual([]);
    steps[2]!.state = 'disagreed';
    expect(stepsToOpen(steps)).toEqual(['4']);
    expect(isComplete(steps)).toBe(false);
    steps[3]!.state = 'approved';
    expect(stepsToOpen(steps)).toEqual([]);
    expect(isComplete(steps)).toBe(true);
  });

  it('gives each step state and kind exactly its actions', () => {
    const states: StepState[] = [
      'waiting',
      'pending',
      'approved',
      'agreed',
      'disagreed',
      'returned',
      'held',
      'notified',
      'cancelled',
    ];
    const kinds: StepKind[] = [
      'review',
      'cooperation',
      'content_check',
      'format_check',
      'approval',
      'notify',
    ];
    for (const state of states)
      for (const kind of kinds) {
        const actions = actionsFor(step('x', 1, kind, state));
        if (state === 'held') expect(actions).toEqual(['resume']);
        else if (state !== 'pending' || kind === 'notify') expect(actions).toEqual([]);
        else if (kind === 'cooperation') expect(actions).toEqual(['agree', 'disagree', 'return']);
        else expect(actions).toEqual(['approve', 'return', 'hold']);
      }
    expect(stateAfter('approve')).toBe('approved');
    expect(stateAfter('resume')).toBe('pending');
  });

  it('lets a delegate act only on a final approval, an acting approver on any step', () => {
    expect(delegationCovers('approval', { kind: 'delegated' })).toBe(true);
    expect(delegationCovers('review', { kind: 'delegated' })).toBe(false);
    expect(delegationCovers('review', { kind: 'acting' })).toBe(true);
  });
});
