import { describe, expect, it } from 'vitest';
import { buildTree, flattenTree, subtreeIds } from './tree.ts';

type Row = { id: string; parent: string | null; name: string };
const rows: Row[] = [
  { id: 'c', parent: 'a', name: 'Commune' },
  { id: 'a', parent: null, name: 'Province' },
  { id: 'b', parent: 'a', name: 'Bureau' },
  { id: 'd', parent: 'c', name: 'Desk' },
  { id: 'x', parent: 'missing', name: 'Orphan' },
];
const tree = () =>
  buildTree(
    rows,
    (r) => r.id,
    (r) => r.parent,
    (l, r) => l.name.localeCompare(r.name),
  );

describe('tree', () => {
  it('nests by parent, sorts siblings, and lifts orphans to the top', () => {
    const flat = flattenTree(tree()).map((n) => `${'-'.repeat(n.depth)}${n.item.id}`);
    expect(flat).toEqual(['x', 'a', '-b', '-c', '--d']);
  });

  it('finds a subtree to exclude from move targets', () => {
    expect([...subtreeIds(tree(), 'c', (r) => r.id)].sort()).toEqual(['c', 'd']);
  });

  it('survives a cycle', () => {
    const cyclic: Row[] = [
      { id: 'p', parent: 'q', name: 'P' },
      { id: 'q', parent: 'p', name: 'Q' },
    ];
    expect(() =>
      buildTree(
        cyclic,
        (r) => r.id,
        (r) => r.parent,
      ),
    ).not.toThrow();
  });
});
