import type { Store } from './store.js';

/**
 * A cheap fingerprint of what the store holds, for caches of analysed weeks (the dashboard): each
 * part is a primary-key maximum or a count over a small table. New messages raise `messages`;
 * new rosters, room events or groups change the others; answered recommendations change `statuses`.
 * In-place updates (retention purges, renamed groups) do not show here: caches also expire by age.
 */
export interface DataStamp {
  messages: number;
  snapshots: number;
  events: number;
  groups: number;
  statuses: string;
}

export function readDataStamp(store: Store): DataStamp {
  return store.db
    .prepare(
      `SELECT COALESCE((SELECT MAX(row_id) FROM messages), 0) AS messages,
              COALESCE((SELECT MAX(id) FROM membership_snapshots), 0) AS snapshots,
              COALESCE((SELECT MAX(id) FROM room_events), 0) AS events,
              (SELECT COUNT(*) FROM groups) AS groups,
              (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), 0) FROM recommendation_status) AS statuses`,
    )
    .get() as DataStamp;
}
