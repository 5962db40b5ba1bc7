import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { StoreError } from '../../src/store/store-error.js';
import { messageInput, tempStorePath } from '../fixtures/temp-store.js';

const open: Store[] = [];
function store(path = tempStorePath()): Store {
  const s = new Store(path);
  open.push(s);
  return s;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const seenAt = Date.UTC(2026, 10, 16);
function addGroup(s: Store, id = 'g-1@chatroom') {
  s.groups.upsert({ id, name: '街道党建工作群', ownerId: 'u-1', unit: '党建办', createdAt: null, seenAt });
}

describe('migrations', () => {
  it('creates the schema on an empty database with WAL and foreign keys', () => {
    const s = store();
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = s.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'contacts',
        'groups',
        'membership_snapshots',
        'messages',
        'room_events',
        'snapshot_members',
      ]),
    );
  });

  it('reopens an existing database without touching its rows', () => {
    const path = tempStorePath();
    const first = new Store(path);
    addGroup(first);
    first.messages.insert(messageInput({ id: 'm-1' }));
    first.close();
    const again = store(path);
    expect(again.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(1);
    expect(again.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('refuses a database written by a newer qingqun', () => {
    const path = tempStorePath();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => new Store(path)).toThrow(StoreError);
    expect(() => new Store(path)).toThrow(/newer than this qingqun/);
  });
});

describe('Store writes', () => {
  it('stores a message once; the same id again is a duplicate; different content is a conflict', () => {
    const s = store();
    addGroup(s);
    const m = messageInput({ id: 'm-1', text: '@所有人 请于周五前报送材料', mentionAll: true });
    expect(s.messages.insert(m)).toBe('inserted');
    expect(s.messages.insert(m)).toBe('duplicate');
    expect(s.messages.insert({ ...m, text: '完全不同的内容，长度也不同' })).toBe('conflict');
    const row = s.db.prepare('SELECT text, mention_all, text_length FROM messages').get();
    expect(row).toEqual({ text: '@所有人 请于周五前报送材料', mention_all: 1, text_length: 14 });
    expect(s.messages.insert({ ...m, source: 'other' })).toBe('inserted');
  });

  it('refuses a message whose group is unknown (foreign key)', () => {
    const s = store();
    expect(() => s.messages.insert(messageInput({ id: 'm-1', groupId: 'nope@chatroom' }))).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('keeps first/last seen as the span of what was observed', () => {
    const s = store();
    addGroup(s);
    s.messages.insert(messageInput({ id: 'm-1', time: seenAt - 1000 }));
    s.messages.insert(messageInput({ id: 'm-2', time: seenAt + 5000 }));
    const g = s.db.prepare('SELECT first_seen AS f, last_seen AS l FROM groups').get();
    expect(g).toEqual({ f: seenAt - 1000, l: seenAt + 5000 });
  });

  it('records a new snapshot only when the roster changed', () => {
    const s = store();
    addGroup(s);
    expect(s.snapshots.record('g-1@chatroom', 1, ['u-2', 'u-1'])).toBe('new');
    expect(s.snapshots.record('g-1@chatroom', 2, ['u-1', 'u-2', 'u-1'])).toBe('unchanged');
    expect(s.snapshots.record('g-1@chatroom', 3, ['u-1'])).toBe('new');
    const snaps = s.db.prepare('SELECT taken_at, confirmed_at, member_count FROM membership_snapshots').all();
    expect(snaps).toEqual([
      { taken_at: 1, confirmed_at: 2, member_count: 2 },
      { taken_at: 3, confirmed_at: 3, member_count: 1 },
    ]);
  });
});
