import { MIGRATIONS } from './migrations.js';
import type { Store } from './store.js';

export interface DatabaseCheck {
  ok: boolean;
  schemaVersion: number;
  expectedSchemaVersion: number;
  integrity: string[];
  foreignKeyViolations: number;
  journalMode: string;
  counts: Record<string, number>;
}

/** `qingqun doctor`: integrity, foreign keys, schema version and row counts. Read-only. */
export function checkDatabase(store: Store): DatabaseCheck {
  const { db } = store;
  const integrity = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  const foreignKeyViolations = db.prepare('PRAGMA foreign_key_check').all().length;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT COUNT(*) FROM "${t.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
  return {
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyViolations === 0 &&
      schemaVersion === MIGRATIONS.length,
    schemaVersion,
    expectedSchemaVersion: MIGRATIONS.length,
    integrity,
    foreignKeyViolations,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    counts,
  };
}
