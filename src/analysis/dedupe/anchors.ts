/**
 * Step 2 of duplicate detection, by containment: candidate pairs of clearly different sizes that share
 * winnowing anchors (a part of a split notice inside the full text), found through a bucket index.
 */

import type { CandidatePairs } from './candidates.js';
import { distinctSorted } from './grams.js';
import type { DuplicateRules, NoticeText } from './notices.js';
import { numbersContradict } from './number-signature.js';

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003) over the ordered 3-gram hashes: in every window of
 * `window` consecutive grams the smallest hash (rightmost on ties) is an anchor. Any two texts sharing a
 * substring of at least window + 2 characters share an anchor, whatever surrounds it — which is what
 * finds a part of a split notice inside the full text, where Jaccard (and so MinHash LSH) is low.
 * Texts with fewer grams than a window get their smallest hash as the one anchor.
 */

export const ANCHOR_WINDOW = 16;

/** Distinct anchors, ascending. */
export function winnowAnchors(grams: Uint32Array, window = ANCHOR_WINDOW): Uint32Array {
  const n = grams.length;
  if (n === 0) return new Uint32Array(0);
  const picked: number[] = [];
  if (n <= window) {
    let min = grams[0] as number;
    for (let i = 1; i < n; i++) min = Math.min(min, grams[i] as number);
    picked.push(min);
  } else {
    let minAt = -1;
    for (let end = window - 1; end < n; end++) {
      const start = end - window + 1;
      if (minAt < start) {
        // The previous minimum left the window: rescan it (amortised O(1) for random hashes).
        minAt = start;
        for (let i = start + 1; i <= end; i++)
          if ((grams[i] as number) <= (grams[minAt] as number)) minAt = i;
        picked.push(grams[minAt] as number);
      } else if ((grams[end] as number) <= (grams[minAt] as number)) {
        minAt = end;
        picked.push(grams[minAt] as number);
      }
    }
  }
  return distinctSorted(Uint32Array.from(picked));
}

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

/**
 * Pairs of long texts (≥ minContainmentLength) of clearly different sizes sharing enough informative
 * winnowing anchors (winnowAnchors above), i.e. long common substrings: a part of a split notice inside
 * the full text, whose Jaccard is low. An anchor held by more than maxBucketScan texts of the week is
 * boilerplate, not informative, and ignored. A pair must share ≥ 2 informative anchors, fewer only
 * when one of the texts has fewer.
 *
 * Each informative anchor's texts are laid out side by side in ascending order, each entry with its
 * text's size and number-mask words, so the pairs that can never be proposed — similar sizes, or
 * numbers the masks prove contradicting — are passed over reading memory in order, before any
 * counting. Which pairs are proposed depends only on the pair (shared anchors, sizes, numbers), not on
 * the order of the walk.
 */

/** Anchors two long texts must share to be compared (fewer when a text has fewer). */
const SHARED_ANCHORS = 2;

/**
 * Anchors only propose pairs of clearly different sizes (the smaller under 90% of the larger): a text
 * contained (≥ 0.85) in one of similar size has Jaccard ≥ 0.67, which LSH finds with probability
 * ≥ 0.999; skipping those pairs spares re-proposing every pair of same-sized template siblings.
 */
const SIMILAR_SIZES = 0.9;

/** Entry layout: [text, distinct grams, mask word 0, mask word 1]. */
const ENTRY = 4;

export function anchorPairs(
  texts: readonly NoticeText[],
  masks: Int32Array,
  rules: DuplicateRules,
  pairs: CandidatePairs,
): void {
  const n = texts.length;
  const anchorsOf: (Uint32Array | null)[] = texts.map((text) =>
    text.length >= rules.minContainmentLength ? winnowAnchors(text.ordered) : null,
  );
  let total = 0;
  for (const anchors of anchorsOf) total += anchors?.length ?? 0;

  // Number the distinct anchors (in order of first appearance) and count their texts.
  const index = new BucketIndex(total);
  const anchorOf = new Int32Array(total);
  const counts = new Int32Array(total + 1);
  const previous = new Int32Array(1);
  let distinct = 0;
  let occurrence = 0;
  for (const anchors of anchorsOf) {
    for (const anchor of anchors ?? []) {
      const found = index.collectAndAdd(anchor, occurrence, 1, previous, 0);
      const id = found === 0 ? distinct++ : (anchorOf[previous[0] as number] as number);
      anchorOf[occurrence++] = id;
      counts[id + 1] = (counts[id + 1] as number) + 1;
    }
  }
  const held = counts.slice(1, distinct + 1);
  const informative = new Int32Array(n);
  occurrence = 0;
  anchorsOf.forEach((anchors, t) => {
    for (let k = 0; k < (anchors?.length ?? 0); k++) {
      if ((held[anchorOf[occurrence++] as number] as number) <= rules.maxBucketScan)
        informative[t] = (informative[t] as number) + 1;
    }
  });

  // counts[id] becomes the first entry of anchor id, then the next free entry of it.
  for (let id = 1; id <= distinct; id++) counts[id] = (counts[id] as number) + (counts[id - 1] as number);
  const firsts = counts.slice(0, distinct);
  const entries = new Int32Array(total * ENTRY);
  const hitBy = new Int32Array(n).fill(-1);
  const hits = new Int32Array(n);
  const hit: number[] = [];
  occurrence = 0;
  for (let t = 0; t < n; t++) {
    const anchors = anchorsOf[t];
    if (!anchors) continue;
    const size = (texts[t] as NoticeText).grams.length;
    const low = masks[2 * t] as number;
    const high = masks[2 * t + 1] as number;
    hit.length = 0;
    for (let k = 0; k < anchors.length; k++) {
      const id = anchorOf[occurrence++] as number;
      if ((held[id] as number) > rules.maxBucketScan) continue;
      const own = counts[id] as number;
      counts[id] = own + 1;
      entries[own * ENTRY] = t;
      entries[own * ENTRY + 1] = size;
      entries[own * ENTRY + 2] = low;
      entries[own * ENTRY + 3] = high;
      // Walk the earlier texts with this anchor (all of them: an informative anchor has few).
      for (let e = (firsts[id] as number) * ENTRY; e < own * ENTRY; e += ENTRY) {
        const otherSize = entries[e + 1] as number;
        if (Math.min(size, otherSize) >= SIMILAR_SIZES * Math.max(size, otherSize)) continue;
        const otherLow = entries[e + 2] as number;
        const otherHigh = entries[e + 3] as number;
        if (
          ((low & ~otherLow) | (high & ~otherHigh)) !== 0 &&
          ((otherLow & ~low) | (otherHigh & ~high)) !== 0
        )
          continue;
        const j = entries[e] as number;
        if (hitBy[j] !== t) {
          hitBy[j] = t;
          hits[j] = 0;
          hit.push(j);
        }
        hits[j] = (hits[j] as number) + 1;
      }
    }
    for (const j of hit) {
      const needed = Math.min(SHARED_ANCHORS, informative[j] as number, informative[t] as number);
      if ((hits[j] as number) < needed) continue;
      if (!numbersContradict((texts[j] as NoticeText).numbers, (texts[t] as NoticeText).numbers))
        pairs.add(j, t);
    }
  }
}
