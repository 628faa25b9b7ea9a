import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recalledReceipt, rememberReceipt } from './receipts.ts';

// Web unit tests run in Node: a Map stands in for the tab's sessionStorage.
function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('secret ballot receipts', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));

  it('keeps a receipt per poll for this browser session', () => {
    rememberReceipt('p1', 'K7Q2-9XZ4');
    rememberReceipt('p2', 'AAAA-BBBB');
    expect(recalledReceipt('p1')).toBe('K7Q2-9XZ4');
    expect(recalledReceipt('p2')).toBe('AAAA-BBBB');
    expect(recalledReceipt('p3')).toBeNull();
  });

  it('reads nothing, and fails quietly, when storage is disabled', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => rememberReceipt('p1', 'X')).not.toThrow();
    expect(recalledReceipt('p1')).toBeNull();
  });
});
