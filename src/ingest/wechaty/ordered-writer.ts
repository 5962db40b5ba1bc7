import type { Logger } from '../../logging/logger.js';
import type { InsertOutcome } from '../../store/messages.js';
import type { Store } from '../../store/store.js';
import { type PreparedMessage, writeMessage } from './record-message.js';

export interface OrderedWriterOptions {
  /** Messages waiting at most (read from the puppet or waiting for the database). Default 10,000. */
  maxQueued?: number;
  /** How long one message may wait for a locked database before it is reported lost. Default 10 min. */
  maxWaitMs?: number;
  /** First pause after a busy database; doubles up to `maxBackoffMs`. Defaults 100 ms and 2 s. */
  backoffMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Thrown (to be logged) when a message cannot be kept: the queue is full, or the lock outlasted maxWaitMs. */
export class MessageLostError extends Error {}

/** SQLite's "someone else holds the lock" (SQLITE_BUSY and its extended codes, SQLITE_LOCKED). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The live recorder's writes, one at a time in the order the messages arrived. Real puppets do not
 * replay a message the bot failed to store, so a database locked for longer than its busy timeout (a
 * long purge, forget or import, a VACUUM, a backup on a slow disk) must not cost a message: the
 * message stays in this bounded in-memory queue and the write is retried with backoff until the lock
 * is gone; the messages behind it wait their turn, so nothing is reordered. Reading a message from
 * the puppet starts at once (concurrently); only the writes are serial.
 *
 * Contract: `submit` resolves with the store's outcome once this message is written, after every
 * message submitted before it. It rejects — and the caller logs it with the message id — only when
 * the message truly cannot be kept: reading it from the puppet failed, its write failed for a reason
 * other than a lock, the lock lasted longer than `maxWaitMs`, or `maxQueued` messages are already
 * waiting. A process that dies loses what is queued (at most the messages of the lock's duration).
 */
export class OrderedWriter {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private readonly maxQueued: number;
  private readonly maxWaitMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    options: OrderedWriterOptions = {},
  ) {
    this.maxQueued = options.maxQueued ?? 10_000;
    this.maxWaitMs = options.maxWaitMs ?? 10 * 60_000;
    this.backoffMs = options.backoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 2000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  /** Messages read or waiting, not yet written. */
  get size(): number {
    return this.queued;
  }

  submit(messageId: string, prepared: Promise<PreparedMessage>): Promise<InsertOutcome> {
    if (this.queued >= this.maxQueued) {
      prepared.catch(() => {}); // read anyway; nothing waits for it
      return Promise.reject(new MessageLostError(`recorder queue full (${this.maxQueued} messages waiting)`));
    }
    this.queued++;
    const turn = this.tail.then(async () => {
      try {
        return await this.write(messageId, await prepared);
      } finally {
        this.queued--;
      }
    });
    this.tail = turn.catch(() => {});
    return turn;
  }

  private async write(messageId: string, prepared: PreparedMessage): Promise<InsertOutcome> {
    const started = this.now();
    let pause = this.backoffMs;
    let attempts = 0;
    for (;;) {
      try {
        const outcome = writeMessage(this.store, prepared, this.log);
        if (attempts > 0)
          this.log.info(
            { messageId, attempts: attempts + 1, waitedMs: this.now() - started, queued: this.queued - 1 },
            'database free again; held message stored',
          );
        return outcome;
      } catch (error) {
        if (!isBusyError(error)) throw error;
        attempts++;
        if (this.now() - started >= this.maxWaitMs)
          throw new MessageLostError(`database locked for over ${Math.round(this.maxWaitMs / 1000)} s`);
        if (attempts === 1)
          this.log.warn(
            { messageId, queued: this.queued },
            'database locked; holding messages in order and retrying',
          );
        await this.sleep(pause);
        pause = Math.min(pause * 2, this.maxBackoffMs);
      }
    }
  }
}
