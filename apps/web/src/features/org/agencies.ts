import type { Locale } from '@civicdesk/contracts/common';
import type { Agency, Tier } from '@civicdesk/contracts/org';
import { buildTree, flattenTree, type TreeNode } from '../../lib/tree.ts';

export function agencyTree(agencies: Agency[], tiers: Tier[] = []): TreeNode<Agency>[] {
  const rank = new Map(tiers.map((t) => [t.code, t.rank]));
  return buildTree(
    agencies,
    (a) => a.id,
    (a) => a.parentId,
    (a, b) => (rank.get(a.tier) ?? 0) - (rank.get(b.tier) ?? 0) || a.name.localeCompare(b.name),
  );
}

export function tierLabel(tiers: Tier[] | undefined, code: string, locale: Locale): string {
  return tiers?.find((t) => t.code === code)?.labels[locale] ?? code;
}

/** Options for an agency select in tree order, with the depth to indent by. */
export function agencyOptions(
  agencies: Agency[],
  tiers: Tier[] | undefined,
  keep: (a: Agency) => boolean = () => true,
): { value: string; label: string; depth: number }[] {
  return flattenTree(agencyTree(agencies, tiers))
    .filter((n) => keep(n.item))
    .map((n) => ({ value: n.item.id, label: n.item.name, depth: n.depth }));
}

export const countryCode = (country: Agency['country']) => country.toUpperCase();

export type AgencyNode = TreeNode<Agency>;
