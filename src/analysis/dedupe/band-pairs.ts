/**
 * Candidate pairs from MinHash/LSH (see link-by-fingerprints.ts): each text's signature is cut into
 * band keys, and a text meets the maxBucketScan newest earlier texts of its bucket in each band.
 */
import { BandBuckets } from './band-buckets.js';
import type { CandidatePairs } from './candidate-pairs.js';
import { LSH_BANDS, lshBandKeys } from './lsh-band-keys.js';
import { MINHASH_PERMUTATIONS, minhashSignature } from './minhash.js';
import type { NoticeText } from './notice-text.js';
import { numbersContradict } from './number-signature.js';

/**
 * Pairs of texts sharing an LSH bucket: for each text, the `scan` newest earlier texts of its bucket in
 * each band. Texts are walked one by one over all bands, so a pair met in several bands is tested once
 * (a per-text stamp), and only pairs whose numbers do not contradict are kept: the mask words reject
 * almost all template siblings, the signatures decide the rest.
 */
export function bandPairs(
  texts: readonly NoticeText[],
  masks: Int32Array,
  scan: number,
  pairs: CandidatePairs,
): void {
  const n = texts.length;
  const keys = new Uint32Array(n * LSH_BANDS);
  const signature = new Uint32Array(MINHASH_PERMUTATIONS);
  for (let t = 0; t < n; t++) {
    minhashSignature((texts[t] as NoticeText).grams, signature);
    lshBandKeys(signature, keys, t * LSH_BANDS);
  }
  const { members, lows, highs, start, at } = new BandBuckets(keys, masks, n, LSH_BANDS);
  const seenBy = new Int32Array(n).fill(-1);
  for (let t = 0; t < n; t++) {
    const numbers = (texts[t] as NoticeText).numbers;
    const low = masks[2 * t] as number;
    const high = masks[2 * t + 1] as number;
    for (let slot = t * LSH_BANDS; slot < (t + 1) * LSH_BANDS; slot++) {
      const end = at[slot] as number;
      for (let e = Math.max(start[slot] as number, end - scan); e < end; e++) {
        // masksContradict, inlined: the words are read in memory order.
        const otherLow = lows[e] as number;
        const otherHigh = highs[e] as number;
        if (
          ((low & ~otherLow) | (high & ~otherHigh)) !== 0 &&
          ((otherLow & ~low) | (otherHigh & ~high)) !== 0
        )
          continue;
        const j = members[e] as number;
        if (seenBy[j] === t) continue;
        seenBy[j] = t;
        if (!numbersContradict((texts[j] as NoticeText).numbers, numbers)) pairs.add(j, t);
      }
    }
  }
}
