import { afterEach, describe, expect, it } from 'vitest';
import { weekBounds } from '../../src/calendar/weeks.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from '../../src/store/message-row.js';
import type { Store } from '../../src/store/store.js';
import { messageInput, openTempStore } from '../fixtures/temp-store.js';

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const WEEK = '2026-W47';
const bounds = weekBounds(WEEK, 'Asia/Shanghai');
const at = (minutes: number) => bounds.from + minutes * 60_000;

/** What loading must return: every column of every row of the week, mapped by toStoredMessage. */
function reference(store: Store) {
  const rows = store.db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE time >= ? AND time < ? ORDER BY time, row_id`)
    .all(bounds.from, bounds.to) as MessageRow[];
  return rows.map(toStoredMessage);
}

function storeWithMessages(): Store {
  const store = openTempStore({ keepText: 'all' });
  open.push(store);
  store.groups.upsert({
    id: 'g-1@chatroom',
    name: '群一',
    ownerId: 'u-1',
    unit: null,
    createdAt: null,
    seenAt: at(0),
  });
  store.groups.upsert({
    id: 'g-2@chatroom',
    name: '群二',
    ownerId: null,
    unit: null,
    createdAt: null,
    seenAt: at(0),
  });
  store.messages.insertMany([
    messageInput({ id: 'a', time: at(1), text: '收到' }),
    messageInput({ id: 'b', time: at(2), text: '2.张伟', groupId: 'g-2@chatroom', senderId: 'u-2' }),
    messageInput({
      id: 'c',
      time: at(3),
      text: null,
      type: 'image',
      file: { name: null, size: 12, sha256: 'ff' },
    }),
    messageInput({ id: 'd', time: at(3), text: '@所有人 请于今天下班前报送台账', mentionAll: true }),
    messageInput({ id: 'e', time: at(4), text: '小王看一下', mentionIds: ['u-3', 'u-4'] }),
    messageInput({
      id: 'f',
      time: at(5),
      type: 'link',
      text: null,
      link: { title: '关于"冬季"防火的通知\n', url: 'https://example.org/a?b=1', description: null },
    }),
    messageInput({
      id: 'g',
      time: at(6),
      type: 'miniprogram',
      text: null,
      miniprogram: { title: '接龙', appName: null },
    }),
    messageInput({ id: 'h', time: at(7), type: 'system', text: '张伟 拍了拍 李娜', senderId: null }),
    messageInput({ id: 'i', time: at(8), source: 'wecom', text: '好的' }),
    messageInput({ id: 'j', time: at(9), type: 'recalled', text: 'a' }),
    messageInput({ id: 'k', time: at(10), text: `${'通知'.repeat(300)}` }),
    // Outside the week: not loaded.
    messageInput({ id: 'z', time: bounds.to, text: '下周' }),
  ]);
  return store;
}

describe('loadWeekData', () => {
  it('returns exactly what reading every column gives, key for key', () => {
    const store = storeWithMessages();
    const loaded = store.weekData.load(bounds).messages;
    expect(loaded.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(reference(store)));
  });

  it('reads rows the packed form cannot hold through the general path', () => {
    const store = storeWithMessages();
    // Values no importer writes, but a database may hold: an unknown type or class, a large or
    // fractional number-off number, a huge length, a REAL file size, a non-boolean mention flag.
    const set = (id: string, assignment: string) =>
      store.db.prepare(`UPDATE messages SET ${assignment} WHERE source_id = ?`).run(id);
    set('a', "type = 'voice'");
    set('b', 'reply_number = 5000');
    set('d', "text_class = 'mystery'");
    set('e', 'reply_number = 2.5');
    set('f', 'text_length = 9007199254740');
    set('g', 'mention_all = 2');
    set('c', 'file_size = 1.5');
    set('k', 'text_class = NULL, reply_number = 0');
    const loaded = store.weekData.load(bounds).messages;
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(reference(store)));
  });

  it('loads an empty week', () => {
    const store = openTempStore();
    open.push(store);
    expect(store.weekData.load(bounds).messages).toEqual([]);
  });
});
