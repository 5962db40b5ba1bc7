import { describe, expect, it } from 'vitest';
import { CandidatePairs } from '../../../src/analysis/dedupe/candidates.js';

describe('CandidatePairs', () => {
  it('visits each distinct pair once, sorted by the later text, with how often it was added', () => {
    const pairs = new CandidatePairs();
    const added: [number, number][] = [
      [3, 9],
      [0, 1],
      [3, 9],
      [2, 9],
      [0, 1],
      [3, 9],
      [5_000_000, 60_000_000],
    ];
    for (let round = 0; round < 200; round++) for (const [a, b] of added) pairs.add(a, b);
    const seen: [number, number, number][] = [];
    pairs.forEachDistinct((a, b, times) => seen.push([a, b, times]));
    expect(seen).toEqual([
      [0, 1, 400],
      [2, 9, 200],
      [3, 9, 600],
      [5_000_000, 60_000_000, 200],
    ]);
    expect(pairs.size).toBe(1400);
  });
});
