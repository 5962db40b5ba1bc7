/**
 * Central sending's routing and claim (issue 18) on the real server: non-WeChat items are queued
 * with no account and only the central sender claims them; two claimers never take the same row;
 * a central_outbox created before (account NOT NULL) is altered by ensureCentralTables.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../src/store/outbox.js';
import {
  CENTRAL_SENDER,
  claimForCentralSending,
  pullCentral,
  queueCentral,
  queueThroughReachingAccounts,
  summarizeCentralOutbox,
} from '../../../src/store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../../src/store/postgres/central-tables.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { Store } from '../../../src/store/store.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { pgReachable, testSchema } from './pg-test-server.js';

const NOW = Date.parse('2026-11-20T00:00:00Z');

describe.skipIf(!pgReachable)('central sending: routing and claims', () => {
  const schema = testSchema('cclaim');
  let a: PgDatabase;
  let b: PgDatabase;

  beforeAll(async () => {
    a = await PgDatabase.open(schema.url);
    // The table as an earlier qingqun created it: account NOT NULL.
    await a.query(`CREATE TABLE central_outbox (
      id BIGSERIAL PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE, account TEXT NOT NULL,
      channel TEXT NOT NULL DEFAULT 'wechat', recipient_id TEXT NOT NULL, payload TEXT NOT NULL,
      if_uncertain TEXT NOT NULL DEFAULT 'report', not_before BIGINT, created_at BIGINT NOT NULL,
      pulled_at BIGINT, pulled_by TEXT)`);
    await ensureCentralTables(a.client);
    await ensureCentralTables(a.client);
    b = await PgDatabase.open(schema.url);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await schema.drop();
  });

  it('lets an existing table hold items with no account', async () => {
    const r = await a.query<{ notnull: boolean }>(
      "SELECT attnotnull AS notnull FROM pg_attribute WHERE attrelid = 'central_outbox'::regclass AND attname = 'account'",
    );
    expect(r.rows[0]?.notnull).toBe(false);
  });

  it('queues email and WeCom with no account, never unreachable; hosts do not pull them', async () => {
    const items: OutboxItem[] = (['email', 'wecom', 'wecomRobot'] as const).map((channel) => ({
      dedupeKey: `audit:w:${channel}`,
      recipientId: 'nobody-recorded',
      channel,
      content: { kind: 'text', text: '审计' },
    }));
    expect(await queueThroughReachingAccounts(a.client, items, NOW)).toEqual({ queued: 3, unreachable: [] });
    await queueCentral(
      a.client,
      [
        {
          account: 'host-a',
          dedupeKey: 'digest:w:1',
          recipientId: 'u-1',
          content: { kind: 'text', text: '周报' },
        },
      ],
      NOW,
    );
    const host = new Store(':memory:');
    const pulled = await pullCentral(a.client, 'host-a', (i) => host.outbox.enqueue(i, NOW), NOW);
    expect(host.outbox.list().map((r) => r.dedupeKey)).toEqual(['digest:w:1']);
    expect(pulled.pulled).toBe(1);
    host.close();
    expect(await summarizeCentralOutbox(a.client)).toEqual({
      waitingByAccount: {},
      waitingCentral: { email: 1, wecom: 1, wecomRobot: 1 },
      pulledByAccount: { 'host-a': 1 },
      claimedCentral: {},
    });
    const spool = new Store(':memory:');
    const claimed = await claimForCentralSending(a.client, (i) => spool.outbox.enqueue(i, NOW), NOW);
    expect([claimed.pulled, claimed.queued]).toEqual([3, 3]);
    expect(spool.outbox.list().map((r) => r.channel)).toEqual(['email', 'wecom', 'wecomRobot']);
    spool.close();
    expect((await summarizeCentralOutbox(a.client)).claimedCentral).toEqual({
      email: 1,
      wecom: 1,
      wecomRobot: 1,
    });
    await a.query('DELETE FROM central_outbox');
  });

  it('never gives one row to two claimers running at once', async () => {
    const items: OutboxItem[] = Array.from({ length: 60 }, (_, i) => ({
      dedupeKey: `mail:${i}`,
      recipientId: `u-${i}`,
      channel: 'email',
      content: { kind: 'text', text: `第 ${i} 封` },
    }));
    await queueThroughReachingAccounts(a.client, items, NOW);
    const dir = tempDir('qingqun-claim-');
    const one = new Store(join(dir, 'one.sqlite'));
    const two = new Store(join(dir, 'two.sqlite'));
    const [r1, r2] = await Promise.all([
      claimForCentralSending(a.client, (i) => one.outbox.enqueue(i, NOW), NOW, 7),
      claimForCentralSending(b.client, (i) => two.outbox.enqueue(i, NOW), NOW, 7),
    ]);
    const keys1 = one.outbox.list().map((r) => r.dedupeKey);
    const keys2 = two.outbox.list().map((r) => r.dedupeKey);
    expect(r1.queued + r2.queued).toBe(60);
    expect(new Set([...keys1, ...keys2]).size).toBe(60);
    expect(keys1.filter((k) => keys2.includes(k))).toEqual([]);
    const left = await a.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM central_outbox WHERE pulled_by IS DISTINCT FROM $1',
      [CENTRAL_SENDER],
    );
    expect(left.rows[0]?.n).toBe(0);
    one.close();
    two.close();
  });
});
