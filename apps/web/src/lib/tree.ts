export type TreeNode<T> = { item: T; depth: number; children: TreeNode<T>[] };

/**
 * Nests a flat list by parent id. Items whose parent is missing from the list become roots, so a person
 * who administers only part of the tree still sees their part. Siblings keep `compare` order.
 */
export function buildTree<T>(
  items: T[],
  idOf: (item: T) => string,
  parentOf: (item: T) => string | null,
  compare?: (a: T, b: T) => number,
): TreeNode<T>[] {
  const ids = new Set(items.map(idOf));
  const byParent = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = parentOf(item);
    const key = parent !== null && ids.has(parent) ? parent : null;
    const list = byParent.get(key) ?? [];
    list.push(item);
    byParent.set(key, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): TreeNode<T>[] => {
    const list = [...(byParent.get(parent) ?? [])];
    if (compare) list.sort(compare);
    const nodes: TreeNode<T>[] = [];
    for (const item of list) {
      const id = idOf(item);
      if (seen.has(id)) continue; // a cycle in bad data must not hang the page
      seen.add(id);
      nodes.push({ item, depth, children: build(id, depth + 1) });
    }
    return nodes;
  };
  return build(null, 0);
}

/** Depth-first order, for indented selects. */
export function flattenTree<T>(nodes: TreeNode<T>[]): TreeNode<T>[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The id and every id below it: what a node may not be moved under. */
export function subtreeIds<T>(nodes: TreeNode<T>[], id: string, idOf: (item: T) => string): Set<string> {
  const out = new Set<string>();
  const collect = (n: TreeNode<T>) => {
    out.add(idOf(n.item));
    for (const c of n.children) collect(c);
  };
  const find = (list: TreeNode<T>[]): boolean =>
    list.some((n) => {
      if (idOf(n.item) !== id) return find(n.children);
      collect(n);
      return true;
    });
  find(nodes);
  return out;
}
