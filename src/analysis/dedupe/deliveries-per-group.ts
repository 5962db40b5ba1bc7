/**
 * How many times one notice was delivered to each group it reached. Every copy is a delivery, except
 * the next part of a split notice: a text copy from the same sender as the previous copy in that group,
 * at most splitPartMinutes later, that is not itself similar to it (Jaccard below `jaccard`) — a second
 * half, not a re-post. Groups appear in the order the notice reached them.
 */
import type { StoredMessage } from '../../model/message.js';
import type { DuplicateSet } from './duplicate-sets.js';
import { intersectionSize } from './intersection-size.js';
import type { DuplicateRules } from './notice-key.js';
import type { NoticeTable } from './notice-table.js';

function isNextPart(table: NoticeTable, previous: number, current: number, rules: DuplicateRules): boolean {
  const a = table.messages[previous] as StoredMessage;
  const b = table.messages[current] as StoredMessage;
  if (a.senderId !== b.senderId || b.time - a.time > rules.splitPartMinutes * 60_000) return false;
  const x = table.texts[table.itemOf[previous] as number];
  const y = table.texts[table.itemOf[current] as number];
  if (!x || !y || x === y) return false;
  const shared = intersectionSize(x.grams, y.grams);
  return shared / (x.grams.length + y.grams.length - shared) < rules.jaccard;
}

export function deliveriesPerGroup(
  table: NoticeTable,
  set: DuplicateSet,
  rules: DuplicateRules,
): Map<string, number> {
  const deliveries = new Map<string, number>();
  const lastCopy = new Map<string, number>();
  for (const m of set.indexes) {
    const groupId = (table.messages[m] as StoredMessage).groupId;
    const previous = lastCopy.get(groupId);
    lastCopy.set(groupId, m);
    if (previous !== undefined && isNextPart(table, previous, m, rules)) continue;
    deliveries.set(groupId, (deliveries.get(groupId) ?? 0) + 1);
  }
  return deliveries;
}
