import { describe, expect, it } from 'vitest';
import { pairwiseF1 } from '../../bench/pairwise-f1.js';

const all = () => true;

describe('pairwiseF1', () => {
  it.each([
    { name: 'identical clusterings', predicted: [['a', 'b', 'c']], reference: [['a', 'b', 'c']], f1: 1 },
    { name: 'no pairs on either side', predicted: [], reference: [], f1: 1 },
    { name: 'nothing found', predicted: [], reference: [['a', 'b']], f1: 0 },
    // {a,b} of 3 reference pairs: P 1, R 1/3.
    { name: 'a split cluster', predicted: [['a', 'b'], ['c']], reference: [['a', 'b', 'c']], f1: 0.5 },
    // Hard negative: same members, grouped differently, share no pair.
    {
      name: 'crossed pairs',
      predicted: [
        ['a', 'c'],
        ['b', 'd'],
      ],
      reference: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      f1: 0,
    },
  ])('$name → $f1', ({ predicted, reference, f1 }) => {
    expect(pairwiseF1(predicted, reference, all)).toBeCloseTo(f1, 10);
  });

  it('counts only the messages kept (a sample)', () => {
    const reference = [['a', 'b', 'x']];
    expect(pairwiseF1([['a', 'b']], reference, (id) => id !== 'x')).toBe(1);
    expect(pairwiseF1([['a', 'b']], reference, all)).toBeCloseTo(0.5, 10);
  });
});
