import { describe, expect, it } from 'vitest';
import en from './en.json';
import ko from './ko.json';
import vi from './vi.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function lookup(tree: Tree, key: string): string {
  return key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;
}

describe('translations', () => {
  const english = keys(en).sort();

  it('have the same keys in Korean, Vietnamese and English', () => {
    expect(keys(ko).sort()).toEqual(english);
    expect(keys(vi).sort()).toEqual(english);
  });

  it('have no empty strings', () => {
    for (const tree of [en, ko, vi])
      for (const k of keys(tree)) expect(lookup(tree, k).trim(), k).not.toBe('');
  });

  it('use the same interpolation variables in every language', () => {
    for (const k of english) {
      expect(placeholders(lookup(ko, k)), `ko ${k}`).toEqual(placeholders(lookup(en, k)));
      expect(placeholders(lookup(vi, k)), `vi ${k}`).toEqual(placeholders(lookup(en, k)));
    }
  });
});
