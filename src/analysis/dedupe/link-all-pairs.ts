/**
 * The O(n²) reference for linkByFingerprints: verifies every pair of text items with the same
 * noticeLink and clusters them with the same NoticeLinker. Only for tests and the benchmark's
 * comparison; never used on a real week.
 */
import type { UnionFind } from './cluster-union-find.js';
import type { DuplicateRules } from './notice-key.js';
import { NoticeLinker } from './notice-linker.js';
import type { NoticeTable } from './notice-table.js';

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
