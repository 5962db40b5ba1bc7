/**
 * Step 3 of duplicate detection: whether a candidate pair is one notice (noticeLink: similar, a part
 * of the other, or neither), including the short-substitution check and its gram lookup table.
 */
import { intersectionSize } from './grams.js';
import type { DuplicateRules, NoticeText } from './notices.js';
import { numbersContradict } from './number-signature.js';

/**
 * Membership in a set of 32-bit gram hashes by open addressing, for the many lookups one verification
 * makes into the other text's grams (faster than a binary search per gram). The table is reused from
 * call to call: a slot belongs to the current set only when it carries the current stamp, so loading a
 * set costs its size, never the table's. Gram hashes are well mixed already (grams.ts), so their
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

/**
 * Whether two texts differ by a short substitution inside them: the same passage with a few characters
 * replaced on both sides (罗书记 → 秦书记, 西苑社区 → 南桥社区, 下午2点 → 下班) — the mark of a template
 * filled in differently, not of a forwarded copy. Forwarding only adds or drops material (tags, a
 * sentence, a sign-off) or replaces the very beginning or end, which this does not count.
 *
 * Read from the 3-grams in text order: replacing k characters by m makes a run of k + 2 grams found
 * only in the first text and, between the same two shared grams, a run of m + 2 found only in the
 * second. An insertion leaves just the 2 grams spanning the joint on the other side, so runs of 3 to
 * MAX_RUN grams on both sides (1 to MAX_RUN − 2 characters replaced), each inside FLANK shared grams
 * on either side, are what counts. Linear time (hash lookups).
 */

/** Runs longer than this are rewritten passages (a different added sentence), not filled-in names. */
const MAX_RUN = 8;
const MIN_RUN = 3;
/** Shared grams required on each side of a run: the substitution lies inside common text. */
const FLANK = 3;

/**
 * Reused by every call (verification is single-threaded and never re-entered): the lookup, and the
 * flags of the two texts (0: a, 1: b), grown as needed — many thousands of pairs are verified.
 */
const lookup = new GramLookup();
const flagBuffers = [new Uint8Array(256), new Uint8Array(256)];

/**
 * `x`, `y`: the two texts' 3-gram hashes in text order (trigramHashes); `xSet`, `ySet`: the same,
 * distinct and ascending.
 */
export function hasShortSubstitution(
  x: Uint32Array,
  xSet: Uint32Array,
  y: Uint32Array,
  ySet: Uint32Array,
): boolean {
  const xOnly = exclusiveFlags(x, ySet, 0);
  let yOnly: Uint8Array | null = null;
  let start = -1;
  for (let i = 0; i <= x.length; i++) {
    if (i < x.length && xOnly[i] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    if (length >= MIN_RUN && length <= MAX_RUN && sharedFlanks(xOnly, start, i)) {
      yOnly ??= exclusiveFlags(y, xSet, 1);
      if (hasRunBetween(y, yOnly, x[start - 1] as number, x[i] as number)) return true;
    }
    start = -1;
  }
  return false;
}

/** 1 where the gram is not in `otherSet`, in scratch buffer `side`. */
function exclusiveFlags(grams: Uint32Array, otherSet: Uint32Array, side: 0 | 1): Uint8Array {
  lookup.load(otherSet);
  if ((flagBuffers[side] as Uint8Array).length < grams.length)
    flagBuffers[side] = new Uint8Array(grams.length * 2);
  const flags = (flagBuffers[side] as Uint8Array).subarray(0, grams.length);
  for (let i = 0; i < grams.length; i++) flags[i] = lookup.has(grams[i] as number) ? 0 : 1;
  return flags;
}

/**
 * Whether the run [start, end) sits inside common text: shared grams right before and after it, FLANK
 * of them or as many as there are up to the text's start or end (at least one on each side). A
 * sign-off replaced by a sentence near the end is followed by other differences, not by common text.
 */
function sharedFlanks(exclusive: Uint8Array, start: number, end: number): boolean {
  if (start === 0 || end === exclusive.length) return false;
  for (let k = 1; k <= FLANK; k++) {
    if (start - k >= 0 && exclusive[start - k] === 1) return false;
    if (end + k - 1 < exclusive.length && exclusive[end + k - 1] === 1) return false;
  }
  return true;
}

/**
 * Whether `y` has, right after gram `left`, a run of MIN_RUN…MAX_RUN grams of its own (`yOnly`) ending
 * at gram `right`, itself inside common text.
 */
function hasRunBetween(y: Uint32Array, yOnly: Uint8Array, left: number, right: number): boolean {
  for (let p = 0; p < y.length; p++) {
    if (y[p] !== left) continue;
    let q = p + 1;
    while (q < y.length && q - p - 1 <= MAX_RUN && yOnly[q] === 1) q++;
    const length = q - p - 1;
    if (
      q < y.length &&
      y[q] === right &&
      length >= MIN_RUN &&
      length <= MAX_RUN &&
      sharedFlanks(yOnly, p + 1, q)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The verification every candidate pair passes through (the LSH path and the all-pairs reference use
 * this one function, so they can only differ in which pairs they look at). Nothing links two texts
 * whose number signatures contradict (numbersContradict), or that differ by a short substitution inside
 * them (hasShortSubstitution: a template filled in with another name or place). Otherwise:
 * - 'similar' — the shorter has fewer than minContainmentLength code points and Jaccard ≥ shortJaccard,
 *   or it is longer and Jaccard ≥ jaccard: copies of one notice, a symmetric relation;
 * - 'part' — the shorter is long enough, and its containment |A ∩ B| / |A| in the larger is ≥
 *   containment: one part of a split notice, or the notice without a long added passage. Directional:
 *   a part belongs to one notice, but a generic part (a heading and a date) may lie inside several
 *   different notices, so it must never join them together (see NoticeLinker).
 */

export type NoticeLink = { kind: 'none' } | { kind: 'similar' } | { kind: 'part'; containment: number };

const NONE: NoticeLink = { kind: 'none' };
const SIMILAR: NoticeLink = { kind: 'similar' };

export function noticeLink(a: NoticeText, b: NoticeText, rules: DuplicateRules): NoticeLink {
  const small = Math.min(a.grams.length, b.grams.length);
  const large = Math.max(a.grams.length, b.grams.length);
  if (small === 0) return NONE;
  const short = Math.min(a.length, b.length) < rules.minContainmentLength;
  // Cheap rejections first: Jaccard can be at most small / large, and most look-alikes that reach
  // verification (templates) differ in their dates and numbers.
  if (short && small < rules.shortJaccard * large) return NONE;
  if (numbersContradict(a.numbers, b.numbers)) return NONE;
  const shared = intersectionSize(a.grams, b.grams);
  const jaccard = shared / (a.grams.length + b.grams.length - shared);
  const containment = shared / small;
  const similar = jaccard >= (short ? rules.shortJaccard : rules.jaccard);
  if (!similar && (short || containment < rules.containment)) return NONE;
  // The last and dearest test, for the few pairs that get this far: a filled-in template. It needs
  // grams of its own on both sides, so a text whose grams all lie in the other's passes at once.
  const substitutable = shared < a.grams.length && shared < b.grams.length;
  if (substitutable && hasShortSubstitution(a.ordered, a.grams, b.ordered, b.grams)) return NONE;
  return similar ? SIMILAR : { kind: 'part', containment };
}
