import type { Db } from '../src/store/open-database.js';
import { openDatabase } from '../src/store/open-database.js';
import { addTiming, startTiming, type Timing } from './timed.js';

/** Rows per transaction, as the issue defines the limit. */
const BATCH = 10_000;

/**
 * The limit an importer is measured against: the messages stored in `fromPath`, inserted by a
 * prepared INSERT in one transaction per 10,000 rows into a fresh database at `toPath` with the
 * same schema, indexes and pragmas (openDatabase: WAL, synchronous NORMAL, foreign keys). Only the
 * transactions are timed; reading the rows back is not.
 */
export function plainInsert(fromPath: string, toPath: string): { rows: number; timing: Timing } {
  const from = openDatabase(fromPath, { readonly: true });
  const to = openDatabase(toPath);
  try {
    copyGroups(from, to);
    const columns = (from.pragma('table_info(messages)') as { name: string }[])
      .map((c) => c.name)
      .filter((name) => name !== 'row_id');
    const read = from
      .prepare(`SELECT row_id, ${columns.join(', ')} FROM messages WHERE row_id > ? ORDER BY row_id LIMIT ?`)
      .raw();
    const insert = to.prepare(
      `INSERT INTO messages (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const insertAll = to.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(row);
    });
    const timing: Timing = { seconds: 0, cpuSeconds: 0 };
    let rows = 0;
    let after = 0;
    for (;;) {
      const chunk = read.all(after, BATCH) as unknown[][];
      if (chunk.length === 0) break;
      after = (chunk[chunk.length - 1] as unknown[])[0] as number;
      const values = chunk.map((row) => row.slice(1));
      const stop = startTiming();
      insertAll(values);
      addTiming(timing, stop());
      rows += values.length;
    }
    return { rows, timing };
  } finally {
    from.close();
    to.close();
  }
}

/** Messages refer to their group: the groups go in first, untimed. */
function copyGroups(from: Db, to: Db): void {
  const groups = from.prepare('SELECT * FROM groups').all() as Record<string, unknown>[];
  const first = groups[0];
  if (!first) return;
  const columns = Object.keys(first);
  const insert = to.prepare(
    `INSERT INTO groups (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  to.transaction(() => {
    for (const g of groups) insert.run(g);
  })();
}
