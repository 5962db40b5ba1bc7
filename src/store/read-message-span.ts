import type { Store } from './store.js';

export interface MessageSpan {
  /** UTC epoch ms of the earliest and latest stored message, or null when none is stored. */
  first: number | null;
  last: number | null;
}

/** The time span of what is stored: two index look-ups, whatever the size of the database. */
export function readMessageSpan(store: Store): MessageSpan {
  const one = (sql: string) => store.db.prepare(sql).pluck().get() as number | null;
  return { first: one('SELECT MIN(time) FROM messages'), last: one('SELECT MAX(time) FROM messages') };
}
