import type { WeekSource } from '../model/week-source.js';
import type { GroupFacts } from './groups.js';
import type { RecommendationStatusRow } from './recommendations.js';
import type { DataStamp, StoreStats } from './stats.js';

/**
 * The store contract's read side (issue 18): what the commands that run on either engine read. Two
 * implementations: `SqliteStoreReads` (contract.ts) and `PgStore` (postgres/pg-store.ts); contract.ts
 * opens the one `--db` names. Kept apart from contract.ts, which imports both, so that neither
 * implementation imports the file that imports it.
 */
export type StoreEngine = 'sqlite' | 'postgres';

export interface StoreReads extends WeekSource {
  readonly engine: StoreEngine;
  /** Whether any message is stored in [from, to). */
  hasMessagesBetween(from: number, to: number): Promise<boolean>;
  /** What is stored, in aggregate (src/store/stats.ts). */
  readStats(offsetMinutes: number, now?: number): Promise<StoreStats>;
  /** As store.stats.dataStamp: what the dashboard compares before reusing what it computed. */
  dataStamp(): Promise<DataStamp>;
  /** As store.messages.earliestTimeAfter: the earliest time of the messages stored after row `rowId`. */
  earliestTimeAfter(rowId: number): Promise<number | null>;
  /** As store.groups.lifecycles(): every group with its roster sizes and the bot's leaves, by id. */
  groupLifecycles(): Promise<GroupFacts[]>;
  /** As store.snapshots.rostersAt(at): each group's roster in effect at `at`. */
  rostersAt(at: number): Promise<Map<string, string[]>>;
  /** As store.recommendations.statuses(): every answer to a recommendation, newest first. */
  recommendationStatuses(): Promise<RecommendationStatusRow[]>;
  close(): Promise<void>;
}
