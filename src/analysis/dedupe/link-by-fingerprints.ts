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
 * (two mask words, number-masks.ts, and the signatures only when the words cannot tell). Distinct
 * surviving pairs are then verified, skipping pairs already joined, and clustered by NoticeLinker.
 * Exact copies share an item already (notice-table.ts).
 *
 * Which pairs are proposed is a property of each pair alone (shared buckets within the scan window,
 * shared anchors, sizes, numbers), and NoticeLinker's outcome does not depend on the order of links, so
 * the walks may go in whatever order is fastest.
 */
import { anchorPairs } from './anchor-pairs.js';
import { bandPairs } from './band-pairs.js';
import { CandidatePairs, MAX_TEXTS } from './candidate-pairs.js';
import type { UnionFind } from './cluster-union-find.js';
import type { DuplicateRules } from './notice-key.js';
import { NoticeLinker } from './notice-linker.js';
import type { NoticeTable } from './notice-table.js';
import type { NoticeText } from './notice-text.js';
import { numberMasks } from './number-masks.js';

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
  const masks = numberMasks(texts);
  bandPairs(texts, masks, rules.maxBucketScan, pairs);
  anchorPairs(texts, masks, rules, pairs);
  pairs.forEachDistinct((earlier, later) => {
    const a = itemOfText[earlier] as number;
    const b = itemOfText[later] as number;
    if (linker.joined(a, b)) return;
    linker.verify(a, texts[earlier] as NoticeText, b, texts[later] as NoticeText, rules);
  });
  return linker.finish();
}
