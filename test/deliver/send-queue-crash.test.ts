import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sender } from '../../src/deliver/sender.js';
import { Store } from '../../src/store/store.js';
import { queueFixture, textItems } from './queue-fixture.js';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Counts deliveries per text; `hangOn` makes that call never return (the process "dies" in it). */
function deliveryLog(hangOn?: string) {
  const delivered = new Map<string, number>();
  const sender: Sender = {
    async sendText(_id, text) {
      delivered.set(text, (delivered.get(text) ?? 0) + 1);
      if (text === hangOn) await new Promise(() => {});
    },
    async sendImage() {},
  };
  return { delivered, sender };
}

describe('exactly once across a crash (in process)', () => {
  it('a row left in sending is reported unconfirmed, never resent; everything else goes exactly once', async () => {
    const items = textItems(6, ['u-1', 'u-2']).map((item) => ({
      ...item,
      content: { kind: 'text' as const, text: item.dedupeKey },
    }));
    const { delivered, sender } = deliveryLog('key-3');
    const first = queueFixture({}, { sender });
    first.queue.enqueue(items);
    // The third call never returns: the "process" dies during the puppet call.
    void first.queue.drain();
    await expect.poll(() => delivered.get('key-3')).toBe(1);
    expect(first.outbox.get('key-3')?.state).toBe('sending');
    first.store.close();

    const { delivered: again, sender: sender2 } = deliveryLog();
    const second = queueFixture({}, { sender: sender2, path: first.path });
    open.push(second.store);
    // The digest job runs again for its period (it was not marked done): enqueueing is a no-op.
    expect(second.queue.enqueue(items)).toEqual(items.map(() => 'duplicate'));
    await second.queue.drain({ waitForRetries: true });

    const total = (key: string) => (delivered.get(key) ?? 0) + (again.get(key) ?? 0);
    expect(items.map((i) => total(i.dedupeKey))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(again.has('key-3')).toBe(false);
    expect(second.unconfirmed.map((r) => r.dedupeKey)).toEqual(['key-3']);
    expect(second.outbox.counts()).toMatchObject({ sent: 5, unconfirmed: 1, sending: 0, queued: 0 });
    // The operator can decide to send it after all.
    expect(second.outbox.requeue('key-3', second.clock.now())).toBe(true);
    await second.queue.drain();
    expect(again.get('key-3')).toBe(1);
  });

  it("a row marked ifUncertain 'resend' is queued again after the crash", async () => {
    const first = queueFixture();
    first.outbox.enqueue(
      [
        {
          dedupeKey: 'reply-1',
          recipientId: 'u-1',
          content: { kind: 'text', text: '帮助' },
          ifUncertain: 'resend',
        },
      ],
      first.clock.now(),
    );
    const row = first.outbox.get('reply-1');
    expect(first.outbox.claim(row?.id as number, first.clock.now())).toBe(true);
    first.store.close();
    const second = queueFixture({}, { path: first.path });
    open.push(second.store);
    await second.queue.drain();
    expect(second.sender.calls.map((c) => c.what)).toEqual(['帮助']);
    expect(second.unconfirmed).toEqual([]);
    expect(second.outbox.get('reply-1')).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

const CHILD = join(import.meta.dirname, 'drain-child.ts');

function runChild(db: string, log: string, count: number, killAfterLines?: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, log, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const lines = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
  let poll: NodeJS.Timeout | undefined;
  if (killAfterLines !== undefined) {
    poll = setInterval(() => {
      if (lines().length >= killAfterLines) child.kill('SIGKILL');
    }, 5);
  }
  return new Promise<{ signal: NodeJS.Signals | null; records: Record<string, unknown>[] }>((resolve) => {
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      resolve({
        signal,
        records: stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      });
    });
  });
}

describe('exactly once across SIGKILL (child process)', () => {
  it('killed three times mid-queue: no key is delivered twice, and each is delivered or reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingqun-sigkill-'));
    const db = join(dir, 'q.sqlite');
    const log = join(dir, 'delivered.log');
    const count = 24;
    const unconfirmed: string[] = [];
    for (const killAt of [4, 10, 16]) {
      const run = await runChild(db, log, count, killAt);
      expect(run.signal).toBe('SIGKILL');
      for (const r of run.records) if (Array.isArray(r.unconfirmed)) unconfirmed.push(...r.unconfirmed);
    }
    const final = await runChild(db, log, count);
    expect(final.signal).toBeNull();
    for (const r of final.records) if (Array.isArray(r.unconfirmed)) unconfirmed.push(...r.unconfirmed);
    expect(final.records.at(-1)).toMatchObject({ done: true });

    const keys = Array.from({ length: count }, (_, i) => `digest:2026-W47:owner:u-${i % 4}:part:${i + 1}`);
    const delivered = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const times = (key: string) => delivered.filter((d) => d === key).length;
    expect(keys.filter((k) => times(k) > 1)).toEqual([]);
    expect(keys.filter((k) => times(k) === 0 && !unconfirmed.includes(k))).toEqual([]);
    expect(new Set(unconfirmed).size).toBe(unconfirmed.length);
    expect(unconfirmed.length).toBeLessThanOrEqual(3);

    const store = new Store(db);
    open.push(store);
    const outbox = store.outbox;
    expect(outbox.counts()).toMatchObject({ sending: 0, queued: 0, sent: count - unconfirmed.length });
    expect(
      outbox
        .list('unconfirmed')
        .map((r) => r.dedupeKey)
        .sort(),
    ).toEqual([...unconfirmed].sort());
  });
});
