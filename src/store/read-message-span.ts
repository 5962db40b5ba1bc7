import type { MessageSpan } from '../model/week-data.js';
import { EARLIEST_MESSAGE_TIME } from './plausible-time.js';
import type { Store } from './store.js';

export type { MessageSpan };

/**
 * The time span of what is stored: two index look-ups, whatever the size of the database. `first`
 * ignores rows from before WeChat existed (src/store/plausible-time.ts), which a database filled
 * before ingestion refused them may hold: they would start week lists and "since the first record"
 * in year 1.
 */
export function readMessageSpan(store: Store): MessageSpan {
  const one = (sql: string, ...params: unknown[]) =>
    store.db
      .prepare(sql)
      .pluck()
      .get(...params) as number | null;
  return {
    first: one('SELECT MIN(time) FROM messages WHERE time >= ?', EARLIEST_MESSAGE_TIME),
    last: one('SELECT MAX(time) FROM messages'),
  };
}

/** Whether any message is stored in [from, to) (one index look-up). */
export function hasMessagesBetween(store: Store, from: number, to: number): boolean {
  return (
    store.db.prepare('SELECT 1 FROM messages WHERE time >= ? AND time < ? LIMIT 1').pluck().get(from, to) !==
    undefined
  );
}
