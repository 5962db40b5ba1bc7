import { afterEach, describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import type { MessageInput } from '../../src/model/message.js';
import { createStoragePolicy } from '../../src/privacy/storage-policy.js';
import { Store } from '../../src/store/store.js';
import { classifyText } from '../../src/text/classify-text.js';
import { textFingerprint } from '../../src/text/notice-form.js';
import { messageInput, tempStorePath } from '../fixtures/temp-store.js';

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function store(keepText?: 'notices' | 'all' | 'none'): Store {
  const options = keepText
    ? { policy: createStoragePolicy(configSchema.parse({ privacy: { keepText } })) }
    : {};
  const s = new Store(tempStorePath(), options);
  open.push(s);
  s.groups.upsert({
    id: 'g-1@chatroom',
    name: '街道党建工作群',
    ownerId: 'u-1',
    unit: null,
    createdAt: null,
    seenAt: 0,
  });
  return s;
}

const ALL = { week: 'all', from: 0, to: Number.MAX_SAFE_INTEGER };
const stored = (s: Store) => new Map(s.weekData.load(ALL).messages.map((m) => [m.id, m]));
const raw = (s: Store, id: string) => s.db.prepare('SELECT * FROM messages WHERE source_id = ?').get(id);

const NOTICE = '关于开展冬季安全生产大检查的通知：各村居于本周五前完成自查并报送台账';
const MESSAGES: MessageInput[] = [
  messageInput({ id: 'ack', text: '收到👌' }),
  messageInput({ id: 'praise', text: '领导辛苦了[玫瑰]' }),
  messageInput({ id: 'number', text: '3.李娜' }),
  messageInput({ id: 'chat', text: '中午食堂有饺子', mentionIds: ['u-2'] }),
  messageInput({ id: 'notice', text: NOTICE, mentionAll: true }),
  messageInput({ id: 'demand', text: '今天下班前报送' }),
  messageInput({ id: 'recall', type: 'recalled', text: 'ack' }),
  messageInput({
    id: 'link',
    type: 'link',
    text: 'https://example.gov.cn/a',
    link: { title: '通知', url: 'https://example.gov.cn/a', description: '摘要' },
  }),
];

describe('storage policy, as the store applies it', () => {
  it('by default keeps the text of notices, instructions, links and recalls, and of replies and chat only class, length and fingerprint', () => {
    const s = store();
    s.messages.insertMany(MESSAGES);
    const byId = stored(s);
    expect(byId.get('ack')).toMatchObject({ text: null, textClass: 'ack', textLength: 3 });
    expect(byId.get('ack')?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(byId.get('praise')).toMatchObject({ text: null, textClass: 'praise' });
    expect(byId.get('number')).toMatchObject({ text: null, textClass: 'number-off', replyNumber: 3 });
    expect(byId.get('chat')).toMatchObject({ text: null, textClass: 'chat', mentionIds: ['u-2'] });
    expect(byId.get('notice')).toMatchObject({ text: NOTICE, textClass: 'notice', mentionAll: true });
    expect(byId.get('demand')).toMatchObject({ text: '今天下班前报送', textClass: 'instruction' });
    expect(byId.get('recall')).toMatchObject({ text: 'ack', textClass: null, fingerprint: null });
    expect(byId.get('link')).toMatchObject({
      text: 'https://example.gov.cn/a',
      link: { description: '摘要' },
    });
  });

  it("keeps every text with keepText 'all', and none but recalls with 'none'", () => {
    const all = store('all');
    all.messages.insertMany(MESSAGES);
    expect([...stored(all).values()].every((m, i) => m.text === MESSAGES[i]?.text)).toBe(true);
    expect(stored(all).get('ack')).toMatchObject({ text: '收到👌', textClass: 'ack' });

    const none = store('none');
    none.messages.insertMany(MESSAGES);
    const kept = [...stored(none).values()].filter((m) => m.text !== null).map((m) => m.id);
    expect(kept).toEqual(['recall']);
    expect(stored(none).get('notice')).toMatchObject({ textClass: 'notice', textLength: [...NOTICE].length });
  });

  it('stores an opted-out member as counts only, and leaves them out of others’ mentions', () => {
    const s = store();
    s.privacy.optOut('u-2', 1);
    s.messages.insertMany([
      messageInput({ id: 'o-notice', senderId: 'u-2', text: NOTICE, mentionAll: true, mentionIds: ['u-1'] }),
      messageInput({
        id: 'o-file',
        senderId: 'u-2',
        type: 'file',
        text: null,
        file: { name: '张伟请假条.docx', size: 100, sha256: null },
      }),
      messageInput({ id: 'other', senderId: 'u-1', text: NOTICE, mentionIds: ['u-2', 'u-3'] }),
    ]);
    expect(raw(s, 'o-notice')).toMatchObject({
      sender_id: 'u-2',
      text: null,
      fingerprint: null,
      mention_ids: null,
      mention_all: 1,
      text_class: 'notice',
      text_length: [...NOTICE].length,
    });
    expect(raw(s, 'o-file')).toMatchObject({ type: 'file', file_name: null, file_size: null });
    expect(stored(s).get('other')).toMatchObject({ text: NOTICE, mentionIds: ['u-3'] });
  });

  it('compares a re-insert by what is stored: same reply again is a duplicate, another reply a conflict', () => {
    const s = store();
    expect(s.messages.insert(messageInput({ id: 'a', text: '收到' }))).toBe('inserted');
    expect(s.messages.insert(messageInput({ id: 'a', text: '收到' }))).toBe('duplicate');
    // Same length, other words: the fingerprint tells them apart although neither text is stored.
    expect(s.messages.insert(messageInput({ id: 'a', text: '好的' }))).toBe('conflict');
    expect(raw(s, 'a')).toMatchObject({ text: null, text_class: 'ack' });
  });
});

describe('storage policy, per-text memo', () => {
  const config = configSchema.parse({});
  const rules = {
    minLength: config.analysis.duplicates.minLength,
    calendar: createWorkCalendar(config),
    immediateMinutes: config.analysis.rushed.immediateMinutes,
  };
  const TEXTS = [
    '收到',
    '今天下班前报送',
    '请于明天上午10点前上报',
    '马上报数',
    '请大家报数',
    '中午食堂有饺子',
    '明天几点开会？',
    '小王，材料放你桌上了',
    '王军 拍了拍 李娜',
    NOTICE,
    '👍👍',
    '',
    ' ',
  ];
  // Tuesday 10:00, 17:59, 23:00 and Saturday 09:00 in Shanghai.
  const TIMES = [
    Date.UTC(2026, 10, 17, 2, 0),
    Date.UTC(2026, 10, 17, 9, 59),
    Date.UTC(2026, 10, 17, 15, 0),
    Date.UTC(2026, 10, 21, 1, 0),
  ];

  it.each([
    ['remembering texts (bulk import)', true],
    ['classifying each message afresh', false],
  ])('answers a text seen before exactly as classifying it afresh does, %s', (_label, bulk) => {
    const policy = createStoragePolicy(config, { bulk });
    for (let round = 0; round < 2; round++) {
      for (const text of TEXTS)
        for (const time of TIMES)
          for (const mentionAll of [false, true]) {
            const m = messageInput({ id: 'x', text, time, mentionAll });
            const facts = classifyText(m, rules);
            expect(policy.prepare(m, () => 'recorded')).toMatchObject({
              textClass: facts?.textClass ?? null,
              replyNumber: facts?.replyNumber ?? null,
              text: facts?.mayBeNotice ? text : null,
              fingerprint: textFingerprint(text),
            });
          }
    }
  });
});
