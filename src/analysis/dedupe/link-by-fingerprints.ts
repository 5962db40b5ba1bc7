/**
 * Links the text items of a notice table that verify as one notice (noticeLink), looking only at
 * candidate pairs, never at all pairs:
 * - MinHash (128 functions) over each text's 3-grams, LSH with 32 bands × 4 rows: finds pairs of high
 *   Jaccard similarity. Each band's bucket is walked newest first, at most maxBucketScan entries.
 * - Winnowing anchors (texts ≥ minContainmentLength): finds pairs of clearly different sizes sharing
 *   ≥ 2 informative anchors (fewer only when a text has fewer), i.e. long common substrings — a part of
 *   a split notice inside the full text, whose Jaccard is low. An anchor held by more than
 *   maxBucketScan texts of the week is boilerplate, not informative, and ignored.
 * Recurring templates (meeting notices, rosters) fill buckets with look-alikes that differ in dates and
 * numbers; a pair whose numbers contradict can never verify, so it is dropped the moment it is proposed
 * (a comparison of a few hashes). Distinct surviving pairs are then verified, skipping pairs already
 * joined, and clustered by NoticeLinker. Exact copies share an item already (notice-table.ts).
 */
import { BucketIndex } from './bucket-index.js';
import { CandidatePairs, MAX_TEXTS } from './candidate-pairs.js';
import { trigramHashes } from './char-ngrams.js';
import type { UnionFind } from './cluster-union-find.js';
import { LSH_BANDS, lshBandKeys } from './lsh-band-keys.js';
import { MINHASH_PERMUTATIONS, minhashSignature } from './minhash.js';
import type { DuplicateRules } from './notice-key.js';
import { noticeLink } from './notice-link.js';
import { NoticeLinker } from './notice-linker.js';
import type { NoticeTable } from './notice-table.js';
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

/** Pairs of texts sharing an LSH bucket, processed band by band over one small reused index. */
function bandPairs(texts: NoticeText[], scan: number, pairs: CandidatePairs): void {
  const n = texts.length;
  const keys = new Uint32Array(n * LSH_BANDS);
  const signature = new Uint32Array(MINHASH_PERMUTATIONS);
  for (let t = 0; t < n; t++) {
    minhashSignature((texts[t] as NoticeText).grams, signature);
    lshBandKeys(signature, keys, t * LSH_BANDS);
  }
  const index = new BucketIndex(n);
  const found = new Int32Array(scan);
  for (let band = 0; band < LSH_BANDS; band++) {
    if (band > 0) index.clear();
    for (let t = 0; t < n; t++) {
      const end = index.collectAndAdd(keys[t * LSH_BANDS + band] as number, t, scan, found, 0);
      const numbers = (texts[t] as NoticeText).numbers;
      for (let k = 0; k < end; k++) {
        const j = found[k] as number;
        if (!numbersContradict((texts[j] as NoticeText).numbers, numbers)) pairs.add(j, t);
      }
    }
  }
}

/** Pairs of long texts of clearly different sizes sharing enough informative anchors. */
function anchorPairs(texts: NoticeText[], rules: DuplicateRules, pairs: CandidatePairs): void {
  const n = texts.length;
  const scan = rules.maxBucketScan;
  const anchorsOf: (Uint32Array | null)[] = texts.map((text) =>
    text.length >= rules.minContainmentLength ? winnowAnchors(trigramHashes(text.normalised)) : null,
  );
  let total = 0;
  for (const anchors of anchorsOf) total += anchors?.length ?? 0;
  const counts = new BucketIndex(total);
  for (let t = 0; t < n; t++) for (const anchor of anchorsOf[t] ?? []) counts.add(anchor, t);

  const informative = new Int32Array(n);
  const hitBy = new Int32Array(n).fill(-1);
  const hits = new Int32Array(n);
  const hit: number[] = [];
  const index = new BucketIndex(total);
  const found = new Int32Array(scan);
  for (let t = 0; t < n; t++) {
    const anchors = anchorsOf[t];
    if (!anchors) continue;
    hit.length = 0;
    for (const anchor of anchors) {
      if (counts.count(anchor) > scan) continue;
      informative[t] = (informative[t] as number) + 1;
      const end = index.collectAndAdd(anchor, t, scan, found, 0);
      for (let k = 0; k < end; k++) {
        const j = found[k] as number;
        if (hitBy[j] !== t) {
          hitBy[j] = t;
          hits[j] = 0;
          hit.push(j);
        }
        hits[j] = (hits[j] as number) + 1;
      }
    }
    const text = texts[t] as NoticeText;
    for (const j of hit) {
      const needed = Math.min(SHARED_ANCHORS, informative[j] as number, informative[t] as number);
      if ((hits[j] as number) < needed) continue;
      const other = texts[j] as NoticeText;
      const small = Math.min(text.grams.length, other.grams.length);
      const large = Math.max(text.grams.length, other.grams.length);
      if (small < SIMILAR_SIZES * large && !numbersContradict(other.numbers, text.numbers)) pairs.add(j, t);
    }
  }
}

export function linkByFingerprints(table: NoticeTable, rules: DuplicateRules): UnionFind {
  const linker = new NoticeLinker(table.kinds.length);
  for (const [a, b] of table.aliases) linker.similar(a, b);
  const itemOfText: number[] = [];
  const texts: NoticeText[] = [];
  table.texts.forEach((text, item) => {
    if (!text) return;
    itemOfText.push(item);
    texts.push(text);
  });
  if (texts.length > MAX_TEXTS) throw new RangeError(`too many distinct texts: ${texts.length}`);
  const pairs = new CandidatePairs();
  bandPairs(texts, rules.maxBucketScan, pairs);
  anchorPairs(texts, rules, pairs);
  pairs.forEachDistinct((earlier, later) => {
    const a = itemOfText[earlier] as number;
    const b = itemOfText[later] as number;
    if (linker.joined(a, b)) return;
    const x = texts[earlier] as NoticeText;
    const y = texts[later] as NoticeText;
    const link = noticeLink(x, y, rules);
    if (link.kind === 'similar') linker.similar(a, b);
    else if (link.kind === 'part') {
      if (y.grams.length < x.grams.length) linker.part(b, a, link.containment);
      else linker.part(a, b, link.containment);
    }
  });
  return linker.finish();
}
