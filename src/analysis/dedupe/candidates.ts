/**
 * Step 2 of duplicate detection, by similarity: candidate pairs from MinHash signatures and LSH bands,
 * with the number prefilter that drops template look-alikes the moment they are proposed, and the
 * packed list the pairs are collected in (shared with anchors.ts).
 */

import { mix32 } from './grams.js';
import type { NoticeText } from './notices.js';
import { numbersContradict } from './number-signature.js';

/**
 * A growing list of candidate pairs (earlier, later) of dense text numbers, each packed into one
 * float64 as later · 2²⁶ + earlier (exact for up to 2²⁶ texts), so the list sorts natively and
 * repeated pairs end up side by side.
 */
const SHIFT = 2 ** 26;

export const MAX_TEXTS = SHIFT;

export class CandidatePairs {
  private packed = new Float64Array(1024);
  private length = 0;

  get size(): number {
    return this.length;
  }

  add(earlier: number, later: number): void {
    if (this.length === this.packed.length) {
      const grown = new Float64Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    this.packed[this.length++] = later * SHIFT + earlier;
  }

  /**
   * Sorts the pairs (by later, then earlier) and calls `visit` once per distinct pair with the number
   * of times it was added.
   */
  forEachDistinct(visit: (earlier: number, later: number, times: number) => void): void {
    const sorted = this.packed.subarray(0, this.length).sort();
    let k = 0;
    while (k < sorted.length) {
      const value = sorted[k] as number;
      let end = k + 1;
      while (end < sorted.length && sorted[end] === value) end++;
      const later = Math.floor(value / SHIFT);
      visit(value - later * SHIFT, later, end - k);
      k = end;
    }
  }
}

/**
 * A prefilter for numbersContradict: each text's number tokens (signatureKeys hashes) as two 32-bit
 * Bloom words, one bit per token in each. A token whose bit is missing from the other text's word is
 * surely missing from the other text, so when each text has such a token the two contradict — proven
 * without reading the signatures. When the words do not prove it (equal or nested bit sets, or bits
 * shared by chance), the exact numbersContradict must decide; the filter never changes an answer.
 * Template siblings in one LSH bucket differ in their dates, which the words almost always show.
 */

/** Word 0 of text t at 2t, word 1 at 2t + 1. */
export function numberMasks(texts: readonly NoticeText[]): Int32Array {
  const masks = new Int32Array(texts.length * 2);
  texts.forEach((text, t) => {
    let low = 0;
    let high = 0;
    for (const key of text.numbers) {
      low |= 1 << (key & 31);
      high |= 1 << ((key >>> 11) & 31);
    }
    masks[2 * t] = low;
    masks[2 * t + 1] = high;
  });
  return masks;
}

/** True when the words of texts i and j prove that their numbers contradict. */
export function masksContradict(masks: Int32Array, i: number, j: number): boolean {
  const iLow = masks[2 * i] as number;
  const iHigh = masks[2 * i + 1] as number;
  const jLow = masks[2 * j] as number;
  const jHigh = masks[2 * j + 1] as number;
  return ((iLow & ~jLow) | (iHigh & ~jHigh)) !== 0 && ((jLow & ~iLow) | (jHigh & ~iHigh)) !== 0;
}

/**
 * MinHash signatures with 128 hash functions over a set of 32-bit gram hashes: the share of equal
 * positions in two signatures estimates the sets' Jaccard similarity. The gram hashes are already
 * well mixed (grams.ts), so each function is an affine map x → a·x + b (mod 2³², a odd), a
 * permutation of the 32-bit values; the coefficients come from a fixed seed, so signatures are
 * reproducible across runs and processes.
 */

export const MINHASH_PERMUTATIONS = 128;

/** splitmix32: a tiny deterministic generator, enough to draw the coefficients. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

const next = generator(0x5eed_0047);
const MUL = new Int32Array(MINHASH_PERMUTATIONS);
/** The additive coefficients with their top bit flipped (see minhashSignature). */
const ADD = new Int32Array(MINHASH_PERMUTATIONS);
for (let p = 0; p < MINHASH_PERMUTATIONS; p++) {
  MUL[p] = next() | 1;
  ADD[p] = next() ^ 0x80000000;
}

/** Writes the signature of `grams` (any order, duplicates harmless) into `out` (length 128). */
export function minhashSignature(grams: Uint32Array, out: Uint32Array): void {
  // Read as signed 32-bit: the same bits, but V8 keeps int32 values unboxed (uint32 above 2³¹ are not).
  const x = new Int32Array(grams.buffer, grams.byteOffset, grams.length);
  const n = x.length;
  // Values are offset by 2³¹ (the top bit flipped, folded into ADD) so that signed comparison orders
  // them as unsigned. Eight functions per pass over the grams, with branchless minima: independent
  // chains the CPU overlaps (about 4× faster than one function at a time, 20% faster than four).
  for (let p = 0; p < MINHASH_PERMUTATIONS; p += 8) {
    const a0 = MUL[p] as number;
    const a1 = MUL[p + 1] as number;
    const a2 = MUL[p + 2] as number;
    const a3 = MUL[p + 3] as number;
    const a4 = MUL[p + 4] as number;
    const a5 = MUL[p + 5] as number;
    const a6 = MUL[p + 6] as number;
    const a7 = MUL[p + 7] as number;
    const b0 = ADD[p] as number;
    const b1 = ADD[p + 1] as number;
    const b2 = ADD[p + 2] as number;
    const b3 = ADD[p + 3] as number;
    const b4 = ADD[p + 4] as number;
    const b5 = ADD[p + 5] as number;
    const b6 = ADD[p + 6] as number;
    const b7 = ADD[p + 7] as number;
    let m0 = 0x7fffffff;
    let m1 = 0x7fffffff;
    let m2 = 0x7fffffff;
    let m3 = 0x7fffffff;
    let m4 = 0x7fffffff;
    let m5 = 0x7fffffff;
    let m6 = 0x7fffffff;
    let m7 = 0x7fffffff;
    for (let g = 0; g < n; g++) {
      const v = x[g] as number;
      m0 = Math.min((Math.imul(v, a0) + b0) | 0, m0);
      m1 = Math.min((Math.imul(v, a1) + b1) | 0, m1);
      m2 = Math.min((Math.imul(v, a2) + b2) | 0, m2);
      m3 = Math.min((Math.imul(v, a3) + b3) | 0, m3);
      m4 = Math.min((Math.imul(v, a4) + b4) | 0, m4);
      m5 = Math.min((Math.imul(v, a5) + b5) | 0, m5);
      m6 = Math.min((Math.imul(v, a6) + b6) | 0, m6);
      m7 = Math.min((Math.imul(v, a7) + b7) | 0, m7);
    }
    out[p] = (m0 ^ 0x80000000) >>> 0;
    out[p + 1] = (m1 ^ 0x80000000) >>> 0;
    out[p + 2] = (m2 ^ 0x80000000) >>> 0;
    out[p + 3] = (m3 ^ 0x80000000) >>> 0;
    out[p + 4] = (m4 ^ 0x80000000) >>> 0;
    out[p + 5] = (m5 ^ 0x80000000) >>> 0;
    out[p + 6] = (m6 ^ 0x80000000) >>> 0;
    out[p + 7] = (m7 ^ 0x80000000) >>> 0;
  }
}

/** Share of equal positions: the signatures' estimate of Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let p = 0; p < MINHASH_PERMUTATIONS; p++) if (a[p] === b[p]) equal++;
  return equal / MINHASH_PERMUTATIONS;
}

/**
 * LSH banding: the 128-value MinHash signature is cut into 32 bands of 4 rows, each band hashed to one
 * 32-bit key that also encodes the band's number, so all bands can share one index. Two texts become
 * candidates when any band key is equal: probability 1 − (1 − J⁴)³² for Jaccard J (J = 0.6 → 0.988,
 * 0.7 → 0.9995, 0.4 → 0.56, 0.2 → 0.05).
 */

export const LSH_BANDS = 32;
export const LSH_ROWS = MINHASH_PERMUTATIONS / LSH_BANDS;

/** Writes the 32 band keys of `signature` into `out` from `offset`. */
export function lshBandKeys(signature: Uint32Array, out: Uint32Array, offset = 0): void {
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    const base = band * LSH_ROWS;
    for (let row = 0; row < LSH_ROWS; row++) {
      h = mix32(h ^ (signature[base + row] as number));
    }
    out[offset + band] = h;
  }
}

