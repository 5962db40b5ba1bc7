import { EARLIEST_MESSAGE_TIME, FUTURE_TOLERANCE_MS } from './plausible-time.js';
import type { StoreCore } from './store-core.js';

export interface StoreStats {
  groups: number;
  contacts: number;
  /** Distinct members over every group's latest snapshot. */
  members: number;
  messages: number;
  byType: Record<string, number>;
  /** Message counts per local day (YYYY-MM-DD) and type; days derived with a fixed UTC offset. */
  byDayAndType: { day: string; type: string; count: number }[];
  /** Earliest and latest message among those with a plausible time (src/store/plausible-time.ts). */
  firstMessageAt: number | null;
  lastMessageAt: number | null;
  /**
   * Messages stored with a time before WeChat existed or more than a day ahead (stored before
   * ingestion refused them): counted, left out of the range and of the per-day table.
   */
  implausibleTimes: number;
}

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

/** Read-model: what is stored, in aggregate, over every table. */
export class Stats {
  constructor(private readonly store: StoreCore) {}

  /** What is stored, in aggregate. `offsetMinutes` is the local UTC offset used to cut days. */
  read(offsetMinutes: number, now = Date.now()): StoreStats {
    const { sql } = this.store;
    const bounds = [EARLIEST_MESSAGE_TIME, now + FUTURE_TOLERANCE_MS];
    const one = (text: string) => sql.pluck(text).get() as number;
    const byType = Object.fromEntries(
      (
        sql.get('SELECT type, COUNT(*) AS n FROM messages GROUP BY type ORDER BY type').all() as {
          type: string;
          n: number;
        }[]
      ).map((r) => [r.type, r.n]),
    );
    const byDayAndType = sql
      .get(
        `SELECT date((time + ?) / 1000, 'unixepoch') AS day, type, COUNT(*) AS count
       FROM messages WHERE time BETWEEN ? AND ? GROUP BY day, type ORDER BY day, type`,
      )
      .all(offsetMinutes * 60_000, ...bounds) as { day: string; type: string; count: number }[];
    const members = one(`
    WITH latest AS (
      SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY group_id ORDER BY taken_at DESC, id DESC) AS rn
                      FROM membership_snapshots) WHERE rn = 1)
    SELECT COUNT(DISTINCT contact_id) FROM snapshot_members WHERE snapshot_id IN (SELECT id FROM latest)`);
    const range = sql
      .get('SELECT MIN(time) AS first, MAX(time) AS last FROM messages WHERE time BETWEEN ? AND ?')
      .get(...bounds) as {
      first: number | null;
      last: number | null;
    };
    return {
      groups: one('SELECT COUNT(*) FROM groups'),
      contacts: one('SELECT COUNT(*) FROM contacts'),
      members,
      messages: one('SELECT COUNT(*) FROM messages'),
      byType,
      byDayAndType,
      firstMessageAt: range.first,
      lastMessageAt: range.last,
      implausibleTimes: sql
        .pluck('SELECT COUNT(*) FROM messages WHERE time NOT BETWEEN ? AND ?')
        .get(...bounds) as number,
    };
  }

  /** The store's DataStamp, read now. */
  dataStamp(): DataStamp {
    return this.store.sql
      .get(
        `SELECT COALESCE((SELECT MAX(row_id) FROM messages), 0) AS messages,
              COALESCE((SELECT MAX(id) FROM membership_snapshots), 0) AS snapshots,
              COALESCE((SELECT MAX(id) FROM room_events), 0) AS events,
              (SELECT COUNT(*) FROM groups) AS groups,
              (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), 0) FROM recommendation_status) AS statuses`,
      )
      .get() as DataStamp;
  }
}
