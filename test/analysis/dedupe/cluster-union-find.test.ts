import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../../src/analysis/dedupe/cluster.js';

describe('UnionFind', () => {
  it('joins transitively and reports whether a union changed anything', () => {
    const sets = new UnionFind(6);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(2, 3)).toBe(true);
    expect(sets.union(1, 3)).toBe(true);
    expect(sets.union(0, 2)).toBe(false);
    expect(sets.find(0)).toBe(sets.find(3));
    expect(sets.find(4)).not.toBe(sets.find(0));
    expect(sets.find(5)).toBe(5);
  });

  it('handles a long chain', () => {
    const sets = new UnionFind(10_000);
    for (let i = 1; i < 10_000; i++) sets.union(i - 1, i);
    expect(sets.find(9999)).toBe(sets.find(0));
  });
});
