/**
 * Child process for the SIGKILL test: enqueues `count` messages (idempotently, as a re-run digest
 * job would), then drains them with a sender that appends each key to a file — the moment of
 * delivery — and then takes a while to return, as a puppet call does. Prints JSON lines on stdout.
 *   node --import tsx test/deliver/drain-child.ts DB LOG COUNT
 */
import { appendFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { configSchema } from '../../src/config/schema.js';
import { systemClock } from '../../src/deliver/clock.js';
import { SendQueue } from '../../src/deliver/send-queue.js';
import { Store } from '../../src/store/store.js';

const [dbPath, logPath, countArg] = process.argv.slice(2) as [string, string, string];
const store = new Store(dbPath);
const outbox = store.outbox;
const settings = configSchema.parse({
  deliver: { minGapMs: 0, jitterMs: 0, minGapSameRecipientMs: 0, maxPerMinute: 100_000 },
}).deliver;
const say = (record: object) => process.stdout.write(`${JSON.stringify(record)}\n`);

const queue = new SendQueue({
  outbox,
  clock: systemClock,
  settings,
  sender: {
    async sendText(_contactId, text) {
      appendFileSync(logPath, `${text}\n`);
      await delay(60);
    },
    async sendImage() {
      throw new Error('not used');
    },
  },
  onUnconfirmed: (rows) => say({ unconfirmed: rows.map((r) => r.dedupeKey) }),
});

const count = Number(countArg);
queue.enqueue(
  Array.from({ length: count }, (_, i) => ({
    dedupeKey: `digest:2026-W47:owner:u-${i % 4}:part:${i + 1}`,
    recipientId: `u-${i % 4}`,
    content: { kind: 'text' as const, text: `digest:2026-W47:owner:u-${i % 4}:part:${i + 1}` },
  })),
);
const result = await queue.drain();
say({ done: true, result, counts: outbox.counts() });
store.close();
