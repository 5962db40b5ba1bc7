import { join } from 'node:path';
import type { Store } from '../../../src/store/store.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);

/** The present the fixtures are read against (they are from November 2026). */
export const NOW = Date.parse('2027-01-01T00:00:00Z');

/** group id → type → messages stored. */
export function typeCounts(store: Store): Record<string, Record<string, number>> {
  const rows = store.db
    .prepare('SELECT group_id AS g, type AS t, COUNT(*) AS n FROM messages GROUP BY g, t')
    .all() as {
    g: string;
    t: string;
    n: number;
  }[];
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    out[r.g] ??= {};
    (out[r.g] as Record<string, number>)[r.t] = r.n;
  }
  return out;
}

/** group id → messages flagged @所有人 (groups without any are left out). */
export function mentionAllCounts(store: Store): Record<string, number> {
  const rows = store.db
    .prepare('SELECT group_id AS g, COUNT(*) AS n FROM messages WHERE mention_all = 1 GROUP BY g')
    .all() as { g: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.g, r.n]));
}

/** One stored message's columns by source id. */
export function messageRow(store: Store, sourceId: string): Record<string, unknown> | undefined {
  return store.db.prepare('SELECT * FROM messages WHERE source_id = ?').get(sourceId) as
    | Record<string, unknown>
    | undefined;
}

export function column(store: Store, sql: string, ...params: unknown[]): unknown[] {
  return store.db
    .prepare(sql)
    .pluck()
    .all(...params);
}
