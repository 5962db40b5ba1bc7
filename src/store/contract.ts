/**
 * The async store contract: what the commands that analyse, report and describe a store need from
 * it, whatever the engine (docs/SCALING.md, "PostgreSQL store"). Two implementations:
 * `sqliteStoreReads` (below: the SQLite Store's synchronous table modules, wrapped) and `PgStore`
 * (src/store/postgres/pg-store.ts). The detectors stay pure and synchronous: only loading is async,
 * and a WeekData from either engine is the same for the same data (same order, same fields).
 */

import type { WeekBounds } from '../calendar/weeks.js';
import { parseDbTarget } from '../config/db-target.js';
import type { RecommendationHistoryEntry } from '../model/recommendation-status.js';
import type { RequestText, WeekData } from '../model/week-data.js';
import type { MessageSpan, MessageTimes } from './messages.js';
import type { StoreStats } from './stats.js';
import { Store } from './store.js';

export type StoreEngine = 'sqlite' | 'postgres';

export interface StoreReads {
  readonly engine: StoreEngine;
  /** The week's messages (sorted by time then rowId), groups, rosters, contacts, last human messages. */
  loadWeekData(bounds: WeekBounds): Promise<WeekData>;
  /** Text messages of [from, to) of at least `minLength` characters, by time then rowId. */
  readRequestTexts(from: number, to: number, minLength: number): Promise<RequestText[]>;
  /** Group, time and @所有人 of every message of [from, to). */
  readMessageTimes(from: number, to: number): Promise<MessageTimes>;
  readMessageSpan(): Promise<MessageSpan>;
  hasMessagesBetween(from: number, to: number): Promise<boolean>;
  readRecommendationHistory(): Promise<Map<string, RecommendationHistoryEntry>>;
  readStats(offsetMinutes: number, now?: number): Promise<StoreStats>;
  close(): Promise<void>;
}

/** The SQLite store behind the contract: each call is the synchronous table-module method. */
export function sqliteStoreReads(store: Store): StoreReads {
  return {
    engine: 'sqlite',
    loadWeekData: async (bounds) => store.weekData.load(bounds),
    readRequestTexts: async (from, to, minLength) => store.messages.requestTexts(from, to, minLength),
    readMessageTimes: async (from, to) => store.messages.times(from, to),
    readMessageSpan: async () => store.messages.span(),
    hasMessagesBetween: async (from, to) => store.messages.any(from, to),
    readRecommendationHistory: async () => store.recommendations.history(),
    readStats: async (offsetMinutes, now) => store.stats.read(offsetMinutes, now),
    close: async () => store.close(),
  };
}

/**
 * Opens the store `db` names (src/config/db-target.ts) for reading, behind the contract: an existing
 * qingqun database is required on either engine. PostgreSQL is loaded only when named.
 */
export async function openStoreReads(db: string): Promise<StoreReads> {
  const target = parseDbTarget(db);
  if (target.engine === 'postgres') {
    const { PgStore } = await import('./postgres/pg-store.js');
    return PgStore.open(db, { mustExist: true });
  }
  return sqliteStoreReads(new Store(target.path, { readonly: true }));
}
