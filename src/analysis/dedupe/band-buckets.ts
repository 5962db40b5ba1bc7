/**
 * The LSH buckets of every band laid out flat, for walking text by text: per band, the texts of each
 * bucket side by side in ascending text order, and for each text the range of its bucket that comes
 * before it. The `scan` newest earlier texts of t's bucket in a band are then one contiguous slice —
 * the same texts a BucketIndex walk (newest first, capped) returns, read without chasing a list.
 * Buckets are exact key equality within a band, as in BucketIndex.
 *
 * Each entry carries its text's two number-mask words (number-masks.ts) in arrays of their own, in
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
