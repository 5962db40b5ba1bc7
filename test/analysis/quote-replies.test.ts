import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseStoredWeek } from '../../src/analysis/analyse-stored-week.js';
import { buildWeeklyReport } from '../../src/analysis/weekly-report.js';
import { weekBounds } from '../../src/calendar/weeks.js';
import { configSchema } from '../../src/config/schema.js';
import { exportChatlab } from '../../src/ingest/archive/export/export-chatlab.js';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import type { StoredMessage } from '../../src/model/message.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from '../../src/store/message-row.js';
import type { Store } from '../../src/store/store.js';
import { splitQuote } from '../../src/text/quote.js';
import { openTempStore } from '../fixtures/temp-store.js';
import { tempDir, writeJsonl } from '../ingest/jsonl/interchange-lines.js';

/**
 * Quote replies (引用回复) through the public path: a JSON Lines import, then the weekly report. The
 * quote wrapped in the reply's text never makes a message an @所有人, a notice, a demand, a rushed
 * request or a duplicate, and a quoted 收到 counts as an acknowledgement of the notice.
 */

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const NOTICE =
  '@所有人 【紧急通知】请各村（社区）今天下班前将辖区独居老人走访情况报送至党政办，逾期未报的将通报。联系人：王军。';
const MEMBERS = ['u-office', 'u-a', 'u-b', 'u-c', 'u-d', 'u-e', 'u-f'];

const WECHAT = (reply: string) => `「王军：${NOTICE}」\n- - - - - - - - - - - - - - -\n${reply}`;
const WECHAT_ASCII = (reply: string) => `「王军:${NOTICE}」\n------\n${reply}`;
const WECOM = (reply: string) => `这是一条引用/回复消息：\n“王军：\n${NOTICE}”\n------\n${reply}`;
const WECOM_EN = (reply: string) => `This is a quote/reply:\n"王军:\n${NOTICE}"\n------\n${reply}`;
const CHATLOG = (reply: string) => `> 王军(u-office) 11-17 09:00:00\n> ${NOTICE}\n${reply}`;

function line(id: string, sender: string, minute: number, text: string, extra: object = {}): string {
  const time = `2026-11-17T09:${String(minute).padStart(2, '0')}:00+08:00`;
  return JSON.stringify({
    kind: 'message',
    id,
    groupId: 'g-1@chatroom',
    senderId: sender,
    time,
    type: 'text',
    text,
    ...extra,
  });
}

async function importWeek(lines: string[], keepText: 'notices' | 'all' = 'notices') {
  const store = openTempStore({ keepText });
  stores.push(store);
  const group = JSON.stringify({
    kind: 'group',
    id: 'g-1@chatroom',
    name: '西湖镇工作群',
    ownerId: 'u-office',
    memberIds: MEMBERS,
  });
  const file = writeJsonl(tempDir(), 'week.jsonl', [group, ...lines]);
  const summary = await importJsonl(store, [file], { now: Date.UTC(2026, 11, 1) });
  const config = configSchema.parse({ privacy: { keepText } });
  const week = analyseStoredWeek(store, config, '2026-W47');
  const report = buildWeeklyReport({ ...week, timezone: config.timezone });
  return { store, summary, report, config };
}

