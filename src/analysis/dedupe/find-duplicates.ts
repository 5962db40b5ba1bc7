/**
 * The duplicate-detection pipeline: notice table, candidates (bands and anchors), verification and
 * clustering, and the all-pairs reference that must find the same sets.
 */

import type { Config } from '../../config/schema.js';
import type { StoredMessage } from '../../model/message.js';
import { anchorPairs } from './anchors.js';
import { bandPairs, CandidatePairs, MAX_TEXTS, numberMasks } from './candidates.js';
import { type DuplicateSet, duplicateSets, NoticeLinker, type UnionFind } from './cluster.js';
import { buildNoticeTable, type DuplicateRules, type NoticeTable, type NoticeText } from './notices.js';

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
 * (two mask words, numberMasks in candidates.ts, and the signatures only when the words cannot tell). Distinct
 * surviving pairs are then verified, skipping pairs already joined, and clustered by NoticeLinker.
 * Exact copies share an item already (buildNoticeTable, notices.ts).
 *
 * Which pairs are proposed is a property of each pair alone (shared buckets within the scan window,
 * shared anchors, sizes, numbers), and NoticeLinker's outcome does not depend on the order of links, so
 * the walks may go in whatever order is fastest.
 */

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

/**
 * The O(n²) reference for linkByFingerprints: verifies every pair of text items with the same
 * noticeLink and clusters them with the same NoticeLinker. Only for tests and the benchmark's
 * comparison; never used on a real week.
 */

export function linkAllPairs(table: NoticeTable, rules: DuplicateRules): UnionFind {
  const linker = new NoticeLinker(table.kinds.length);
  for (const [a, b] of table.aliases) linker.similar(a, b);
  for (let i = 0; i < table.texts.length; i++) {
    const a = table.texts[i];
    if (!a) continue;
    for (let j = 0; j < i; j++) {
      const b = table.texts[j];
      if (!b || linker.joined(i, j)) continue;
      linker.verify(j, b, i, a, rules);
    }
  }
  return linker.finish();
}

/**
 * The duplicate-notice sets of a list of messages (a week, time-sorted), by fingerprints — and the
 * all-pairs reference that must find the same sets (the benchmark compares the two).
 */

export function findDuplicates(messages: readonly StoredMessage[], config: Config): DuplicateSet[] {
  const rules = config.analysis.duplicates;
  const table = buildNoticeTable(messages, rules);
  return duplicateSets(table, linkByFingerprints(table, rules));
}

/** O(n²) over distinct texts: same normalisation and verification, every pair compared. */
export function findDuplicatesAllPairs(messages: readonly StoredMessage[], config: Config): DuplicateSet[] {
  const rules = config.analysis.duplicates;
  const table = buildNoticeTable(messages, rules);
  return duplicateSets(table, linkAllPairs(table, rules));
}