/**
 * The LSH buckets of every band laid out flat, for walking text by text: per band, the texts of each
 * bucket side by side in ascending text order, and for each text the range of its bucket that comes
 * before it. The `scan` newest earlier texts of t's bucket in a band are then one contiguous slice —
 * the same texts a BucketIndex walk (newest first, capped) returns, read without chasing a list.
 * Buckets are exact key equality within a band, as in BucketIndex.
 *
 * Each entry carries its text's two number-mask words (numberMasks above) in arrays of their own, in
 * entry order, so the walk rejects contradicting template siblings reading memory in order.
 */

export class BandBuckets {
  /** Band b's entries from b·n: texts grouped by bucket, ascending within each. */
  readonly members: Int32Array;
  /** Per entry: its text's mask words 0 and 1. */
  readonly lows: Int32Array;
  readonly highs: Int32Array;
  /** At t·bands + b (a text's bands side by side): the entry number where t's bucket starts. */
  readonly start: Int32Array;
  /** At t·bands + b: t's own entry number (its earlier bucket-mates lie in [start, at)). */
  readonly at: Int32Array;

  /** `keys`: band keys of text t at t·bands + b (lshBandKeys); `masks`: numberMasks. */
  constructor(keys: Uint32Array, masks: Int32Array, n: number, bands: number) {
    this.members = new Int32Array(n * bands);
    this.lows = new Int32Array(n * bands);
    this.highs = new Int32Array(n * bands);
    const { members, lows, highs } = this;
    this.start = new Int32Array(n * bands);
    this.at = new Int32Array(n * bands);
    const bucketOf = new Int32Array(n);
    const counts = new Int32Array(n + 1);
    // Key → bucket number by open addressing; a slot is in use in this band when it carries the band's
    // stamp, so no clearing between bands. Band keys are well mixed: their low bits are the slot.
    let slots = 16;
    while (slots < n * 2) slots *= 2;
    const mask = slots - 1;
    const slotKey = new Int32Array(slots);
    const slotBucket = new Int32Array(slots);
    const slotBand = new Int32Array(slots);
    for (let band = 0; band < bands; band++) {
      let buckets = 0;
      for (let t = 0; t < n; t++) {
        const key = (keys[t * bands + band] as number) | 0;
        let slot = key & mask;
        while (slotBand[slot] === band + 1 && slotKey[slot] !== key) slot = (slot + 1) & mask;
        if (slotBand[slot] !== band + 1) {
          slotBand[slot] = band + 1;
          slotKey[slot] = key;
          slotBucket[slot] = buckets++;
        }
        bucketOf[t] = slotBucket[slot] as number;
      }
      // counts[k] becomes the first entry of bucket k, then the next free entry in it.
      counts.fill(0, 0, buckets + 1);
      for (let t = 0; t < n; t++) {
        const next = (bucketOf[t] as number) + 1;
        counts[next] = (counts[next] as number) + 1;
      }
      for (let k = 1; k <= buckets; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
      const base = band * n;
      const firsts = counts.slice(0, buckets);
      for (let t = 0; t < n; t++) {
        const bucket = bucketOf[t] as number;
        const entry = base + (counts[bucket] as number);
        counts[bucket] = (counts[bucket] as number) + 1;
        members[entry] = t;
        lows[entry] = masks[2 * t] as number;
        highs[entry] = masks[2 * t + 1] as number;
        this.start[t * bands + band] = base + (firsts[bucket] as number);
        this.at[t * bands + band] = entry;
      }
    }
  }
}

/**
 * Candidate pairs from MinHash/LSH (see linkByFingerprints, find-duplicates.ts): each text's signature is cut into
 * band keys, and a text meets the maxBucketScan newest earlier texts of its bucket in each band.
 */

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
