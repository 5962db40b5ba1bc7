/**
 * A multimap from 32-bit keys to item numbers in typed arrays: open addressing for the keys, with each
 * slot's key, newest entry and entry count side by side (one cache line per lookup), and one linked
 * list per key through the entries. Lists are walked newest first, and a walk can be capped, which
 * bounds the work a hugely popular key (boilerplate) can cause. About 24 bytes per entry.
 */

/** Slot layout in `slots`: [key, newest entry + 1 (0 = empty), count, unused]. */
const STRIDE = 4;

export class BucketIndex {
  private slots: Int32Array;
  private mask: number;
  private slotsUsed = 0;
  private entryItem: Int32Array;
  /** Entry number + 1 of the next older entry with the same key; 0 = end. */
  private entryNext: Int32Array;
  private entries = 0;

  constructor(expectedEntries = 1024) {
    const slots = nextPowerOfTwo(Math.max(16, expectedEntries * 2));
    this.slots = new Int32Array(slots * STRIDE);
    this.mask = slots - 1;
    this.entryItem = new Int32Array(Math.max(16, expectedEntries));
    this.entryNext = new Int32Array(Math.max(16, expectedEntries));
  }

  /** Empties the index, keeping its memory (pages already touched stay warm). */
  clear(): void {
    this.slots.fill(0);
    this.slotsUsed = 0;
    this.entries = 0;
  }

  get size(): number {
    return this.entries;
  }

  /** How many entries are stored under `key`. */
  count(key: number): number {
    return this.slots[this.slotOf(key) + 2] as number;
  }

  add(key: number, item: number): void {
    this.collectAndAdd(key, item, 0, null, 0);
  }

  /**
   * Writes up to `limit` items stored under `key`, newest first, into `out` from `at`; returns the new
   * end. `out` must have room for `limit` more values.
   */
  collect(key: number, limit: number, out: Int32Array, at: number): number {
    return this.walk(this.slots[this.slotOf(key) + 1] as number, limit, out, at);
  }

  /** collect, then add `item` under `key`, with one lookup. */
  collectAndAdd(key: number, item: number, limit: number, out: Int32Array | null, at: number): number {
    if ((this.slotsUsed + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    if (this.entries === this.entryItem.length) this.growEntries();
    const slot = this.slotOf(key);
    const head = this.slots[slot + 1] as number;
    const end = out === null ? at : this.walk(head, limit, out, at);
    if (head === 0) {
      this.slots[slot] = key | 0;
      this.slotsUsed++;
    }
    this.entryItem[this.entries] = item;
    this.entryNext[this.entries] = head;
    this.entries++;
    this.slots[slot + 1] = this.entries;
    this.slots[slot + 2] = (this.slots[slot + 2] as number) + 1;
    return end;
  }

  private walk(head: number, limit: number, out: Int32Array, at: number): number {
    let entry = head;
    let end = at;
    while (entry !== 0 && end - at < limit) {
      out[end++] = this.entryItem[entry - 1] as number;
      entry = this.entryNext[entry - 1] as number;
    }
    return end;
  }

  /** The offset of the slot holding `key`, or of the empty slot where it would go (linear probing). */
  private slotOf(key: number): number {
    const k = key | 0;
    let slot = (k ^ (k >>> 16)) & this.mask;
    while (this.slots[slot * STRIDE + 1] !== 0 && this.slots[slot * STRIDE] !== k)
      slot = (slot + 1) & this.mask;
    return slot * STRIDE;
  }

  private rehash(slotCount: number): void {
    const old = this.slots;
    this.slots = new Int32Array(slotCount * STRIDE);
    this.mask = slotCount - 1;
    for (let s = 0; s < old.length; s += STRIDE) {
      if (old[s + 1] === 0) continue;
      const slot = this.slotOf(old[s] as number);
      this.slots[slot] = old[s] as number;
      this.slots[slot + 1] = old[s + 1] as number;
      this.slots[slot + 2] = old[s + 2] as number;
    }
  }

  private growEntries(): void {
    const item = new Int32Array(this.entryItem.length * 2);
    const next = new Int32Array(this.entryNext.length * 2);
    item.set(this.entryItem);
    next.set(this.entryNext);
    this.entryItem = item;
    this.entryNext = next;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
