/**
 * Real-format shapes (test/fixtures/archive-fidelity/, each file naming the upstream source it follows)
 * imported through importArchive into a store with the shipped storage policy, then read back through
 * the weekly report — what `qingqun import` and `qingqun report --format json` show an operator.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseStoredWeek } from '../../../src/analysis/analyse-stored-week.js';
import { buildWeeklyReport, type WeeklyReport } from '../../../src/analysis/weekly-report.js';
import { configSchema } from '../../../src/config/schema.js';
import { createChatlogWebhookHandler } from '../../../src/ingest/archive/chatlog-webhook.js';
import { type ArchiveImportOptions, importArchive } from '../../../src/ingest/archive/import-archive.js';
import type { ImportProblem } from '../../../src/ingest/jsonl/import-problem.js';
import { createStoragePolicy } from '../../../src/privacy/storage-policy.js';
import { Store } from '../../../src/store/store.js';
import { tempStorePath } from '../../fixtures/temp-store.js';
import { NOW } from './store-counts.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/archive-fidelity');
const at = (name: string) => join(FIXTURES, name);
const WEEK = '2026-W47';
const config = configSchema.parse({});
const ROOM = '44920588234@chatroom';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A store as `qingqun import` opens it: the configured (default) storage policy. */
function newStore(): Store {
  const store = new Store(tempStorePath(), { policy: createStoragePolicy(config) });
  stores.push(store);
  return store;
}

async function run(store: Store, files: string[], options: ArchiveImportOptions = {}) {
  const problems: ImportProblem[] = [];
  const summary = await importArchive(store, files, {
    now: NOW,
    onProblem: (p) => problems.push(p),
    ...options,
  });
  return { summary, problems: problems.map((p) => String(p).replace(`${FIXTURES}/`, '')) };
}

function report(store: Store): WeeklyReport {
  const { data, findings, previous } = analyseStoredWeek(store, config, WEEK);
  return buildWeeklyReport({ data, findings, previous, timezone: config.timezone });
}

type Row = Record<string, unknown>;
const rows = (store: Store, where = '1 = 1', ...args: unknown[]): Row[] =>
  store.db.prepare(`SELECT * FROM messages WHERE ${where} ORDER BY time, source_id`).all(...args) as Row[];

describe('chatlog: 3.x raw XML rows, the webhook rendering and the HTTP API', () => {
  it('reads native 接龙, 群公告, quote replies, images, isSelf rows and recalls from the API JSON', async () => {
    const store = newStore();
    const { summary, problems } = await run(store, [at('chatlog-api-v3.json')], { selfId: 'wxid_me' });
    expect(problems).toEqual([]);
    expect(summary.messages.imported).toBe(8);
    const byId = (seq: number) => rows(store, 'source_id = ?', `${ROOM}#${seq}`)[0];
    expect(byId(1794794400000)).toMatchObject({ type: 'text', text_class: 'roll-call' });
    expect(byId(1794795000000)).toMatchObject({ type: 'text', text_class: 'notice' });
    expect(byId(1794795000000)?.text).toMatch(/^关于做好冬季消防安全工作的通知/);
    // The quoted @所有人 and deadline stay with the quote: the reply alone is classified.
    expect(byId(1794795060000)).toMatchObject({ type: 'text', mention_all: 0, text_class: 'ack' });
    expect(byId(1794795120000)).toMatchObject({
      type: 'image',
      file_hash: '50de84b64e3a3a61b2ade7ae8a6b93b4',
    });
    expect(byId(1794795180000)).toMatchObject({ sender_id: 'wxid_me' });
    expect(byId(1794795240000)).toMatchObject({
      type: 'link',
      text: null,
      link_title: '冬季消防安全大检查',
      link_url: 'https://mp.weixin.qq.com/s/abc123',
    });
    expect(byId(1794795300000)).toMatchObject({ type: 'recalled', sender_id: null });

    const r = report(store);
    expect(r.totals.rollCalls).toBe(1);
    expect(r.rollCalls[0]).toMatchObject({ kind: 'chain', posts: 2, linesReposted: 2 });
    expect(r.totals.atAllMessages).toBe(0);
  });

  it('keeps the quoted message apart on the message (49/57 contents.refer)', async () => {
    const { chatlogMessageToItem } = await import('../../../src/ingest/archive/chatlog-message.js');
    const { ArchiveTimeParser } = await import('../../../src/ingest/archive/archive-time.js');
    const { SyntheticIds } = await import('../../../src/ingest/archive/synthetic-ids.js');
    const { readFileSync } = await import('node:fs');
    const clock = new ArchiveTimeParser('Asia/Shanghai');
    for (const file of ['chatlog-api-v3.json', 'chatlog-webhook-body.json']) {
      const doc = JSON.parse(readFileSync(at(file), 'utf8'));
      const list = Array.isArray(doc) ? doc : doc.messages;
      const quote = list.find((m: { subType: number }) => m.subType === 57);
      const item = chatlogMessageToItem(quote, 'chatlog', clock, new SyntheticIds());
      expect(item.kind === 'message' && item.message).toMatchObject({
        text: '收到',
        mentionAll: false,
        quote: { senderId: 'wxid_wangjun', senderName: '王军', excerpt: '@所有人 今天17:00前报送排查表' },
      });
    }
  });

  for (const order of [
    ['chatlog-api-v3.json', 'chatlog-webhook-body.json'],
    ['chatlog-webhook-body.json', 'chatlog-api-v3.json'],
  ]) {
    it(`the same talker+seq from the webhook and the API is one message (${order[0]} first)`, async () => {
      const store = newStore();
      const { summary, problems } = await run(store, order.map(at));
      expect(problems).toEqual([]);
      expect(summary.rejected).toBe(0);
      expect(summary.messages.imported).toBe(9); // 8 shared, 1 only in the webhook body
      expect(summary.messages.duplicate).toBe(8);
      const r = report(store);
      expect(r.totals.messages).toBe(9);
      expect(r.groups).toHaveLength(1);
      // Three native 接龙 posts (two rendered `[分享]` or XML, one WeChat 4.x row with empty content).
      expect(r.rollCalls.reduce((n, c) => n + c.posts, 0)).toBe(3);
      expect(rows(store, "type = 'text' AND text_class = 'notice'")).toHaveLength(1);
    });
  }

  it('a live webhook delivery after the API import adds nothing and refuses nothing', async () => {
    const store = newStore();
    await run(store, [at('chatlog-api-v3.json')]);
    const { readFileSync } = await import('node:fs');
    const body = JSON.parse(readFileSync(at('chatlog-webhook-body.json'), 'utf8'));
    const handle = createChatlogWebhookHandler({ store, secret: 'correct-horse-battery', now: () => NOW });
    const result = handle(body, 'correct-horse-battery');
    expect(result.body).toMatchObject({ ok: true, imported: 1, duplicate: 8, rejected: 0 });
  });
});
