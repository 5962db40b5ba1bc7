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
import { GramLookup } from './gram-lookup.js';

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
