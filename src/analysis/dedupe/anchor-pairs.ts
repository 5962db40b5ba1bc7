/**
 * Pairs of long texts (≥ minContainmentLength) of clearly different sizes sharing enough informative
 * winnowing anchors (winnow-anchors.ts), i.e. long common substrings: a part of a split notice inside
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
import { BucketIndex } from './bucket-index.js';
import type { CandidatePairs } from './candidate-pairs.js';
import type { DuplicateRules } from './notice-key.js';
import type { NoticeText } from './notice-text.js';
import { numbersContradict } from './number-signature.js';
import { winnowAnchors } from './winnow-anchors.js';

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