function stored(store: Store): StoredMessage[] {
  const rows = store.db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages ORDER BY row_id`)
    .all() as MessageRow[];
  return rows.map(toStoredMessage);
}

describe('splitQuote', () => {
  it.each([
    ['WeChat, full-width colon, spaced dashes', WECHAT('收到')],
    ['WeChat, ASCII colon, plain dashes', WECHAT_ASCII('收到')],
    ['WeCom archive', WECOM('收到')],
    ['WeCom archive, English client', WECOM_EN('收到')],
    ['chatlog webhook', CHATLOG('收到')],
  ])('%s: the reply alone, the quote apart', (_name, text) => {
    const split = splitQuote(text);
    expect(split?.reply).toBe('收到');
    expect(split?.quote.senderName).toBe('王军');
    expect(split?.quote.excerpt).toBe(NOTICE);
  });

  it.each([
    [
      'quotation marks inside a WeCom quote',
      '这是一条引用/回复消息：\n“王军：\n关于“清朗”行动的通知”\n------\n收到',
      '关于“清朗”行动的通知',
    ],
    [
      'a dashed line inside a WeChat quote',
      '「王军：通知如下\n------\n附件见群文件」\n- - - - - - - - - - - - - - -\n收到',
      '通知如下\n------\n附件见群文件',
    ],
    ['CRLF line breaks', '这是一条引用/回复消息：\r\n“王军：\r\n请今天报送”\r\n------\r\n收到', '请今天报送'],
    [
      'a line break after the colon, an image quoted',
      '「王军：\n[图片]」\n- - - - - - - - - - - - - - -\n收到',
      '[图片]',
    ],
    ['em dashes', '「王军：请报送」\n————\n收到', '请报送'],
    ['WeCom without the dashed line', '这是一条引用/回复消息： “王军： 请报送”\n收到', '请报送'],
  ])('%s', (_name, text, excerpt) => {
    expect(splitQuote(text)).toMatchObject({ reply: '收到', quote: { senderName: '王军', excerpt } });
  });

  it('reads the quoted sender id chatlog gives, and leaves plain texts alone', () => {
    expect(splitQuote(CHATLOG('好的'))?.quote.senderId).toBe('u-office');
    for (const plain of [
      '「清朗」行动通知：请各单位自查',
      '> 这是引文\n我的看法',
      '收到',
      '这是一条消息',
      '',
    ]) {
      expect(splitQuote(plain)).toBeNull();
    }
    // A quote with nothing after it is not a reply.
    expect(splitQuote('「王军：收到」\n- - - - - -\n')).toBeNull();
  });
});

describe('quote replies through import and the weekly report', () => {
  const replies = [
    line('r1', 'u-a', 1, WECHAT('收到')),
    line('r2', 'u-b', 2, WECHAT_ASCII('收到，马上落实')),
    line('r3', 'u-c', 3, WECOM('已收到')),
    line('r4', 'u-d', 4, WECOM_EN('好的')),
    line('r5', 'u-e', 5, CHATLOG('收到👌')),
  ];

  it('counts quoted 收到 as acknowledgements, and nothing of the quote', async () => {
    const { report, summary } = await importWeek([line('n1', 'u-office', 0, NOTICE), ...replies]);
    expect(summary.messages.imported).toBe(6);
    expect(report.totals.atAllMessages).toBe(1);
    expect(report.totals.duplicateNotices).toBe(0);
    expect(report.rushedRequests.map((r) => r.messageId)).toEqual(['n1']);
    expect(report.ackFloods).toHaveLength(1);
    expect(report.ackFloods[0]?.triggerMessageId).toBe('n1');
    expect(report.ackFloods[0]?.messageIds).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('never stores the quote as notice text, and keeps the quote where the policy keeps text', async () => {
    const minimal = await importWeek([line('n1', 'u-office', 0, NOTICE), ...replies]);
    const rows = stored(minimal.store);
    const r1 = rows.find((m) => m.id === 'r1');
    expect(r1).toMatchObject({ text: null, textClass: 'ack', mentionAll: false, textLength: 2 });
    expect(r1?.quote).toEqual({ messageId: null, senderId: null, senderName: '王军', excerpt: null });
    expect(rows.find((m) => m.id === 'r5')?.quote?.senderId).toBe('u-office');

    const all = await importWeek([...replies], 'all');
    const r3 = stored(all.store).find((m) => m.id === 'r3');
    expect(r3).toMatchObject({ text: '已收到', textClass: 'ack', mentionAll: false });
    expect(r3?.quote?.excerpt).toBe(NOTICE);
    // What the detectors read back through the week reader carries the quote too.
    const week = all.store.weekData.load(weekBounds('2026-W47', all.config.timezone));
    expect(week.messages.find((m) => m.id === 'r3')?.quote?.senderName).toBe('王军');
    expect(all.report.totals.atAllMessages).toBe(0);
    expect(all.report.totals.duplicateNotices).toBe(0);
    expect(all.report.rushedRequests).toEqual([]);
  });

  it('takes a quote given apart as it is, and a reply that is itself a demand still counts', async () => {
    const given = line('q1', 'u-a', 1, '「这行不是引用」\n------\n收到', {
      quote: { messageId: 'n1', senderId: 'u-office', senderName: '王军', excerpt: '通知' },
    });
    const demand = line('q2', 'u-b', 2, WECHAT('@所有人 请各村今天17:00前报送台账'), { mentionAll: true });
    const { store, report } = await importWeek([given, demand], 'all');
    const rows = stored(store);
    expect(rows[0]).toMatchObject({
      text: '「这行不是引用」\n------\n收到',
      quote: { messageId: 'n1', senderId: 'u-office', senderName: '王军', excerpt: '通知' },
    });
    expect(rows[1]).toMatchObject({ text: '@所有人 请各村今天17:00前报送台账', mentionAll: true });
    expect(report.rushedRequests.map((r) => r.messageId)).toEqual(['q2']);
  });

  it('purges the excerpt with the text, and forget erases what quotes a forgotten person', async () => {
    const { store, config } = await importWeek([...replies], 'all');
    store.privacy.forget('u-office', Date.UTC(2026, 11, 1));
    expect(stored(store).find((m) => m.id === 'r5')?.quote).toBeNull();
    expect(stored(store).find((m) => m.id === 'r1')?.quote?.excerpt).toBe(NOTICE);
    store.maintenance.purgeExpired(
      { ...config, retention: { ...config.retention, textDays: 1 } },
      Date.UTC(2026, 11, 1),
    );
    expect(stored(store).every((m) => m.quote?.excerpt == null)).toBe(true);
  });

  it('exports a known quoted message id as ChatLab replyToMessageId', async () => {
    const given = line('q1', 'u-a', 1, '收到', { quote: { messageId: 'n1', senderName: '王军' } });
    const { store } = await importWeek([line('n1', 'u-office', 0, NOTICE), given], 'all');
    const out = exportChatlab(store, { outDir: tempDir(), now: Date.UTC(2026, 11, 1) });
    const doc = JSON.parse(readFileSync(out.files[0] as string, 'utf8'));
    const reply = doc.messages.find((m: { platformMessageId: string }) => m.platformMessageId === 'q1');
    expect(reply).toMatchObject({ content: '收到', replyToMessageId: 'n1' });
    expect(
      doc.messages.find((m: { platformMessageId: string }) => m.platformMessageId === 'n1').replyToMessageId,
    ).toBeUndefined();
  });
});
