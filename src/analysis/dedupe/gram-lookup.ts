/**
 * Membership in a set of 32-bit gram hashes by open addressing, for the many lookups one verification
 * makes into the other text's grams (faster than a binary search per gram). The table is reused from
 * call to call: a slot belongs to the current set only when it carries the current stamp, so loading a
 * set costs its size, never the table's. Gram hashes are well mixed already (char-ngrams.ts), so their
 * low bits serve as the slot.
 */
export class GramLookup {
  private keys = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private stamp = 0;
  private mask = 0;

  /** Makes `set` (distinct values) the set that `has` answers for. */
  load(set: Uint32Array): void {
    let slots = 16;
    while (slots < set.length * 2) slots *= 2;
    if (slots > this.keys.length) {
      this.keys = new Int32Array(slots);
      this.stamps = new Int32Array(slots);
      this.stamp = 0;
    }
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.mask = slots - 1;
    const stamp = this.stamp;
    for (let i = 0; i < set.length; i++) {
      const value = (set[i] as number) | 0;
      let slot = value & this.mask;
      while (this.stamps[slot] === stamp) slot = (slot + 1) & this.mask;
      this.stamps[slot] = stamp;
      this.keys[slot] = value;
    }
  }

  has(gram: number): boolean {
    const value = gram | 0;
    let slot = value & this.mask;
    while (this.stamps[slot] === this.stamp) {
      if (this.keys[slot] === value) return true;
      slot = (slot + 1) & this.mask;
    }
    return false;
  }
}
