import type { RequestText } from '../model/week-data.js';
import type { Store } from './store.js';

/**
 * The text messages of [from, to) long enough to carry a request (at least `minLength` characters),
 * in time order. Narrower than readWeekMessages: the repeated-requests window reaches back before
 * the week, and only requests' texts matter there. Uses the messages_time index.
 */
export function readRequestTexts(store: Store, from: number, to: number, minLength: number): RequestText[] {
  return store.db
    .prepare(
      `SELECT source_id AS id, group_id AS groupId, sender_id AS senderId, time, text
       FROM messages
       WHERE time >= ? AND time < ? AND type = 'text' AND text IS NOT NULL AND text_length >= ?
       ORDER BY time, row_id`,
    )
    .all(from, to, minLength) as RequestText[];
}
