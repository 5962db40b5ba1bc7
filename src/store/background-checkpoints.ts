import type { Db } from './open-database.js';

/** Defaults: a checkpoint a second; the commit path's own only past ~80 MB of WAL. */
const CHECKPOINT_INTERVAL_MS = 1000;
const WAL_BACKSTOP_PAGES = 20_000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface BackgroundCheckpointOptions {
  intervalMs?: number;
  backstopPages?: number;
}

/**
 * For a long-running writer that commits one message at a time (the recorder): takes WAL
 * checkpoints off the commit path. By default SQLite's commit that takes the WAL past 1,000 pages
 * also copies them into the database, and that message waits for it; here an unref'd timer runs a
 * PASSIVE checkpoint (never waits for readers) every `intervalMs` instead, and the automatic one
 * stays only as a backstop at `backstopPages`, so the WAL stays bounded even when the event loop is
 * too busy for the timer. start() is idempotent; stop() restores SQLite's default.
 */
export class BackgroundCheckpoints {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db) {}

  start(options: BackgroundCheckpointOptions = {}): void {
    if (this.timer !== undefined) return;
    this.db.pragma(`wal_autocheckpoint = ${options.backstopPages ?? WAL_BACKSTOP_PAGES}`);
    this.timer = setInterval(() => {
      try {
        if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or failing now: the next tick (or the backstop) checkpoints; writes are unaffected.
      }
    }, options.intervalMs ?? CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }
}
