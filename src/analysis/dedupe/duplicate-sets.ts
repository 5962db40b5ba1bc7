/**
 * Turns linked items back into sets of messages: every set of ≥ 2 candidate messages whose items are
 * linked, messages in the order of the input (time order for a week), sets ordered by their first
 * message.
 */
import type { StoredMessage } from '../../model/message.js';
import type { UnionFind } from './cluster-union-find.js';
import type { NoticeKind } from './notice-key.js';
import type { NoticeTable } from './notice-table.js';

export interface DuplicateSet {
  kind: NoticeKind;
  /** Positions in the input message array, ascending. */
  indexes: number[];
  /** The same messages' ids. */
  messageIds: string[];
}

export function duplicateSets(table: NoticeTable, sets: UnionFind): DuplicateSet[] {
  const setOfRoot = new Int32Array(table.kinds.length).fill(-1);
  const all: number[][] = [];
  for (let m = 0; m < table.itemOf.length; m++) {
    const item = table.itemOf[m] as number;
    if (item < 0) continue;
    const root = sets.find(item);
    let index = setOfRoot[root] as number;
    if (index < 0) {
      index = all.length;
      setOfRoot[root] = index;
      all.push([]);
    }
    (all[index] as number[]).push(m);
  }
  const out: DuplicateSet[] = [];
  for (const indexes of all) {
    if (indexes.length < 2) continue;
    out.push({
      kind: table.kinds[table.itemOf[indexes[0] as number] as number] as NoticeKind,
      indexes,
      messageIds: indexes.map((m) => (table.messages[m] as StoredMessage).id),
    });
  }
  return out;
}
