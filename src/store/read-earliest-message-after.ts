import type { Store } from './store.js';

/**
 * The earliest time among messages stored after row `rowId` (a DataStamp's `messages`), or null
 * when none was: which weeks new messages touched. Reads only the new rows (row_id is the key).
 */
export function readEarliestMessageAfter(store: Store, rowId: number): number | null {
  return store.db.prepare('SELECT MIN(time) FROM messages WHERE row_id > ?').pluck().get(rowId) as
    | number
    | null;
}
