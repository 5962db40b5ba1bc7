import type { Statement } from 'better-sqlite3';
import type { WeekChartSpec } from '../model/week-chart.js';
import type { Db } from './open-database.js';
import type { StoreCore } from './store-core.js';

/**
 * queued → sending → sent, or back to queued for a retry, or failed (attempts exhausted),
 * undeliverable (the recipient cannot be reached), unconfirmed (the process died during the puppet
 * call: it may or may not have gone out). docs/RELIABILITY.md, "Send queue", states the contract.
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'undeliverable' | 'unconfirmed';

export const OUTBOX_STATES: readonly OutboxState[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'undeliverable',
  'unconfirmed',
];

/** A file carried by a mail: a PNG shown inline (`cid` set) or an attachment. */
export interface MailFile {
  name: string;
  contentType: string;
  base64: string;
  /** Content-ID the HTML refers to as `cid:…`; absent for an attachment. */
  cid?: string;
}

/** A mail's week chart, kept as what to draw; drawn into a MailFile when the mail is sent. */
export interface MailChart {
  name: string;
  contentType: 'image/png';
  chart: WeekChartSpec;
  cid?: string;
}

/**
 * What a channel sends: text, or a PNG given as a file path or as base64 bytes, or (email) one whole
 * mail: subject, plain text and HTML, inline images and attachments.
 */
export type SendableContent =
  | { kind: 'text'; text: string }
  | { kind: 'image'; path: string }
  | { kind: 'image'; base64: string; name?: string }
  | { kind: 'mail'; subject: string; text: string; html: string; files: MailFile[] };

/**
 * What the outbox keeps: sendable content, or content with a week chart still to draw (an image, or a
 * mail's file). The send queue draws it just before the channel sends (`drawCharts`, deliver/send-queue.ts).
 */
export type OutgoingContent =
  | SendableContent
  | { kind: 'image'; chart: WeekChartSpec; name: string }
  | { kind: 'mail'; subject: string; text: string; html: string; files: (MailFile | MailChart)[] };

/**
 * The channel a message goes out on (src/deliver/channel.ts). The outbox only stores it; the queue
 * picks the sender by it and resolves the recipient's address on it at send time.
 */
export type OutboxChannel = 'wechat' | 'email' | 'wecom' | 'wecomRobot';

/**
 * What to do with a message found in 'sending' after a crash: 'report' marks it unconfirmed and
 * never resends it (digests: a duplicate is worse than a visible gap); 'resend' queues it again
 * (harmless repeats, e.g. a reply to a command).
 */
export type IfUncertain = 'report' | 'resend';

export interface OutboxItem {
  /** One logical message, e.g. `digest:2026-W47:owner:u-0001:part:1`. Enqueueing it again is a no-op. */
  dedupeKey: string;
  recipientId: string;
  content: OutgoingContent;
  /** Not sent before this time (ms since epoch); default: at once. */
  notBefore?: number;
  ifUncertain?: IfUncertain;
  /** Default 'wechat'. */
  channel?: OutboxChannel;
}

