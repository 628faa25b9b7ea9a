import type { StepKind } from '@civicdesk/contracts/approvals';
import type { Person } from '@civicdesk/contracts/org';
import type { LineStepInput } from './documents.api.ts';

// The approval line as the drafter builds it: ordered steps, each with a kind and a person; a cooperation step
// may run in parallel with the cooperation step before it (병렬협조 / phối hợp song song).

export type DraftStep = { key: string; kind: StepKind; assigneeId: string | null; parallel: boolean };

let counter = 0;
export const newStep = (kind: StepKind, assigneeId: string | null = null): DraftStep => {
  counter += 1;
  return { key: `s${counter}`, kind, assigneeId, parallel: false };
};

/** Whether a step may be marked parallel: only a cooperation step right after another one. */
export const canRunParallel = (steps: DraftStep[], index: number) =>
  index > 0 && steps[index]?.kind === 'cooperation' && steps[index - 1]?.kind === 'cooperation';

/** The number each step shows: parallel steps share the number of the step they run beside (as the server). */
export function stepNumbers(steps: DraftStep[]): number[] {
  let seq = 0;
  return steps.map((s, i) => {
    if (!(s.parallel && canRunParallel(steps, i))) seq += 1;
    return seq;
  });
}

export function move(steps: DraftStep[], index: number, by: -1 | 1): DraftStep[] {
  const to = index + by;
  if (to < 0 || to >= steps.length) return steps;
  const next = [...steps];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function toLine(steps: DraftStep[]): LineStepInput[] {
  return steps.map((s, i) => ({
    kind: s.kind,
    assigneeId: s.assigneeId ?? '',
    ...(s.parallel && canRunParallel(steps, i) ? { parallel: true } : {}),
  }));
}

export function fromLine(line: { kind: StepKind; assigneeId: string; parallel?: boolean }[]): DraftStep[] {
  return line.map((s) => ({ ...newStep(s.kind, s.assigneeId), parallel: !!s.parallel }));
}

const lineRoles = new Set(['official', 'head', 'clerk', 'secretary', 'agency_admin']);

/** People who may stand on a line in the agency (an active staff post there), the drafter excluded. */
export function linePeople(people: Person[], agencyId: string, drafterId: string) {
  return people
    .filter((p) => p.active && p.id !== drafterId)
    .flatMap((p) => {
      const post = p.posts.find((x) => x.active && x.agencyId === agencyId && lineRoles.has(x.role));
      return post
        ? [{ id: p.id, name: p.displayName, position: post.positionName, unit: post.unitName }]
        : [];
    });
}
