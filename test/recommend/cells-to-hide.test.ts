import { describe, expect, it } from 'vitest';
import { cellsToHide } from '../../src/recommend/cells-to-hide.js';

describe('cellsToHide', () => {
  it.each([
    ['nothing small', [5, 9, 12], []],
    ['cells about nobody stay', [0, 7, 8], []],
    ['one small cell takes the next smallest with it', [3, 9, 12], [0, 1]],
    ['two small cells that together reach five', [2, 3, 12], [0, 1]],
    ['two small cells under five take a third', [1, 2, 12, 20], [0, 1, 2]],
    ['a lone small cell with nothing to pair stays hidden', [4, 0], [0]],
  ] as const)('%s', (_, sizes, hidden) => {
    expect([...cellsToHide(sizes, 5)].sort()).toEqual([...hidden]);
  });

  it('uses the union of overlapping people when given', () => {
    // Two small cells of the same 3 people cover only 3 together: a third cell must be hidden too.
    const sets = [
      new Set(['a', 'b', 'c']),
      new Set(['a', 'b', 'c']),
      new Set(['d', 'e', 'f', 'g', 'h', 'i']),
    ];
    const union = (ix: readonly number[]) => new Set(ix.flatMap((i) => [...(sets[i] ?? [])])).size;
    expect([...cellsToHide([3, 3, 6], 5, union)].sort()).toEqual([0, 1, 2]);
  });
});
