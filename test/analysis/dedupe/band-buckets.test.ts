import { describe, expect, it } from 'vitest';
import { BucketIndex } from '../../../src/analysis/dedupe/anchors.js';
import { BandBuckets } from '../../../src/analysis/dedupe/candidates.js';

describe('BandBuckets', () => {
  it('lays out, for every text and band, the earlier texts a BucketIndex walk returns', () => {
    const n = 120;
    const bands = 3;
    let state = 5;
    const keys = Uint32Array.from({ length: n * bands }, () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return [0, 0xffffffff, 7, state][state % 4] as number;
    });
    const masks = Int32Array.from({ length: 2 * n }, (_, k) => k * 3);
    const buckets = new BandBuckets(keys, masks, n, bands);
    for (let band = 0; band < bands; band++) {
      const index = new BucketIndex(4);
      const found = new Int32Array(n);
      for (let t = 0; t < n; t++) {
        const end = index.collectAndAdd(keys[t * bands + band] as number, t, n, found, 0);
        const slot = t * bands + band;
        const laid: number[] = [];
        for (let e = buckets.start[slot] as number; e < (buckets.at[slot] as number); e++) {
          const j = buckets.members[e] as number;
          laid.push(j);
          expect([buckets.lows[e], buckets.highs[e]]).toEqual([masks[2 * j], masks[2 * j + 1]]);
        }
        expect(buckets.members[buckets.at[slot] as number]).toBe(t);
        expect(laid.reverse()).toEqual([...found.subarray(0, end)]);
      }
    }
  });
});