export interface OutboxRow {
  id: number;
  dedupeKey: string;
  recipientId: string;
  channel: OutboxChannel;
  /** Null once purged (see purgePayloads); the key stays so the message is never enqueued again. */
  content: OutgoingContent | null;
  state: OutboxState;
  ifUncertain: IfUncertain;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

/** 'duplicate': the key exists with the same recipient and content; 'conflict': it exists with other ones. */
export type EnqueueOutcome = 'queued' | 'duplicate' | 'conflict';

const COLUMNS = `id, dedupe_key AS dedupeKey, recipient_id AS recipientId, channel, payload, state,
  if_uncertain AS ifUncertain, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError,
  created_at AS createdAt, updated_at AS updatedAt, sent_at AS sentAt`;

type RawRow = Omit<OutboxRow, 'content'> & { payload: string | null };

function toRow(raw: RawRow): OutboxRow {
  const { payload, ...rest } = raw;
  return { ...rest, content: payload === null ? null : (JSON.parse(payload) as OutgoingContent) };
}

const SQL = {
  insert: `
        INSERT INTO outbox (dedupe_key, recipient_id, kind, payload, state, if_uncertain, next_attempt_at,
          created_at, updated_at, channel)
        VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)
        ON CONFLICT (dedupe_key) DO NOTHING`,
  byKey: `SELECT ${COLUMNS} FROM outbox WHERE dedupe_key = ?`,
  byId: `SELECT ${COLUMNS} FROM outbox WHERE id = ?`,
  // A range on the unique key's index (BINARY collation: every key with the prefix sorts
  // between the prefix and the prefix followed by the highest code point).
  prefix: 'SELECT 1 FROM outbox WHERE dedupe_key >= ? AND dedupe_key < ? LIMIT 1',
  // Parts to one recipient go out in the order they were enqueued: a row waits while an earlier
  // one to the same recipient is still queued or in flight.
  // Channels in the JSON array bound last are skipped (no sender for them in this process).
  nextDue: `
        SELECT ${COLUMNS} FROM outbox o
        WHERE o.state = 'queued' AND o.next_attempt_at <= ?
          AND o.channel NOT IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.recipient_id = o.recipient_id AND p.id < o.id
                          AND p.state IN ('queued', 'sending'))
        ORDER BY o.next_attempt_at, o.id LIMIT 1`,
  nextDueAfter: `SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'queued' AND next_attempt_at > ?`,
  claim: `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?
        WHERE id = ? AND state = 'queued'`,
  sent: `UPDATE outbox SET state = 'sent', sent_at = ?, updated_at = ?, last_error = NULL
        WHERE id = ? AND state = 'sending'`,
  retry: `UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = ?, updated_at = ?
        WHERE id = ? AND state = 'sending'`,
  release: `UPDATE outbox SET state = 'queued', attempts = attempts - 1, next_attempt_at = ?,
        last_error = ?, updated_at = ? WHERE id = ? AND state = 'sending'`,
  failed: `UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ?
        WHERE id = ? AND state = 'sending'`,
  undeliverable: `UPDATE outbox SET state = 'undeliverable', last_error = ?, updated_at = ?
        WHERE (id = ? AND state = 'sending') OR (recipient_id = ? AND channel = ? AND state = 'queued')
        RETURNING ${COLUMNS}`,
  recoverResend: `UPDATE outbox SET state = 'queued', next_attempt_at = ?, updated_at = ?,
        last_error = 'interrupted during send; resent' WHERE state = 'sending' AND if_uncertain = 'resend'
        RETURNING ${COLUMNS}`,
  recoverReport: `UPDATE outbox SET state = 'unconfirmed', updated_at = ?,
        last_error = 'interrupted during send; may or may not have been delivered'
        WHERE state = 'sending' AND if_uncertain = 'report' RETURNING ${COLUMNS}`,
  requeue: `UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ?
        WHERE dedupe_key = ? AND state IN ('failed', 'undeliverable', 'unconfirmed')`,
  cancel: `UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ?
        WHERE dedupe_key = ? AND state = 'queued'`,
  sentSince: `SELECT recipient_id AS recipientId, sent_at AS at FROM outbox
        WHERE state = 'sent' AND sent_at >= ? ORDER BY sent_at`,
  sentSinceOnChannels: `SELECT recipient_id AS recipientId, channel, sent_at AS at FROM outbox
        WHERE state = 'sent' AND sent_at >= ? ORDER BY sent_at`,
  list: `SELECT ${COLUMNS} FROM outbox ORDER BY id`,
  listState: `SELECT ${COLUMNS} FROM outbox WHERE state = ? ORDER BY id`,
  counts: 'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state',
  byChannel: 'SELECT channel, COUNT(*) AS n FROM outbox WHERE state = ? GROUP BY channel',
  purge: `UPDATE outbox SET payload = NULL
        WHERE payload IS NOT NULL AND state IN ('sent', 'failed', 'undeliverable', 'unconfirmed') AND updated_at < ?`,
};

/**
 * The outbox table (migration 2). Every state change is one autocommitted statement, so the state
 * on disk is always what the queue last did: 'sending' is committed before the puppet call and
 * 'sent' after it. Only one process may send from a database (recoverInterrupted assumes it).
 */
export class Outbox {
  constructor(private readonly store: StoreCore) {}

  private get db(): Db {
    return this.store.db;
  }

  private q(name: Exclude<keyof typeof SQL, 'nextDueAfter'>): Statement {
    return this.store.sql.get(SQL[name]);
  }

  /** Adds messages in one transaction; a key already present is left exactly as it is. */
  enqueue(items: readonly OutboxItem[], now: number): EnqueueOutcome[] {
    return this.db.transaction(() =>
      items.map((item): EnqueueOutcome => {
        const payload = JSON.stringify(item.content);
        const info = this.q('insert').run(
          item.dedupeKey,
          item.recipientId,
          // The kind column's CHECK predates mail; a mail is text-bearing (its payload says 'mail').
          item.content.kind === 'mail' ? 'text' : item.content.kind,
          payload,
          item.ifUncertain ?? 'report',
          item.notBefore ?? now,
          now,
          now,
          item.channel ?? 'wechat',
        );
        if (info.changes === 1) return 'queued';
        const existing = this.q('byKey').get(item.dedupeKey) as RawRow;
        const same =
          existing.recipientId === item.recipientId &&
          (existing.payload === null || existing.payload === payload);
        return same ? 'duplicate' : 'conflict';
      }),
    )();
  }

  /** Whether any message's key starts with `prefix` (one digest, whichever channel carried it). */
  hasKeyPrefix(prefix: string): boolean {
    return this.q('prefix').get(prefix, `${prefix}\u{10FFFF}`) !== undefined;
  }

  get(dedupeKey: string): OutboxRow | undefined {
    const raw = this.q('byKey').get(dedupeKey) as RawRow | undefined;
    return raw && toRow(raw);
  }

  getById(id: number): OutboxRow | undefined {
    const raw = this.q('byId').get(id) as RawRow | undefined;
    return raw && toRow(raw);
  }

