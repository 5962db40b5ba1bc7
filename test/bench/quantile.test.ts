import { describe, expect, it } from 'vitest';
import { quantile } from '../../bench/quantile.js';

describe('quantile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    { sorted: [], q: 0.5, expected: 0 },
    { sorted: [7], q: 0.99, expected: 7 },
    { sorted: [1, 2], q: 0.5, expected: 1 },
    { sorted: [1, 2, 3, 4], q: 0.5, expected: 2 },
    { sorted: hundred, q: 0.5, expected: 50 },
    { sorted: hundred, q: 0.99, expected: 99 },
    // Hard negatives: p99 is not the maximum, p0 is the minimum, not below it.
    { sorted: [...hundred, 1000], q: 0.99, expected: 100 },
    { sorted: hundred, q: 0, expected: 1 },
    { sorted: hundred, q: 1, expected: 100 },
  ])('q=$q of $sorted.length values → $expected', ({ sorted, q, expected }) => {
    expect(quantile(sorted, q)).toBe(expected);
  });
});
