import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/deliver/clock.js';
import { SendQueue } from '../../src/deliver/send-queue.js';
import { RecipientUnavailableError, SenderOfflineError } from '../../src/deliver/sender.js';
import { queueFixture, RecordingSender, T0, textItems } from './queue-fixture.js';

const open: { store: { close(): void } }[] = [];
function fixture(...args: Parameters<typeof queueFixture>) {
  const f = queueFixture(...args);
  open.push(f);
  return f;
}
afterEach(() => {
  for (const f of open.splice(0)) f.store.close();
});

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] as number));
}

describe('SendQueue throttle (simulated clock)', () => {
  it('spaces sends to different recipients by the gap plus jitter, and parts to one recipient by the short gap', async () => {
    const f = fixture({ minGapMs: 3000, jitterMs: 2000, minGapSameRecipientMs: 1000, maxPerMinute: 1000 });
    f.queue.enqueue([
      ...textItems(3, ['u-a'], 'a'),
      ...textItems(2, ['u-b'], 'b'),
      ...textItems(1, ['u-c'], 'c'),
    ]);
    const result = await f.queue.drain();
    expect(result).toMatchObject({ sent: 6, retried: 0, failed: 0, undeliverable: 0, remaining: 0 });
    const calls = f.sender.calls;
    // Parts to one recipient stay in order and together (enqueue order, then the gap rule).
    expect(calls.map((c) => c.contactId)).toEqual(['u-a', 'u-a', 'u-a', 'u-b', 'u-b', 'u-c']);
    expect(calls.map((c) => c.what)).toEqual(['第1条', '第2条', '第3条', '第1条', '第2条', '第1条']);
    calls.slice(1).forEach((c, i) => {
      const gap = c.at - (calls[i]?.at as number);
      const sameRecipient = c.contactId === calls[i]?.contactId;
      // random() is 0.5: the jitter is 1000 ms.
      expect(gap).toBe(sameRecipient ? 1000 : 4000);
    });
    expect(f.clock.sleeps.every((ms) => ms > 0)).toBe(true);
  });

  it('never exceeds maxPerMinute in any 60-second window', async () => {
    const f = fixture({ minGapMs: 0, jitterMs: 0, minGapSameRecipientMs: 0, maxPerMinute: 20 });
    f.queue.enqueue(textItems(65, ['u-a', 'u-b', 'u-c']));
    expect((await f.queue.drain()).sent).toBe(65);
    const times = f.sender.calls.map((c) => c.at);
    for (let i = 0; i + 20 < times.length; i++) {
      expect((times[i + 20] as number) - (times[i] as number)).toBeGreaterThanOrEqual(60_000);
    }
    // The cap, not a fixed gap, paced them: 20 went out at once, then the window held the rest.
    expect(times.slice(0, 20).every((t) => t === T0)).toBe(true);
    expect(times[20]).toBe(T0 + 60_000);
  });

  it('keeps the default spacing with real jitter draws', async () => {
    const f = fixture({}, { random: Math.random });
    f.queue.enqueue(textItems(30, ['u-a', 'u-b', 'u-c', 'u-d', 'u-e']));
    await f.queue.drain();
    const calls = f.sender.calls;
    expect(calls).toHaveLength(30);
    for (const [i, gap] of gaps(calls.map((c) => c.at)).entries()) {
      const same = calls[i + 1]?.contactId === calls[i]?.contactId;
      expect(gap).toBeGreaterThanOrEqual(same ? f.settings.minGapSameRecipientMs : f.settings.minGapMs);
      if (!same) expect(gap).toBeLessThanOrEqual(f.settings.minGapMs + f.settings.jitterMs);
    }
  });

  it('remembers the last minute of sends across a restart', async () => {
    const first = fixture({ minGapMs: 0, jitterMs: 0, minGapSameRecipientMs: 0, maxPerMinute: 5 });
    first.queue.enqueue(textItems(5, ['u-a']));
    await first.queue.drain();
    first.store.close();
    const second = fixture(
      { minGapMs: 0, jitterMs: 0, minGapSameRecipientMs: 0, maxPerMinute: 5 },
      { path: first.path, start: first.clock.now() + 10_000 },
    );
    second.queue.enqueue(textItems(1, ['u-b'], 'later'));
    await second.queue.drain();
    expect(second.sender.calls[0]?.at).toBe(T0 + 60_000);
  });
});

