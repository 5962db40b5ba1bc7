import { describe, expect, it } from 'vitest';
import { BucketIndex } from '../../../src/analysis/dedupe/anchors.js';

function items(index: BucketIndex, key: number, limit = 100): number[] {
  const out = new Int32Array(limit);
  return [...out.subarray(0, index.collect(key, limit, out, 0))];
}

describe('BucketIndex', () => {
  it('returns the items of a key newest first, and nothing for an unknown key', () => {
    const index = new BucketIndex(4);
    index.add(7, 1);
    index.add(0xffffffff, 2);
    index.add(7, 3);
    expect(items(index, 7)).toEqual([3, 1]);
    expect(items(index, 0xffffffff)).toEqual([2]);
    expect(items(index, 8)).toEqual([]);
    expect(index.count(7)).toBe(2);
    expect(index.count(8)).toBe(0);
    expect(index.size).toBe(3);
  });

  it('stops at the limit', () => {
    const index = new BucketIndex(4);
    for (let i = 0; i < 10; i++) index.add(5, i);
    expect(items(index, 5, 3)).toEqual([9, 8, 7]);
  });

  it('keeps everything while growing far past its first size (keys colliding in low bits)', () => {
    const index = new BucketIndex(2);
    for (let i = 0; i < 5000; i++) index.add((i % 300) * 65536, i);
    for (let k = 0; k < 300; k++) {
      const list = items(index, k * 65536, 100);
      expect(list.length).toBe(Math.ceil((5000 - k) / 300));
      expect(list.every((item) => item % 300 === k)).toBe(true);
    }
  });
});
