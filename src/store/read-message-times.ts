import type { MessageTimes } from '../model/week-data.js';
import type { Store } from './store.js';

export type { MessageTimes };

/**
 * The minimum needed for week-over-week comparisons (volume, off-hours, @所有人) without loading
 * whole messages: columnar arrays of group, time and mention-all for [from, to).
 */
export function readMessageTimes(store: Store, from: number, to: number): MessageTimes {
  const rows = store.db
    .prepare('SELECT group_id, time, mention_all FROM messages WHERE time >= ? AND time < ?')
    .raw()
    .all(from, to) as [string, number, number][];
  const out: MessageTimes = {
    groupIds: new Array<string>(rows.length),
    times: new Float64Array(rows.length),
    mentionAll: new Uint8Array(rows.length),
  };
  rows.forEach(([groupId, time, mentionAll], i) => {
    out.groupIds[i] = groupId;
    out.times[i] = time;
    out.mentionAll[i] = mentionAll;
  });
  return out;
}
