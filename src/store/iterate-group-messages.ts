import type { StoredMessage } from '../model/message.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from './message-row.js';
import type { Store } from './store.js';

/** Every stored group's id, sorted. */
export function listGroupIds(store: Store): string[] {
  return store.db.prepare('SELECT id FROM groups ORDER BY id').pluck().all() as string[];
}

/** Contact id → display name, for every stored contact. */
export function readContactNames(store: Store): Map<string, string> {
  const rows = store.db.prepare('SELECT id, name FROM contacts').all() as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * One group's messages in time order, streamed (a group may hold millions). The database is busy
 * while the generator is open: read anything else you need before iterating.
 */
export function* iterateGroupMessages(store: Store, groupId: string): Generator<StoredMessage> {
  const rows = store.db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE group_id = ? ORDER BY time, row_id`)
    .iterate(groupId) as IterableIterator<MessageRow>;
  for (const row of rows) yield toStoredMessage(row);
}
