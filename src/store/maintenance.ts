import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Config } from '../config/schema.js';
import type { MessageType } from '../model/message.js';
import { createPrivateFile, restrictToOwner } from '../platform/private-files.js';
import { MIGRATIONS } from './migrations.js';
import type { Outbox } from './outbox.js';
import type { StoreCore } from './store-core.js';
import { StoreError } from './store-error.js';

export interface DatabaseCheck {
  ok: boolean;
  schemaVersion: number;
  expectedSchemaVersion: number;
  integrity: string[];
  foreignKeyViolations: number;
  journalMode: string;
  counts: Record<string, number>;
}

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
 * The cutoffs and the zeroed counts a retention purge starts from, on either engine (purgeExpired
 * here, purgeExpiredPg in postgres/pg-maintenance.ts): texts older than retention.textDays, records
 * older than retention.recordDays, from `now`.
 */
export function purgeStart(config: Pick<Config, 'retention'>, now: number, dryRun: boolean): PurgeCounts {
  return {
    dryRun,
    textCutoff: now - config.retention.textDays * DAY,
    recordCutoff: now - config.retention.recordDays * DAY,
    textsPurged: 0,
    classified: 0,
    messagesDeleted: 0,
    roomEventsDeleted: 0,
    snapshotsDeleted: 0,
    outboxPayloadsPurged: 0,
  };
}

export interface PurgeCounts {
  dryRun: boolean;
  /** Messages before this (UTC ms) lose their text; before `recordCutoff` they go. */
  textCutoff: number;
  recordCutoff: number;
  /** Messages whose text was purged. */
  textsPurged: number;
  /** Of those, stored before classes existed: classified and fingerprinted just before. */
  classified: number;
  /** Messages deleted with their fingerprints and classes (retention.recordDays). */
  messagesDeleted: number;
  roomEventsDeleted: number;
  /** Membership snapshots deleted; each group's latest is always kept. */
  snapshotsDeleted: number;
  /** Outgoing messages whose payload (a digest's text) was purged. */
  outboxPayloadsPurged: number;
  /**
   * PostgreSQL only, present when the store has a central_outbox: its settled rows whose payload was
   * emptied (postgres/central-erasure.ts).
   */
  centralOutboxPayloadsPurged?: number;
  /** PostgreSQL only, present when the central send spool (central.sendSpool) exists: its outbox payloads purged. */
  spoolPayloadsPurged?: number;
  /** Present only when the WAL could not be truncated because another connection kept reading. */
  walBusy?: true;
}

interface TextRow {
  row_id: number;
  source: string;
  source_id: string;
  group_id: string;
  sender_id: string | null;
  time: number;
  type: MessageType;
  text: string;
  mention_all: number;
  needs_class: number;
}

export interface BackgroundCheckpointOptions {
  intervalMs?: number;
  backstopPages?: number;
}

/** Defaults: a checkpoint a second; the commit path's own only past ~80 MB of WAL. */
const CHECKPOINT_INTERVAL_MS = 1000;
const WAL_BACKSTOP_PAGES = 20_000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

const DAY = 86_400_000;
/** Rows changed per transaction, so a purge of a year never holds one huge write open. */
const CHUNK = 5000;
/** Outbox rows whose payload may go (its own rule, Outbox.purgePayloads). */
const DONE_STATES = "('sent', 'failed', 'undeliverable', 'unconfirmed')";

/**
 * Looking after the database file as a whole: `qingqun doctor`, backups, the retention purge,
 * erasing freed bytes, and when WAL checkpoints run (during bulk imports and for the recorder).
 */
