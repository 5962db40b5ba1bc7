/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003) over the ordered 3-gram hashes: in every window of
 * `window` consecutive grams the smallest hash (rightmost on ties) is an anchor. Any two texts sharing a
 * substring of at least window + 2 characters share an anchor, whatever surrounds it — which is what
 * finds a part of a split notice inside the full text, where Jaccard (and so MinHash LSH) is low.
 * Texts with fewer grams than a window get their smallest hash as the one anchor.
 */
import { distinctSorted } from './char-ngrams.js';

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
