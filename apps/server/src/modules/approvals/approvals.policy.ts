import type { StepKind, StepState } from './approvals.tables.ts';

// The approval state machine as pure functions: which steps become due, when a round is complete, and which
// actions a step admits. Steps with the same `seq` run in parallel; a group opens only when every earlier
// group is done.

export type Step = { id: string; seq: number; kind: StepKind; state: StepState; assigneeId: string };
export type Action = 'approve' | 'agree' | 'disagree' | 'return' | 'hold' | 'resume';

const done: StepState[] = ['approved', 'agreed', 'disagreed', 'notified'];
export const isDone = (s: Step) => done.includes(s.state);

/** Validates a new line: at least one final approval, the last decision step is an approval, no duplicates. */
export function lineProblem(
  steps: { kind: StepKind; assigneeId: string }[],
  drafterId: string,
): string | null {
  if (steps.length === 0 || steps.length > 20) return 'approvals.line_length';
  const decisions = steps.filter((s) => s.kind !== 'notify');
  if (decisions.at(-1)?.kind !== 'approval') return 'approvals.line_must_end_with_approval';
  if (steps.some((s) => s.assigneeId === drafterId)) return 'approvals.drafter_in_line';
  const ids = steps.filter((s) => s.kind !== 'notify').map((s) => s.assigneeId);
  if (new Set(ids).size !== ids.length) return 'approvals.duplicate_assignee';
  return null;
}

/** Ids of the steps to open now: the next group after all done groups (none while a group is still open). */
export function stepsToOpen(steps: Step[]): string[] {
  if (steps.some((s) => s.state === 'pending' || s.state === 'held')) return [];
  const next = steps.filter((s) => s.state === 'waiting').sort((a, b) => a.seq - b.seq)[0];
  if (!next) return [];
  return steps.filter((s) => s.state === 'waiting' && s.seq === next.seq).map((s) => s.id);
}

/** The round is complete when every decision step is done (notify steps are delivered on the way). */
export function isComplete(steps: Step[]): boolean {
  return steps.every((s) => isDone(s) || (s.kind === 'notify' && s.state !== 'cancelled'));
}

/** The actions a pending (or held) step admits. */
export function actionsFor(step: Step): Action[] {
  if (step.state === 'held') return ['resume'];
  if (step.state !== 'pending') return [];
  if (step.kind === 'cooperation') return ['agree', 'disagree', 'return'];
  if (step.kind === 'notify') return [];
  return ['approve', 'return', 'hold'];
}

export function stateAfter(action: Action): StepState {
  const map: Record<Action, StepState> = {
    approve: 'approved',
    agree: 'agreed',
    disagree: 'disagreed',
    return: 'returned',
    hold: 'held',
    resume: 'pending',
  };
  return map[action];
}

/**
 * Who may act on a step for its assignee. An acting approver (대결 / Q.) may act on any step; a delegate
 * (전결 / KT. / TL. / TUQ.) only on a final approval.
 */
export function delegationCovers(kind: StepKind, delegation: { kind: 'delegated' | 'acting' }): boolean {
  return delegation.kind === 'acting' || kind === 'approval';
}