describe('SendQueue retries and failures', () => {
  it('retries with exponential backoff and gives up after maxAttempts', async () => {
    const f = fixture({ maxAttempts: 4, backoffBaseMs: 30_000, backoffMaxMs: 100_000 });
    f.sender.failWith('u-a', ...Array.from({ length: 4 }, () => new Error('network down')));
    f.queue.enqueue(textItems(1, ['u-a']));
    const result = await f.queue.drain({ waitForRetries: true });
    expect(result).toMatchObject({ sent: 0, retried: 3, failed: 1, remaining: 0 });
    expect(gaps(f.sender.calls.map((c) => c.at))).toEqual([30_000, 60_000, 100_000]);
    expect(f.failed.map((r) => [r.dedupeKey, r.state, r.attempts, r.lastError])).toEqual([
      ['key-1', 'failed', 4, 'network down'],
    ]);
  });

  it('without waitForRetries a failed attempt stays queued for later', async () => {
    const f = fixture();
    f.sender.failWith('u-a', new Error('timeout'));
    f.queue.enqueue(textItems(1, ['u-a']));
    expect(await f.queue.drain()).toMatchObject({ sent: 0, retried: 1, remaining: 1 });
    expect(f.outbox.get('key-1')).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: T0 + 30_000 });
    f.clock.advance(30_000);
    expect(await f.queue.drain()).toMatchObject({ sent: 1, remaining: 0 });
    expect(f.outbox.get('key-1')).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
  });

  it('holds later parts to a recipient while an earlier part waits for its retry', async () => {
    const f = fixture();
    f.sender.failWith('u-a', new Error('timeout'));
    f.queue.enqueue([...textItems(2, ['u-a'], 'a'), ...textItems(1, ['u-b'], 'b')]);
    await f.queue.drain({ waitForRetries: true });
    const order = f.sender.calls.map((c) => `${c.contactId}:${c.what}`);
    expect(order).toEqual(['u-a:第1条', 'u-b:第1条', 'u-a:第1条', 'u-a:第2条']);
  });

  it('reports an unreachable recipient once, gives up all its messages and never retries them', async () => {
    const f = fixture();
    f.sender.failWith('u-gone', new RecipientUnavailableError('u-gone', 'not-friend'));
    f.queue.enqueue([...textItems(3, ['u-gone'], 'gone'), ...textItems(2, ['u-ok'], 'ok')]);
    const result = await f.queue.drain({ waitForRetries: true });
    expect(result).toMatchObject({ sent: 2, undeliverable: 3, retried: 0, failed: 0, remaining: 0 });
    expect(f.undeliverable).toHaveLength(1);
    expect(f.undeliverable[0]?.reason).toBe('not-friend');
    expect(f.undeliverable[0]?.rows.map((r) => r.dedupeKey).sort()).toEqual(['gone-1', 'gone-2', 'gone-3']);
    expect(f.sender.calls.filter((c) => c.contactId === 'u-gone')).toHaveLength(1);
    f.clock.advance(86_400_000);
    await f.queue.drain({ waitForRetries: true });
    expect(f.sender.calls.filter((c) => c.contactId === 'u-gone')).toHaveLength(1);
    expect(f.outbox.counts()).toMatchObject({ undeliverable: 3, sent: 2, queued: 0 });
  });

  it('does not count an attempt while the sender is offline', async () => {
    const f = fixture({ maxAttempts: 1 });
    f.sender.failWith('u-a', new SenderOfflineError(), new SenderOfflineError());
    f.queue.enqueue(textItems(1, ['u-a']));
    expect(await f.queue.drain()).toMatchObject({ offline: true, sent: 0, remaining: 1 });
    expect(await f.queue.drain({ waitForRetries: true })).toMatchObject({ offline: true, sent: 0 });
    expect(f.outbox.get('key-1')).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await f.queue.drain({ waitForRetries: true })).toMatchObject({ offline: false, sent: 1 });
    expect(f.failed).toEqual([]);
  });

  it('sends images given as a path or as base64 bytes', async () => {
    const f = fixture();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    f.queue.enqueue([
      { dedupeKey: 'img-path', recipientId: 'u-a', content: { kind: 'image', path: '/tmp/chart.png' } },
      {
        dedupeKey: 'img-b64',
        recipientId: 'u-a',
        content: { kind: 'image', base64: png.toString('base64') },
      },
    ]);
    await f.queue.drain();
    expect(f.sender.calls.map((c) => [c.kind, c.what])).toEqual([
      ['image', '/tmp/chart.png'],
      ['image', png.length],
    ]);
  });
});

describe('SendQueue dedupe and lifecycle', () => {
  it('enqueueing the same key again is a no-op, before and after sending', async () => {
    const f = fixture();
    const items = textItems(2, ['u-a']);
    expect(f.queue.enqueue(items)).toEqual(['queued', 'queued']);
    expect(f.queue.enqueue(items)).toEqual(['duplicate', 'duplicate']);
    await f.queue.drain();
    expect(f.queue.enqueue(items)).toEqual(['duplicate', 'duplicate']);
    const changed = [{ ...items[0], content: { kind: 'text' as const, text: '改过的' } }] as typeof items;
    expect(f.queue.enqueue(changed)).toEqual(['conflict']);
    await f.queue.drain();
    expect(f.sender.calls.map((c) => c.what)).toEqual(['第1条', '第2条']);
  });

  it('the background loop sends what is enqueued and stops cleanly (real clock, no gaps)', async () => {
    const f = fixture({ minGapMs: 0, jitterMs: 0, minGapSameRecipientMs: 0 });
    const sender = new RecordingSender(systemClock);
    const queue = new SendQueue({ outbox: f.outbox, sender, clock: systemClock, settings: f.settings });
    queue.start();
    queue.enqueue(textItems(3, ['u-a', 'u-b']));
    await expect.poll(() => sender.calls.length).toBe(3);
    await queue.stop();
    expect(f.outbox.counts()).toMatchObject({ sent: 3, queued: 0, sending: 0 });
    // After stop, drain still works (the stop signal does not leak into later sleeps).
    queue.enqueue(textItems(1, ['u-c'], 'after'));
    expect(await queue.drain()).toMatchObject({ sent: 1 });
  });
});
