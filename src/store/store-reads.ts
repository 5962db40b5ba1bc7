import type { WeekSource } from '../model/week-source.js';
import type { GroupFacts } from './groups.js';
import type { RecommendationStatusRow } from './recommendations.js';
import type { StoreStats } from './stats.js';

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
  /** Every group with its roster sizes and the bot's leaves, by id: as Store.groups.lifecycles(). */
  groupLifecycles(): Promise<GroupFacts[]>;
  /** Each group's roster in effect at `at`: as Store.snapshots.rostersAt(at). */
  rostersAt(at: number): Promise<Map<string, string[]>>;
  /** Every stored recommendation status, newest answer first: as Store.recommendations.statuses(). */
  recommendationStatuses(): Promise<RecommendationStatusRow[]>;
  close(): Promise<void>;
}
