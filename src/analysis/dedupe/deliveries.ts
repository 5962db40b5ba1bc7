/**
 * Step 5 of duplicate detection, what is reported of each duplicate set: its deliveries per group,
 * the redundant copies members received, and a short label (excerpt).
 */
import type { StoredMessage } from '../../model/message.js';
import { stripForwardingMarks } from '../../text/normalise.js';
import type { DuplicateSet } from './cluster.js';
import { intersectionSize } from './grams.js';
import type { DuplicateRules, NoticeTable } from './notices.js';

/**
 * How many times one notice was delivered to each group it reached. Every copy is a delivery, except
 * the next part of a split notice: a text copy from the same sender as the previous copy in that group,
 * at most splitPartMinutes later, that is not itself similar to it (Jaccard below `jaccard`) — a second
 * half, not a re-post. Groups appear in the order the notice reached them.
 */

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

/**
 * Redundant deliveries of one notice: a member who receives it d times in total — summed over the
 * groups it reached that the member belongs to, each group counting its deliveries
 * (deliveriesPerGroup) — received d − 1 redundant copies. Summed over members. So a member in k of the
 * groups that received it once each counts k − 1, and a re-post in a group counts once more for each
 * of that group's members. Members come from the latest snapshot (a group without one counts none);
 * the poster is counted like everyone else.
 *
 * Member ids are numbered once per week, so each notice costs one pass over its groups' member lists
 * with array counters instead of string maps.
 */
export class RedundantDeliveries {
  private readonly groupMembers = new Map<string, Int32Array>();
  private readonly stamp: Int32Array;
  private notice = 0;

  constructor(members: ReadonlyMap<string, readonly string[]>) {
    const numberOf = new Map<string, number>();
    for (const [groupId, ids] of members) {
      const numbers = new Int32Array(ids.length);
      ids.forEach((id, k) => {
        let n = numberOf.get(id);
        if (n === undefined) {
          n = numberOf.size;
          numberOf.set(id, n);
        }
        numbers[k] = n;
      });
      this.groupMembers.set(groupId, numbers);
    }
    this.stamp = new Int32Array(numberOf.size);
  }

  count(deliveries: ReadonlyMap<string, number>): number {
    this.notice++;
    let redundant = 0;
    for (const [groupId, times] of deliveries) {
      const numbers = this.groupMembers.get(groupId);
      if (!numbers) continue;
      for (let k = 0; k < numbers.length; k++) {
        const n = numbers[k] as number;
        // A member's first delivery is not redundant; every further one is.
        if (this.stamp[n] !== this.notice) {
          this.stamp[n] = this.notice;
          redundant += times - 1;
        } else {
          redundant += times;
        }
      }
    }
    return redundant;
  }
}

/**
 * A short human-readable label for a duplicate set (≤ 60 code points, ending in … when cut): the
 * longest text copy with forwarding marks removed and whitespace collapsed, or the file name, or the
 * link's title (its URL without a title); DROPPED_TEXT when no copy kept its text.
 */

export const EXCERPT_LENGTH = 60;
/** The label of a notice none of whose copies kept its text (retention, storage policy). */
export const DROPPED_TEXT = '（正文未保留）';

function cut(text: string): string {
  // Only the beginning is shown; slicing first keeps the cost independent of the text's length.
  const clean = text
    .slice(0, EXCERPT_LENGTH * 8)
    .replace(/\s+/g, ' ')
    .trim();
  const points = Array.from(clean);
  return points.length <= EXCERPT_LENGTH ? clean : `${points.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
}

export function noticeExcerpt(table: NoticeTable, set: DuplicateSet): string {
  const first = table.messages[set.indexes[0] as number] as StoredMessage;
  if (set.kind === 'file') return cut(first.file?.name ?? (first.type === 'image' ? '[图片]' : '[文件]'));
  if (set.kind === 'link') {
    const titled = set.indexes.map((m) => table.messages[m] as StoredMessage).find((m) => m.link?.title);
    return cut(titled?.link?.title ?? first.link?.url ?? first.text ?? '[链接]');
  }
  let best = first;
  let bestLength = -1;
  for (const m of set.indexes) {
    const length = table.texts[table.itemOf[m] as number]?.length ?? 0;
    if (length > bestLength) {
      bestLength = length;
      best = table.messages[m] as StoredMessage;
    }
  }
  if (best.text === null) {
    const kept = set.indexes.map((m) => table.messages[m] as StoredMessage).find((m) => m.text !== null);
    if (!kept) return DROPPED_TEXT;
    best = kept;
  }
  return cut(stripForwardingMarks((best.text ?? '').slice(0, EXCERPT_LENGTH * 16)));
}