export class Maintenance {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: StoreCore & { readonly outbox: Outbox }) {}

  /** `qingqun doctor`: integrity, foreign keys, schema version and row counts. Read-only. */
  check(): DatabaseCheck {
    const { db, sql } = this.store;
    const integrity = sql.pluck('PRAGMA integrity_check').all() as string[];
    const foreignKeyViolations = sql.get('PRAGMA foreign_key_check').all().length;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = sql
      .pluck("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as string[];
    const counts = Object.fromEntries(
      tables.map((t) => [t, sql.pluck(`SELECT COUNT(*) FROM "${t.replaceAll('"', '""')}"`).get() as number]),
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

  /**
   * A consistent online copy of the database (SQLite's backup API: readers and the bot's writes go on
   * meanwhile). Never overwrites: the copy is created here, mode 0600 (it holds everything the
   * database does), and a failed copy is removed. The copy is switched to rollback-journal mode so it
   * opens anywhere, read-only media included (a WAL database there needs its -shm file).
   * Errors name the destination: StoreError 'exists', or 'open' with the file system's cause.
   */
  async backup(destination: string): Promise<{ pages: number }> {
    try {
      createPrivateFile(destination);
    } catch (error) {
      const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
      throw new StoreError(exists ? 'backup target exists' : 'cannot create backup', destination, {
        problem: exists ? 'exists' : 'open',
        cause: error,
      });
    }
    try {
      const result = await this.store.db.backup(destination);
      const copy = new Database(destination);
      copy.pragma('journal_mode = DELETE');
      copy.close();
      restrictToOwner(destination);
      return { pages: result.totalPages };
    } catch (error) {
      rmSync(destination, { force: true });
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(destination + suffix, { force: true });
      throw error;
    }
  }

  /**
   * The retention purge (docs/PRIVACY.md), run nightly by the `retentionPurge` job and by `qingqun
   * purge`: message texts older than `retention.textDays` are set to NULL (class, length and fingerprint
   * stay; a recall keeps its text, the recalled id; a link card's title, URL and summary and a file's
   * name and hash are the keys duplicates are found by and stay); messages, room events and membership snapshots older than
   * `retention.recordDays` are deleted; outbox payloads older than `textDays` are purged. Idempotent and
   * safe to interrupt: it works in chunks, each its own transaction. Deleted content is overwritten
   * (secure_delete, on for every connection); when anything was purged the file is then rewritten and
   * the WAL truncated (`eraseFreedBytes`), so it does not linger in the files. `dryRun` only counts.
   */
  purgeExpired(
    config: Pick<Config, 'retention'>,
    now: number,
    options: { dryRun?: boolean } = {},
  ): PurgeCounts {
    const store = this.store;
    const { sql } = store;
    const counts = purgeStart(config, now, options.dryRun ?? false);
    const { dryRun, textCutoff, recordCutoff } = counts;
    const count = (text: string, ...params: unknown[]) => sql.pluck(text).get(...params) as number;
    const latestSnapshots = `SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY group_id
      ORDER BY taken_at DESC, id DESC) AS rn FROM membership_snapshots) WHERE rn = 1`;
    if (dryRun) {
      // Texts of messages about to be deleted anyway are not counted as purged, as in a real run.
      counts.textsPurged = count(
        "SELECT COUNT(*) FROM messages WHERE text IS NOT NULL AND time < ? AND time >= ? AND type != 'recalled'",
        textCutoff,
        recordCutoff,
      );
      counts.classified = count(
        `SELECT COUNT(*) FROM messages WHERE text IS NOT NULL AND time < ? AND time >= ? AND type != 'recalled'
           AND (text_class IS NULL OR fingerprint IS NULL)`,
        textCutoff,
        recordCutoff,
      );
      counts.messagesDeleted = count('SELECT COUNT(*) FROM messages WHERE time < ?', recordCutoff);
      counts.roomEventsDeleted = count('SELECT COUNT(*) FROM room_events WHERE time < ?', recordCutoff);
      counts.snapshotsDeleted = count(
        `SELECT COUNT(*) FROM membership_snapshots WHERE confirmed_at < ? AND id NOT IN (${latestSnapshots})`,
        recordCutoff,
      );
      counts.outboxPayloadsPurged = count(
        `SELECT COUNT(*) FROM outbox WHERE payload IS NOT NULL AND state IN ${DONE_STATES} AND updated_at < ?`,
        textCutoff,
      );
      return counts;
    }

    counts.messagesDeleted = inChunks(store, () =>
      sql
        .get(
          `DELETE FROM messages WHERE row_id IN (SELECT row_id FROM messages WHERE time < ? LIMIT ${CHUNK})`,
        )
        .run(recordCutoff),
    );
    purgeTexts(store, textCutoff, counts);
    store.transaction(() => {
      counts.roomEventsDeleted = sql.get('DELETE FROM room_events WHERE time < ?').run(recordCutoff).changes;
      counts.snapshotsDeleted = sql
        .get(`DELETE FROM membership_snapshots WHERE confirmed_at < ? AND id NOT IN (${latestSnapshots})`)
        .run(recordCutoff).changes;
      counts.outboxPayloadsPurged = store.outbox.purgePayloads(textCutoff);
    });
    const purged =
      counts.messagesDeleted +
      counts.textsPurged +
      counts.roomEventsDeleted +
      counts.snapshotsDeleted +
      counts.outboxPayloadsPurged;
    // Nothing deleted, nothing to rewrite: the nightly run on a quiet store stays cheap.
    if (purged > 0 && !this.eraseFreedBytes().walTruncated) counts.walBusy = true;
    return counts;
  }

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
  eraseFreedBytes(): ErasureOutcome {
    const { db } = this.store;
    db.exec('VACUUM');
    let walTruncated = false;
    for (let i = 0; i < CHECKPOINT_TRIES && !walTruncated; i++) {
      const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
      // In rollback-journal mode (not used by qingqun's writers) the pragma reports log = -1: nothing to do.
      walTruncated = row !== undefined && row.busy === 0 && row.log <= 0;
    }
    return { vacuumed: true, walTruncated };
  }

  /**
   * For a bulk write (an import): lets the WAL grow to `pages` before a commit checkpoints it, so the
   * checkpoint runs a few times per import instead of every ~1,000 pages. Returns the function that
   * restores the previous setting. A setting of 0 (checkpoints off, the owner checkpoints) is left alone.
   */
  raiseAutocheckpoint(pages: number): () => void {
    const previous = this.store.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    if (previous > 0) this.store.db.pragma(`wal_autocheckpoint = ${Math.max(previous, pages)}`);
    return () => {
      if (this.store.db.open) this.store.db.pragma(`wal_autocheckpoint = ${previous}`);
    };
  }

  /**
   * For a bulk write (an import): a page cache of up to `kib` KiB instead of the writer's 64 MB
   * (open-database.ts), so that the index pages a batch dirties stay in memory. SQLite takes the
   * memory only as pages are used and gives it back when the previous size is restored (the
   * returned function). A smaller `kib` than the current size changes nothing.
   */
  raiseCacheSize(kib: number): () => void {
    const { db } = this.store;
    const previous = db.pragma('cache_size', { simple: true }) as number;
    // Negative values are KiB, positive ones pages; compare in KiB.
    const page = db.pragma('page_size', { simple: true }) as number;
    const previousKib = previous < 0 ? -previous : (previous * page) / 1024;
    if (kib > previousKib) db.pragma(`cache_size = ${-Math.floor(kib)}`);
    return () => {
      if (db.open) db.pragma(`cache_size = ${previous}`);
    };
  }

  /**
   * For a long-running writer that commits one message at a time (the recorder): takes WAL
   * checkpoints off the commit path. By default SQLite's commit that takes the WAL past 1,000 pages
   * also copies them into the database, and that message waits for it; here an unref'd timer runs a
   * PASSIVE checkpoint (never waits for readers) every `intervalMs` instead, and the automatic one
   * stays only as a backstop at `backstopPages`, so the WAL stays bounded even when the event loop is
   * too busy for the timer. Runs until the returned function is called or the store is closed;
   * a second call while running changes nothing.
   */
  checkpointInBackground(options: BackgroundCheckpointOptions = {}): () => void {
    const stop = () => this.stopCheckpoints();
    if (this.timer !== undefined) return stop;
    const { db } = this.store;
    db.pragma(`wal_autocheckpoint = ${options.backstopPages ?? WAL_BACKSTOP_PAGES}`);
    this.timer = setInterval(() => {
      try {
        if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or failing now: the next tick (or the backstop) checkpoints; writes are unaffected.
      }
    }, options.intervalMs ?? CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
    return stop;
  }

  /** Stops the background checkpoints (Store.close does) and restores SQLite's default. */
  stopCheckpoints(): void {
    const { db } = this.store;
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }
}

/** Runs `step` in its own transaction until it changes nothing; returns the rows changed. */
function inChunks(store: StoreCore, step: () => { changes: number }): number {
  let total = 0;
  for (;;) {
    const { changes } = store.transaction(step);
    total += changes;
    if (changes === 0) return total;
  }
}

/**
 * Sets old texts to NULL, chunk by chunk (the partial index on stored texts finds them). A row stored
 * before classes existed is classified and fingerprinted first, by the store's own policy, so the
 * detectors can still read it.
 */
function purgeTexts(store: StoreCore, cutoff: number, counts: PurgeCounts): void {
  const select = store.sql.get(
    `SELECT row_id, source, source_id, group_id, sender_id, time, type, text, mention_all,
       (text_class IS NULL OR fingerprint IS NULL) AS needs_class
     FROM messages WHERE text IS NOT NULL AND time < ? AND type != 'recalled' LIMIT ${CHUNK}`,
  );
  const clear = store.sql.get(
    `UPDATE messages SET text = NULL, quote_excerpt = NULL,
       text_class = COALESCE(text_class, ?), reply_number = COALESCE(reply_number, ?),
       fingerprint = COALESCE(fingerprint, ?)
     WHERE row_id = ?`,
  );
  for (;;) {
    const rows = select.all(cutoff) as TextRow[];
    if (rows.length === 0) return;
    store.transaction(() => {
      for (const r of rows) {
        let facts: { textClass: string | null; replyNumber: number | null; fingerprint: string | null } = {
          textClass: null,
          replyNumber: null,
          fingerprint: null,
        };
        if (r.needs_class) {
          facts = store.policy.prepare(
            {
              source: r.source,
              id: r.source_id,
              groupId: r.group_id,
              senderId: r.sender_id,
              time: r.time,
              type: r.type,
              text: r.text,
              mentionAll: r.mention_all === 1,
              mentionIds: [],
              link: null,
              file: null,
              miniprogram: null,
            },
            () => 'recorded',
          );
          counts.classified++;
        }
        clear.run(facts.textClass, facts.replyNumber, facts.fingerprint, r.row_id);
      }
    });
    counts.textsPurged += rows.length;
  }
}
