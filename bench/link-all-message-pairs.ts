/**
 * The naive baseline of issue 6 — "an all-pairs comparison" of the sample's messages: every pair of
 * notice-candidate messages is verified with the detector's own noticeLink and clustered with the
 * same NoticeLinker. Two concessions keep it from being a straw man: copies of one identical text
 * share an item and are never compared (they are one text), and pairs already in one cluster are
 * skipped, exactly as the distinct-text reference (linkAllPairs, src/analysis/dedupe/find-duplicates.ts) does.
 * What stays is the quadratic term in messages that a straightforward implementation pays; the
 * benchmark reports the speedup against it and against all pairs of distinct texts, side by side.
 */
import type { UnionFind } from '../src/analysis/dedupe/cluster.js';
import { NoticeLinker } from '../src/analysis/dedupe/cluster.js';
import type { DuplicateRules, NoticeTable } from '../src/analysis/dedupe/notices.js';

export function linkAllMessagePairs(table: NoticeTable, rules: DuplicateRules): UnionFind {
  const linker = new NoticeLinker(table.kinds.length);
  for (const [a, b] of table.aliases) linker.similar(a, b);
  const items: number[] = [];
  for (const item of table.itemOf) if (item >= 0) items.push(item);
  for (let m = 0; m < items.length; m++) {
    for (let n = 0; n < m; n++) {
      // Each pair is verified as the distinct-text reference verifies it: earlier item first.
      const i = Math.max(items[m] as number, items[n] as number);
      const j = Math.min(items[m] as number, items[n] as number);
      const a = table.texts[i];
      const b = table.texts[j];
      if (i === j || !a || !b || linker.joined(i, j)) continue;
      linker.verify(j, b, i, a, rules);
    }
  }
  return linker.finish();
}
