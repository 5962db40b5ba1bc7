/**
 * Real-format shapes (test/fixtures/archive-fidelity/, each file naming the upstream source it follows)
 * imported through importArchive into a store with the shipped storage policy, then read back through
 * the weekly report — what `qingqun import` and `qingqun report --format json` show an operator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWeeklyReport, type WeeklyReport } from '../../../src/analysis/weekly-report.js';
import { configSchema } from '../../../src/config/schema.js';
import { createChatlogWebhookHandler } from '../../../src/ingest/archive/chatlog-webhook.js';
import { type ArchiveImportOptions, importArchive } from '../../../src/ingest/archive/import-archive.js';
import type { ImportProblem } from '../../../src/ingest/jsonl/import-problem.js';
import { createStoragePolicy } from '../../../src/privacy/storage-policy.js';
import { Store } from '../../../src/store/store.js';
import { analyseStoredWeek } from '../../../src/weeks/stored-week.js';
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

  it('keeps the text of merged forwards (49/19), so a forwarded notice is the same notice', async () => {
    const store = newStore();
    const { problems } = await run(store, [at('chatlog-api-v3.json'), at('chatlog-merged-forward.json')]);
    expect(problems).toEqual([]);
    const forwards = rows(store, "source_id LIKE '2000%'");
    expect(forwards.map((m) => [m.type, m.text_class])).toEqual([
      ['text', 'notice'],
      ['text', 'notice'],
    ]);
    const r = report(store);
    expect(r.totals.duplicateNotices).toBe(1);
    expect(new Set(r.duplicates[0]?.groupIds)).toEqual(
      new Set([ROOM, '20001234567@chatroom', '20007654321@chatroom']),
    );
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

  it('the API CSV with MessageID (the seq) is the same messages as the JSON, not copies', async () => {
    const store = newStore();
    const { summary, problems } = await run(store, [
      at('chatlog-api-v3.json'),
      at('chatlog-api-messageid.csv'),
    ]);
    expect(problems).toEqual([]);
    expect(summary.messages).toMatchObject({ imported: 8, duplicate: 4, rejected: 0 });
    expect(report(store).totals.messages).toBe(8);
  });

  it('a live webhook delivery after the API import adds nothing and refuses nothing', async () => {
    const store = newStore();
    await run(store, [at('chatlog-api-v3.json')]);
    const body = JSON.parse(readFileSync(at('chatlog-webhook-body.json'), 'utf8'));
    const handle = createChatlogWebhookHandler({ store, secret: 'correct-horse-battery', now: () => NOW });
    const result = handle(body, 'correct-horse-battery');
    expect(result.body).toMatchObject({ ok: true, imported: 1, duplicate: 8, rejected: 0 });
  });
});

describe('WeCom 会话内容存档: bodies not named after their msgtype (doc 91774)', () => {
  it('keeps markdown, news, 文档 and mixed text, and a merged forward of a notice as that notice', async () => {
    const store = newStore();
    const { summary, problems } = await run(store, [at('wecom-bodies.jsonl')]);
    expect(problems).toEqual([]);
    expect(summary.messages.imported).toBe(6);
    const byId = (id: string) => rows(store, 'source_id = ?', id)[0];
    expect(byId('m-markdown-1')).toMatchObject({ type: 'text', text_class: 'notice' });
    expect(byId('m-markdown-1')?.text).toContain('请各单位于今天17:00前报送值班表');
    expect(byId('m-news-1')).toMatchObject({
      type: 'link',
      link_title: '全省安全生产工作会议召开',
      link_url: 'https://mp.weixin.qq.com/s/news1',
    });
    expect(byId('m-news-1')?.link_description).toContain('安全生产月活动方案');
    expect(byId('m-doc-1')).toMatchObject({
      type: 'link',
      link_title: '安全隐患排查台账',
      link_url: 'https://doc.weixin.qq.com/txdoc/excel?docid=abc',
    });
    expect(byId('m-mixed-1')).toMatchObject({ type: 'text' });
    expect(byId('m-record-1')).toMatchObject({ type: 'text', text_class: 'notice' });
    // The notice posted in one group and forwarded (chatrecord) into another is one duplicate notice.
    const r = report(store);
    expect(r.totals.duplicateNotices).toBe(1);
    expect(r.duplicates[0]?.groupIds).toEqual(
      expect.arrayContaining(['wrjc7bDwYAhAYk-mJwWJr7lLtqnsRSmw', 'wrBBBbDwYAhAYk-mJwWJr7lLtqnsRSmw']),
    );
  });
});

const SAFETY_ROOM = '25984984710@chatroom';
const MEMOTRACE = 'memotrace/聊天记录/新浜镇安全生产群(25984984710@chatroom)/新浜镇安全生产群.csv';

describe('one WeChat group exported through several tools is one group', () => {
  it('PyWxDump (old 8 columns), MemoTrace (chat id in the folder name) and ChatLab (groupId without @chatroom)', async () => {
    const store = newStore();
    const { summary, problems } = await run(
      store,
      [at('pywxdump-legacy-8col.csv'), at(MEMOTRACE), at('chatlab-wechat.json')],
      { selfId: 'wxid_me' },
    );
    expect(problems).toEqual([]);
    expect(summary.messages.imported).toBe(9);
    const r = report(store);
    expect(r.groups.map((g) => g.id)).toEqual([SAFETY_ROOM]);
    expect(r.groups[0]?.messages).toBe(9);
    // PyWxDump's `接龙` and WeChatMsg's empty 49/53 are both roll-call posts.
    expect(r.rollCalls.reduce((n, c) => n + c.posts, 0)).toBe(2);
    // Spreadsheet-resaved times (2026/11/16 9:00) are local time.
    const first = rows(store, "source = 'pywxdump'")[0];
    expect(first).toMatchObject({ time: Date.parse('2026-11-16T09:00:00+08:00'), mention_all: 1 });
    expect(rows(store, "source = 'pywxdump' AND sender_id = 'wxid_me'")).toHaveLength(1);
  });

  it('WeChatMsg 49/57 keeps the reply as text and the quoted message apart', async () => {
    const { readCsvFile } = await import('../../../src/ingest/archive/read-csv-file.js');
    const { wechatContent } = await import('../../../src/ingest/archive/wechat-content.js');
    const found: unknown[] = [];
    await readCsvFile(at(MEMOTRACE), (r) => {
      if ('row' in r && r.row.SubType === '57') found.push(wechatContent(49, 57, r.row.StrContent ?? ''));
    });
    expect(found).toEqual([
      expect.objectContaining({
        type: 'text',
        text: '收到，马上排查',
        quote: expect.objectContaining({ messageId: '7253964913452716101', senderId: 'wxid_wangjun' }),
      }),
    ]);
  });
});

describe('WeChatMsg CSV (issue 13): colliding TalkerIds and stray quotes', () => {
  it('a MemoTrace folder naming a person (not a room) is a private chat: skipped, counted', async () => {
    const { cpSync, mkdirSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = join(mkdtempSync(join(tmpdir(), 'qingqun-memotrace-')), '聊天记录', '李娜(wxid_lina)');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, '李娜.csv');
    cpSync(at(MEMOTRACE), file);
    const store = newStore();
    const { summary } = await run(store, [file]);
    expect(summary.messages.imported).toBe(0);
    expect(summary.skipped).toEqual({ private: 3 });
  });

  it('two accounts whose exports share TalkerId 7 stay two groups, every message kept', async () => {
    const store = newStore();
    const files = [
      'wechatmsg-account-a/聊天记录/东湖社区网格员群/东湖社区网格员群_utf8.csv',
      'wechatmsg-account-b/聊天记录/西湖社区工作群/西湖社区工作群_utf8.csv',
    ];
    const { summary, problems } = await run(store, files.map(at));
    expect(problems).toEqual([]);
    expect(summary.messages.imported).toBe(4);
    const r = report(store);
    expect(r.groups.map((g) => [g.name, g.messages]).sort()).toEqual([
      ['东湖社区网格员群', 2],
      ['西湖社区工作群', 2],
    ]);
    // Importing again adds nothing.
    expect((await run(store, files.map(at))).summary.messages).toMatchObject({ imported: 0, duplicate: 4 });
  });

  it('a field opened by a stray quote costs its own row, named FILE:LINE; every other row is kept', async () => {
    const store = newStore();
    const file = 'wechatmsg-stray-quote/聊天记录/东湖社区网格员群/东湖社区网格员群_utf8.csv';
    const { summary, problems } = await run(store, [at(file)]);
    expect(problems).toEqual([`${file}:3: line: ${STRAY}`]);
    expect(summary.rejected).toBe(1);
    expect(summary.messages.imported).toBe(4);
    const texts = rows(store).map((m) => [m.sender_id, m.text_length]);
    expect(texts.map((t) => t[0])).toEqual(['wxid_wangjun', 'wxid_zhaomin', 'wxid_sunli', 'wxid_zhouqiang']);
    const multiLine = rows(store, "sender_id = 'wxid_sunli'")[0];
    expect(multiLine?.text_length).toBe('第一行\n第二行'.length);
  });
});

const STRAY =
  'malformed row: a quoted field is still open where the next row begins (a stray `"`?); row not read';

describe('through the CLI: qingqun import, then qingqun report --format json', () => {
  it('webhook body then API export: one group, nothing counted twice, nothing rejected; a stray quote is named', async () => {
    const { runCli } = await import('../../cli/run-cli.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const db = join(mkdtempSync(join(tmpdir(), 'qingqun-fidelity-')), 'q.sqlite');
    const imported = runCli([
      '--db',
      db,
      'import',
      at('chatlog-webhook-body.json'),
      at('chatlog-api-v3.json'),
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('消息: 新增 9，更新 0，重复 8，拒收 0');
    const out = runCli(['--db', db, 'report', '--week', WEEK, '--format', 'json']);
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as WeeklyReport;
    expect(r.totals).toMatchObject({ groups: 1, messages: 9, rollCalls: 1, atAllMessages: 0 });

    const stray = 'wechatmsg-stray-quote/聊天记录/东湖社区网格员群/东湖社区网格员群_utf8.csv';
    const broken = runCli(['--db', db, 'import', at(stray)]);
    expect(broken.code).not.toBe(0);
    expect(broken.stdout).toContain('拒收的行：1');
    expect(broken.stdout).not.toContain('拒收的行：0');
    expect(broken.stderr).toContain(`${stray}:3: line: malformed row`);
  });
});

describe('wechatmsgChatId', () => {
  it('reads WeChat id shapes only: a group named 工作群(2026) is not a chat id', async () => {
    const { wechatmsgChatId, wechatmsgChatName } = await import(
      '../../../src/ingest/archive/wechatmsg-csv.js'
    );
    expect(wechatmsgChatId('x/新浜镇安全生产群(25984984710@chatroom)/新浜镇安全生产群.csv')).toBe(
      '25984984710@chatroom',
    );
    expect(wechatmsgChatId('x/新浜镇安全生产群(25984984710)/新浜镇安全生产群.csv')).toBe(
      '25984984710@chatroom',
    );
    expect(wechatmsgChatId('x/李娜(wxid_lina)/李娜.csv')).toBe('wxid_lina');
    expect(wechatmsgChatId('x/工作群(2026)/工作群(2026)_utf8.csv')).toBeNull();
    expect(wechatmsgChatName('x/工作群(2026)/工作群(2026)_utf8.csv')).toBe('工作群(2026)');
    expect(
      wechatmsgChatName(
        'x/新浜镇安全生产群(25984984710@chatroom)/新浜镇安全生产群(25984984710@chatroom).csv',
      ),
    ).toBe('新浜镇安全生产群');
  });
});
