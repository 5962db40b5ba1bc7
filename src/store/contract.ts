/**
 * The async store contract: what the commands that analyse, report and describe a store need from
 * it, whatever the engine (docs/SCALING.md, "PostgreSQL store"). It is the WeekSource of the
 * week-analysis service (src/model/week-source.ts: week data with lookback, last week's times,
 * recommendation history, data stamp, message span) plus the few reads around it. Two
 * implementations: `SqliteStoreReads` (the SQLite Store's synchronous table modules, wrapped; its `sync`
 * serves the service's `…Now` callers) and `PgStore` (src/store/postgres/pg-store.ts). The
 * detectors stay pure and synchronous: only loading is async, and a WeekData from either engine is
 * the same for the same data (same order, same fields).
 */
import { parseDbTarget } from '../config/db-target.js';
import type { Logger } from '../logging/logger.js';
import type { GroupFacts } from './groups.js';
import type { RecommendationStatusRow } from './recommendations.js';
import type { DataStamp, StoreStats } from './stats.js';
import { Store } from './store.js';
import type { StoreReads } from './store-reads.js';
import { SqliteWeekSource } from './week-source.js';

export type { StoreEngine, StoreReads } from './store-reads.js';

/** The SQLite store behind the contract: each call is the synchronous table-module method. */
export class SqliteStoreReads extends SqliteWeekSource implements StoreReads {
  readonly engine = 'sqlite';

  async hasMessagesBetween(from: number, to: number): Promise<boolean> {
    return this.store.messages.any(from, to);
  }

  async readStats(offsetMinutes: number, now?: number): Promise<StoreStats> {
    return this.store.stats.read(offsetMinutes, now);
  }

  async dataStamp(): Promise<DataStamp> {
    return this.store.stats.dataStamp();
  }

  async earliestTimeAfter(rowId: number): Promise<number | null> {
    return this.store.messages.earliestTimeAfter(rowId);
  }

  async groupLifecycles(): Promise<GroupFacts[]> {
    return this.store.groups.lifecycles();
  }

  async rostersAt(at: number): Promise<Map<string, string[]>> {
    return this.store.snapshots.rostersAt(at);
  }

  async recommendationStatuses(): Promise<RecommendationStatusRow[]> {
    return this.store.recommendations.statuses();
  }

  async close(): Promise<void> {
    this.store.close();
  }
}

/**
 * Opens the store `db` names (src/config/db-target.ts) for reading, behind the contract: an existing
 * qingqun database is required on either engine. PostgreSQL is loaded only when named. `writable`
 * opens a SQLite file for writing too (a command that also queues); a PostgreSQL connection always can.
 * `log` hears of a lost PostgreSQL connection (replaced at the next read: src/store/postgres/pg-database.ts).
 */
export async function openStoreReads(
  db: string,
  options: { writable?: boolean; log?: Logger } = {},
): Promise<StoreReads> {
  const target = parseDbTarget(db);
  if (target.engine === 'postgres') {
    const { PgStore } = await import('./postgres/pg-store.js');
    return PgStore.open(db, { mustExist: true, log: options.log });
  }
  return new SqliteStoreReads(
    new Store(target.path, options.writable ? { mustExist: true } : { readonly: true }),
  );
}
