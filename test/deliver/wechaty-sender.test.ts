import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { log } from 'wechaty';
import { configSchema } from '../../src/config/schema.js';
import { SendQueue, type UndeliverableReport } from '../../src/deliver/send-queue.js';
import { RecipientUnavailableError, SenderOfflineError } from '../../src/deliver/sender.js';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';
import { createWechatySender } from '../../src/deliver/wechaty-sender.js';
import { type CreatedBot, createBot } from '../../src/ingest/wechaty/create-bot.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';
import { T0 } from './queue-fixture.js';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let created: CreatedBot;
let store: Store;

beforeEach(async () => {
  log.level('silent');
  created = createBot(configSchema.parse({}), { out: () => {} });
  const { bot, mocker } = created;
  if (!mocker) throw new Error('expected the simulation puppet');
  // Contact.find reports an unknown id as an error event; an unhandled one would end the process.
  bot.on('error', () => {});
  await bot.start();
  const me = mocker.createContact({ id: 'qingqun-bot', name: 'qingqun' });
  mocker.createContact({ id: 'u-li', name: '李娜' });
  mocker.createContact({ id: 'u-former', name: '赵敏', friend: false });
  await new Promise<void>((resolve) => {
    bot.once('login', () => resolve());
    mocker.login(me);
  });
  store = openTempStore();
});

afterEach(async () => {
  await created.bot.stop();
  store.close();
});

describe('Wechaty sender on the mock puppet', () => {
  it('delivers text and PNGs (from a path and from bytes) through the queue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-png-'));
    const chart = join(dir, 'week-48.png');
    writeFileSync(chart, PNG);
    const outbox = store.outbox;
    const queue = new SendQueue({
      outbox,
      sender: createWechatySender(created.bot),
      clock: new SimulatedClock(T0),
      settings: configSchema.parse({}).deliver,
    });
    queue.enqueue([
      { dedupeKey: 'd:1', recipientId: 'u-li', content: { kind: 'text', text: '本周群消息周报（第1部分）' } },
      { dedupeKey: 'd:2', recipientId: 'u-li', content: { kind: 'image', path: chart } },
      {
        dedupeKey: 'd:3',
        recipientId: 'u-li',
        content: { kind: 'image', base64: PNG.toString('base64'), name: 'audit.png' },
      },
    ]);
    expect(await queue.drain()).toMatchObject({ sent: 3, failed: 0, undeliverable: 0 });
    const sent = created.sent;
    expect(sent.map((s) => [s.kind, s.conversationId])).toEqual([
      ['text', 'u-li'],
      ['file', 'u-li'],
      ['file', 'u-li'],
    ]);
    expect(sent[0]?.text).toBe('本周群消息周报（第1部分）');
    expect(sent.slice(1).map((s) => s.file?.name)).toEqual(['week-48.png', 'audit.png']);
    for (const s of sent.slice(1)) expect((await s.file?.toBuffer())?.equals(PNG)).toBe(true);
  });

  it('an unknown contact id and a former friend become undeliverable, reported once each', async () => {
    const outbox = store.outbox;
    const reports: UndeliverableReport[] = [];
    const queue = new SendQueue({
      outbox,
      sender: createWechatySender(created.bot),
      clock: new SimulatedClock(T0),
      settings: configSchema.parse({}).deliver,
      onUndeliverable: (r) => reports.push(r),
    });
    queue.enqueue([
      { dedupeKey: 'x:1', recipientId: 'u-nobody', content: { kind: 'text', text: '周报' } },
      { dedupeKey: 'x:2', recipientId: 'u-nobody', content: { kind: 'text', text: '周报（续）' } },
      { dedupeKey: 'y:1', recipientId: 'u-former', content: { kind: 'text', text: '周报' } },
      { dedupeKey: 'z:1', recipientId: 'u-li', content: { kind: 'text', text: '周报' } },
    ]);
    const result = await queue.drain({ waitForRetries: true });
    expect(result).toMatchObject({ sent: 1, undeliverable: 3, retried: 0, failed: 0, remaining: 0 });
    expect(reports.map((r) => [r.recipientId, r.reason, r.rows.length])).toEqual([
      ['u-nobody', 'not-found', 2],
      ['u-former', 'not-friend', 1],
    ]);
    expect(created.sent.map((s) => s.conversationId)).toEqual(['u-li']);
  });

  it('throws the typed errors the queue relies on', async () => {
    const sender = createWechatySender(created.bot);
    await expect(sender.sendText('u-nobody', '你好')).rejects.toBeInstanceOf(RecipientUnavailableError);
    await expect(sender.sendText('u-former', '你好')).rejects.toMatchObject({ reason: 'not-friend' });
    await created.bot.logout();
    await expect(sender.sendText('u-li', '你好')).rejects.toBeInstanceOf(SenderOfflineError);
    expect(created.sent).toEqual([]);
  });
});
