import type { Config } from '../config/schema.js';
import type { MessageType } from '../model/message.js';
import { eraseFreedBytes } from './erase-freed-bytes.js';
import { Outbox } from './outbox.js';
import type { Store } from './store.js';

const DAY = 86_400_000;
/** Rows changed per transaction, so a purge of a year never holds one huge write open. */
const CHUNK = 5000;
/** Outbox rows whose payload may go (its own rule, Outbox.purgePayloads). */
const DONE_STATES = "('sent', 'failed', 'undeliverable', 'unconfirmed')";

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

/**
 * The retention purge (docs/PRIVACY.md), run nightly by the `retentionPurge` job and by `qingqun
 * purge`: message texts older than `retention.textDays` are set to NULL (class, length and fingerprint
 * stay; a recall keeps its text, the recalled id; a link card's title, URL and summary and a file's
 * name and hash are the keys duplicates are found by and stay); messages, room events and membership snapshots older than
 * `retention.recordDays` are deleted; outbox payloads older than `textDays` are purged. Idempotent and
 * safe to interrupt: it works in chunks, each its own transaction. Deleted content is overwritten
 * (secure_delete, on for every connection); when anything was purged the file is then rewritten and
 * the WAL truncated (eraseFreedBytes), so it does not linger in the files. `dryRun` only counts.
 */
export function purgeExpired(
  store: Store,
  config: Pick<Config, 'retention'>,
  now: number,
  options: { dryRun?: boolean } = {},
): PurgeCounts {
  const { db } = store;
  const dryRun = options.dryRun ?? false;
  const textCutoff = now - config.retention.textDays * DAY;
  const recordCutoff = now - config.retention.recordDays * DAY;
  const counts: PurgeCounts = {
    dryRun,
    textCutoff,
    recordCutoff,
    textsPurged: 0,
    classified: 0,
    messagesDeleted: 0,
    roomEventsDeleted: 0,
    snapshotsDeleted: 0,
    outboxPayloadsPurged: 0,
  };
  const count = (sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
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
    db
      .prepare(
        `DELETE FROM messages WHERE row_id IN (SELECT row_id FROM messages WHERE time < ? LIMIT ${CHUNK})`,
      )
      .run(recordCutoff),
  );
  purgeTexts(store, textCutoff, counts);
  store.transaction(() => {
    counts.roomEventsDeleted = db.prepare('DELETE FROM room_events WHERE time < ?').run(recordCutoff).changes;
    counts.snapshotsDeleted = db
      .prepare(`DELETE FROM membership_snapshots WHERE confirmed_at < ? AND id NOT IN (${latestSnapshots})`)
      .run(recordCutoff).changes;
    counts.outboxPayloadsPurged = new Outbox(db).purgePayloads(textCutoff);
  });
  const purged =
    counts.messagesDeleted +
    counts.textsPurged +
    counts.roomEventsDeleted +
    counts.snapshotsDeleted +
    counts.outboxPayloadsPurged;
  // Nothing deleted, nothing to rewrite: the nightly run on a quiet store stays cheap.
  if (purged > 0 && !eraseFreedBytes(db).walTruncated) counts.walBusy = true;
  return counts;
}

/** Runs `step` in its own transaction until it changes nothing; returns the rows changed. */
function inChunks(store: Store, step: () => { changes: number }): number {
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
function purgeTexts(store: Store, cutoff: number, counts: PurgeCounts): void {
  const { db } = store;
  const select = db.prepare(
    `SELECT row_id, source, source_id, group_id, sender_id, time, type, text, mention_all,
       (text_class IS NULL OR fingerprint IS NULL) AS needs_class
     FROM messages WHERE text IS NOT NULL AND time < ? AND type != 'recalled' LIMIT ${CHUNK}`,
  );
  const clear = db.prepare(
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
