import type { Person } from '@civicdesk/contracts/org';
import { describe, expect, it } from 'vitest';
import {
  canRunParallel,
  type DraftStep,
  fromLine,
  linePeople,
  move,
  stepNumbers,
  toLine,
} from './line-builder.ts';

const step = (kind: DraftStep['kind'], assigneeId: string, parallel = false): DraftStep => ({
  key: assigneeId,
  kind,
  assigneeId,
  parallel,
});

describe('approval line builder', () => {
  const line = [
    step('content_check', 'head'),
    step('cooperation', 'kt'),
    step('cooperation', 'th', true),
    step('format_check', 'clerk'),
    step('approval', 'chair'),
  ];

  it('numbers parallel cooperation steps like the step they run beside (as the server does)', () => {
    expect(stepNumbers(line)).toEqual([1, 2, 2, 3, 4]);
  });

  it('allows parallel only for a cooperation step right after another cooperation step', () => {
    expect(canRunParallel(line, 2)).toBe(true);
    expect(canRunParallel(line, 1)).toBe(false);
    expect(canRunParallel(line, 3)).toBe(false);
    // A parallel flag left on a step that no longer follows a cooperation step is ignored.
    const moved = move(line, 2, 1);
    expect(stepNumbers(moved)).toEqual([1, 2, 3, 4, 5]);
    expect(toLine(moved).some((s) => s.parallel)).toBe(false);
  });

  it('sends only the parallel flags that apply, and loads saved lines back', () => {
    const sent = toLine(line);
    expect(sent[2]).toEqual({ kind: 'cooperation', assigneeId: 'th', parallel: true });
    expect(sent[1]).toEqual({ kind: 'cooperation', assigneeId: 'kt' });
    const loaded = fromLine(sent);
    expect(loaded.map((s) => [s.kind, s.assigneeId, s.parallel])).toEqual(
      line.map((s) => [s.kind, s.assigneeId, s.parallel]),
    );
    expect(new Set(loaded.map((s) => s.key)).size).toBe(loaded.length);
  });

  it('moves a step and stays within the line', () => {
    expect(move(line, 0, -1)).toBe(line);
    expect(move(line, 3, 1).map((s) => s.assigneeId)).toEqual(['head', 'kt', 'th', 'chair', 'clerk']);
  });

  it('offers people with an active staff post in the agency, never the drafter', () => {
    const post = (agencyId: string, role: Person['posts'][number]['role'], active = true) => ({
      id: `${agencyId}-${role}`,
      agencyId,
      unitId: null,
      unitName: 'VX',
      positionId: null,
      positionName: 'Trưởng phòng',
      role,
      active,
    });
    const person = (id: string, posts: Person['posts'], active = true): Person => ({
      id,
      username: id,
      displayName: id.toUpperCase(),
      email: null,
      kind: 'staff',
      active,
      totpEnabled: false,
      posts,
    });
    const people = [
      person('me', [post('a', 'official')]),
      person('head', [post('a', 'head')]),
      person('expert', [post('a', 'external_member')]),
      person('gone', [post('a', 'official')], false),
      person('left', [post('a', 'official', false)]),
      person('elsewhere', [post('b', 'head')]),
    ];
    expect(linePeople(people, 'a', 'me')).toEqual([
      { id: 'head', name: 'HEAD', position: 'Trưởng phòng', unit: 'VX' },
    ]);
  });
});
