import type { Db } from './open-database.js';

export interface ErasureOutcome {
  /** The database file was rewritten (VACUUM): no free page or free cell space holds old content. */
  vacuumed: boolean;
  /**
   * The WAL was checkpointed and truncated to zero bytes. False when another connection (the running
   * bot, the dashboard) kept reading through every retry: its old frames then stay in the -wal file
   * until the next checkpoint that completes overwrites or truncates them.
   */
  walTruncated: boolean;
}

/** How many times a TRUNCATE checkpoint is tried while readers hold the WAL (each waits busy_timeout). */
const CHECKPOINT_TRIES = 3;

/**
 * After an erasure (`forget`, the retention purge): makes sure no byte of what was deleted stays in the
 * files, beyond what `secure_delete` (on for every connection, src/store/open-database.ts) already
 * overwrote. It cannot reach copies made before it was on (a database written by an older qingqun,
 * a cell moved while it was off), so the file is rewritten with VACUUM — which copies only live rows
 * into fresh pages — and then the WAL, which holds the old page images, is checkpointed and truncated.
 * The -shm file holds only the WAL's index (page numbers and checksums), never content.
 *
 * Must run outside a transaction. VACUUM needs free disk about the size of the database and holds the
 * write lock while it runs (the live recorder waits and retries, docs/RELIABILITY.md).
 */
export function eraseFreedBytes(db: Db): ErasureOutcome {
  db.exec('VACUUM');
  let walTruncated = false;
  for (let i = 0; i < CHECKPOINT_TRIES && !walTruncated; i++) {
    const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    // In rollback-journal mode (not used by qingqun's writers) the pragma reports log = -1: nothing to do.
    walTruncated = row !== undefined && row.busy === 0 && row.log <= 0;
  }
  return { vacuumed: true, walTruncated };
}
