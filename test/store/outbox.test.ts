import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/store/outbox.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';

let store: Store;
afterEach(() => store?.close());

function outbox() {
  store = openTempStore();
  return store.outbox;
}

const text = (dedupeKey: string, recipientId: string, body = dedupeKey): OutboxItem => ({
  dedupeKey,
  recipientId,
  content: { kind: 'text', text: body },
});

describe('Outbox', () => {
  it('keeps one row per dedupe key and tells duplicates from conflicts', () => {
    const o = outbox();
    expect(o.enqueue([text('k1', 'u-a'), text('k1', 'u-a')], 100)).toEqual(['queued', 'duplicate']);
    expect(o.enqueue([text('k1', 'u-b')], 200)).toEqual(['conflict']);
    expect(o.enqueue([text('k1', 'u-a', 'other text')], 200)).toEqual(['conflict']);
    expect(o.list()).toHaveLength(1);
    expect(o.get('k1')).toMatchObject({
      recipientId: 'u-a',
      state: 'queued',
      createdAt: 100,
      nextAttemptAt: 100,
    });
  });

  it('the UNIQUE constraint holds even for a raw insert', () => {
    const o = outbox();
    o.enqueue([text('k1', 'u-a')], 1);
    expect(() =>
      store.db
        .prepare(`INSERT INTO outbox (dedupe_key, recipient_id, kind, payload, state, if_uncertain, next_attempt_at,
          created_at, updated_at) VALUES ('k1', 'u-a', 'text', '{}', 'queued', 'report', 1, 1, 1)`)
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('picks due rows in time order and holds later parts to a recipient behind earlier ones', () => {
    const o = outbox();
    o.enqueue([text('a1', 'u-a'), text('a2', 'u-a'), { ...text('b1', 'u-b'), notBefore: 50 }], 10);
    expect(o.nextDue(10)?.dedupeKey).toBe('a1');
    const a1 = o.get('a1')?.id as number;
    expect(o.claim(a1, 10)).toBe(true);
    expect(o.claim(a1, 10)).toBe(false);
    expect(o.nextDue(10)).toBeUndefined(); // a2 waits behind a1 in flight; b1 is not due
    o.retryAt(a1, 100, 'timeout', 11);
    expect(o.nextDue(60)?.dedupeKey).toBe('b1');
    expect(o.nextDueAfter(60)).toBe(100);
    expect(o.nextDueAfter(100)).toBeUndefined();
  });

  it('marks the row in flight and everything queued to the recipient undeliverable, and nothing else', () => {
    const o = outbox();
    o.enqueue([text('a1', 'u-a'), text('a2', 'u-a'), text('b1', 'u-b')], 10);
    const a1 = o.get('a1')?.id as number;
    o.claim(a1, 10);
    const rows = o.markUndeliverable(a1, 'u-a', 'not a friend', 11);
    expect(rows.map((r) => [r.dedupeKey, r.state, r.lastError])).toEqual([
      ['a1', 'undeliverable', 'not a friend'],
      ['a2', 'undeliverable', 'not a friend'],
    ]);
    expect(o.counts()).toMatchObject({ undeliverable: 2, queued: 1 });
  });

  it('recovers interrupted sends by their policy, and requeues only settled failures', () => {
    const o = outbox();
    o.enqueue([text('d1', 'u-a'), { ...text('r1', 'u-b'), ifUncertain: 'resend' }, text('q1', 'u-c')], 10);
    for (const key of ['d1', 'r1']) o.claim(o.get(key)?.id as number, 10);
    const { unconfirmed, requeued } = o.recoverInterrupted(20);
    expect(unconfirmed.map((r) => r.dedupeKey)).toEqual(['d1']);
    expect(requeued.map((r) => r.dedupeKey)).toEqual(['r1']);
    expect(o.counts()).toMatchObject({ unconfirmed: 1, queued: 2, sending: 0 });
    expect(o.recoverInterrupted(30)).toEqual({ unconfirmed: [], requeued: [] });
    expect(o.requeue('q1', 40)).toBe(false);
    expect(o.requeue('d1', 40)).toBe(true);
    expect(o.get('d1')).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: 40 });
  });

  it('round-trips image content and purges only settled payloads, keeping the key', () => {
    const o = outbox();
    const b64 = Buffer.from('png').toString('base64');
    o.enqueue(
      [
        { dedupeKey: 'i1', recipientId: 'u-a', content: { kind: 'image', base64: b64, name: 'c.png' } },
        { dedupeKey: 'i2', recipientId: 'u-a', content: { kind: 'image', path: '/tmp/c.png' } },
      ],
      10,
    );
    expect(o.get('i1')?.content).toEqual({ kind: 'image', base64: b64, name: 'c.png' });
    const i1 = o.get('i1')?.id as number;
    o.claim(i1, 10);
    o.markSent(i1, 11);
    expect(o.sentSince(11)).toEqual([{ recipientId: 'u-a', at: 11 }]);
    expect(o.sentSince(12)).toEqual([]);
    expect(o.purgePayloads(12)).toBe(1);
    expect(o.get('i1')).toMatchObject({ content: null, state: 'sent' });
    expect(o.get('i2')?.content).toEqual({ kind: 'image', path: '/tmp/c.png' });
    expect(
      o.enqueue([{ dedupeKey: 'i1', recipientId: 'u-a', content: { kind: 'text', text: 'x' } }], 20),
    ).toEqual(['duplicate']);
  });
});

describe('Outbox.claim durability', () => {
  it('commits the claim with synchronous FULL and restores the connection setting', () => {
    const o = outbox();
    o.enqueue([text('k1', 'u-a')], 1);
    const before = store.db.pragma('synchronous', { simple: true });
    expect(before).toBe(1); // the store's NORMAL
    const seen: unknown[] = [];
    const original = store.db.pragma.bind(store.db);
    store.db.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (source.startsWith('synchronous =')) seen.push(source);
      return original(source, options);
    }) as typeof store.db.pragma;
    expect(o.claim(o.get('k1')?.id as number, 2)).toBe(true);
    expect(seen).toEqual(['synchronous = FULL', 'synchronous = 1']);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(before);
    expect(o.get('k1')?.state).toBe('sending');
  });
});
