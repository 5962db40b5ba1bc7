import { configSchema } from '../../src/config/schema.js';
import type { Clock } from '../../src/deliver/clock.js';
import { SendQueue, type SendQueueOptions, type UndeliverableReport } from '../../src/deliver/send-queue.js';
import type { Sender } from '../../src/deliver/sender.js';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';
import type { OutboxRow } from '../../src/store/outbox.js';
import { Store } from '../../src/store/store.js';
import { tempStorePath } from '../fixtures/temp-store.js';

export interface SentCall {
  contactId: string;
  kind: 'text' | 'image';
  /** The text, the image path, or the image's byte count. */
  what: string | number;
  at: number;
}

/**
 * A sender that records each call with the clock's time. `failWith(contactId, …errors)` makes the
 * next calls to that contact throw those errors, in order.
 */
export class RecordingSender implements Sender {
  readonly calls: SentCall[] = [];
  private readonly failures = new Map<string, Error[]>();

  constructor(private readonly clock: Clock) {}

  failWith(contactId: string, ...errors: Error[]): void {
    this.failures.set(contactId, [...(this.failures.get(contactId) ?? []), ...errors]);
  }

  async sendText(contactId: string, text: string): Promise<void> {
    this.call(contactId, 'text', text);
  }

  async sendImage(contactId: string, image: string | Buffer): Promise<void> {
    this.call(contactId, 'image', typeof image === 'string' ? image : image.length);
  }

  private call(contactId: string, kind: 'text' | 'image', what: string | number): void {
    const error = this.failures.get(contactId)?.shift();
    this.calls.push({ contactId, kind, what, at: this.clock.now() });
    if (error) throw error;
  }
}

export const T0 = Date.UTC(2026, 10, 23, 1, 0); // Monday 2026-11-23 09:00 in Shanghai

/** A queue on a real SQLite file in a temp dir, a simulated clock and a recording sender. */
export function queueFixture(
  deliver: Record<string, number> = {},
  extra: Partial<SendQueueOptions> & { path?: string; start?: number } = {},
) {
  const path = extra.path ?? tempStorePath();
  const store = new Store(path);
  const outbox = store.outbox;
  const clock = new SimulatedClock(extra.start ?? T0);
  const sender = new RecordingSender(clock);
  const settings = configSchema.parse({ deliver }).deliver;
  const undeliverable: UndeliverableReport[] = [];
  const failed: OutboxRow[] = [];
  const unconfirmed: OutboxRow[] = [];
  const queue = new SendQueue({
    outbox,
    sender,
    clock,
    settings,
    random: () => 0.5,
    onUndeliverable: (r) => undeliverable.push(r),
    onFailed: (r) => failed.push(r),
    onUnconfirmed: (rows) => unconfirmed.push(...rows),
    ...extra,
  });
  return { path, store, outbox, clock, sender, settings, queue, undeliverable, failed, unconfirmed };
}

/** `n` text items `key-1…key-n` spread round-robin over `recipients`. */
export function textItems(n: number, recipients: readonly string[], prefix = 'key') {
  return Array.from({ length: n }, (_, i) => ({
    dedupeKey: `${prefix}-${i + 1}`,
    recipientId: recipients[i % recipients.length] as string,
    content: { kind: 'text' as const, text: `第${i + 1}条` },
  }));
}