  /**
   * The next queued row due at `now` whose earlier parts to the same recipient are all settled,
   * leaving out rows on the `skip` channels.
   */
  nextDue(now: number, skip: readonly OutboxChannel[] = []): OutboxRow | undefined {
    const raw = this.q('nextDue').get(now, JSON.stringify(skip)) as RawRow | undefined;
    return raw && toRow(raw);
  }

  /**
   * The earliest time after `now` at which a queued row becomes due, if any. (Rows due already but
   * waiting behind an earlier part are not counted: they move when that part does.)
   */
  nextDueAfter(now: number): number | undefined {
    return (this.store.sql.pluck(SQL.nextDueAfter).get(now) as number | null) ?? undefined;
  }

  /**
   * queued → sending, counting an attempt. False if the row was not queued (nothing to send).
   * This one commit is made durable (synchronous = FULL syncs the WAL at commit) before the puppet
   * call: under the store's usual NORMAL a power cut could roll it back after the message went out,
   * and the row would be sent again. One fsync per message is nothing at 20 messages a minute.
   */
  claim(id: number, now: number): boolean {
    const previous = this.db.pragma('synchronous', { simple: true }) as number;
    if (previous >= 2) return this.q('claim').run(now, id).changes === 1;
    this.db.pragma('synchronous = FULL');
    try {
      return this.q('claim').run(now, id).changes === 1;
    } finally {
      this.db.pragma(`synchronous = ${previous}`);
    }
  }

  markSent(id: number, now: number): void {
    this.q('sent').run(now, now, id);
  }

  /** sending → queued for another attempt at `at`. */
  retryAt(id: number, at: number, error: string, now: number): void {
    this.q('retry').run(at, error, now, id);
  }

  /** sending → queued at `at` without counting the attempt (the sender was offline; nothing was tried). */
  release(id: number, at: number, error: string, now: number): void {
    this.q('release').run(at, error, now, id);
  }

  markFailed(id: number, error: string, now: number): void {
    this.q('failed').run(error, now, id);
  }

  /**
   * The row in flight and every queued row to the same recipient on the same channel (default
   * WeChat) become undeliverable; returns them.
   */
  markUndeliverable(
    id: number,
    recipientId: string,
    error: string,
    now: number,
    channel: OutboxChannel = 'wechat',
  ): OutboxRow[] {
    return (this.q('undeliverable').all(error, now, id, recipientId, channel) as RawRow[]).map(toRow);
  }

  /**
   * At startup of the one sending process: rows still 'sending' were interrupted mid-call. Those that
   * allow it are queued again; the others become 'unconfirmed' and are returned for reporting.
   */
  recoverInterrupted(now: number): { unconfirmed: OutboxRow[]; requeued: OutboxRow[] } {
    return this.db.transaction(() => ({
      requeued: (this.q('recoverResend').all(now, now) as RawRow[]).map(toRow),
      unconfirmed: (this.q('recoverReport').all(now) as RawRow[]).map(toRow),
    }))();
  }

  /** An operator's decision to send a failed, undeliverable or unconfirmed message again. */
  requeue(dedupeKey: string, now: number): boolean {
    return this.q('requeue').run(now, now, dedupeKey).changes === 1;
  }

  /**
   * An operator's decision not to send a queued message: it becomes 'failed' with the reason given
   * (so it stays visible and `requeue` can bring it back). Only a 'queued' row can be cancelled; one
   * being sent is past stopping. Safe while the bot runs: the queue claims only 'queued' rows.
   */
  cancel(dedupeKey: string, reason: string, now: number): boolean {
    return this.q('cancel').run(reason, now, dedupeKey).changes === 1;
  }

  /** Sends completed at or after `since`, oldest first (restores the throttle's memory after a restart). */
  sentSince(since: number): { recipientId: string; at: number }[] {
    return this.q('sentSince').all(since) as { recipientId: string; at: number }[];
  }

  /** sentSince with each send's channel (each channel has its own throttle). */
  sentSinceOnChannels(since: number): { recipientId: string; channel: OutboxChannel; at: number }[] {
    return this.q('sentSinceOnChannels').all(since) as {
      recipientId: string;
      channel: OutboxChannel;
      at: number;
    }[];
  }

  list(state?: OutboxState): OutboxRow[] {
    const raw = (state ? this.q('listState').all(state) : this.q('list').all()) as RawRow[];
    return raw.map(toRow);
  }

  counts(): Record<OutboxState, number> {
    const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
    for (const { state, n } of this.q('counts').all() as { state: OutboxState; n: number }[])
      counts[state] = n;
    return counts;
  }

  /** Messages in `state` per channel. */
  countByChannel(state: OutboxState): Partial<Record<OutboxChannel, number>> {
    const rows = this.q('byChannel').all(state) as { channel: OutboxChannel; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.channel, r.n]));
  }

  /** Drops the content of settled rows last changed before `before`; keys and states stay. */
  purgePayloads(before: number): number {
    return this.q('purge').run(before).changes;
  }
}
