import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { Store } from '../../src/store/store.js';
import { messageInput } from '../fixtures/temp-store.js';
import { memberStore, NOTICE, T0 } from './member-privacy-fixture.js';

const config = configSchema.parse({});
const ALL = { week: 'all', from: 0, to: Number.MAX_SAFE_INTEGER };
const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/**
 * Every stored value that still names or quotes the member, wherever it is, except what is kept by
 * design: their id in contacts (the standing opt-out) and in the outbox's send log (what stops a
 * digest being sent to them twice; its content is gone).
 */
function traces(s: Store): string[] {
  const found: string[] = [];
  const tables = s.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    for (const row of s.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        const kept = ['contacts.id', 'outbox.recipient_id', 'outbox.dedupe_key'].includes(
          `${table}.${column}`,
        );
        if (!kept && typeof value === 'string' && /u-lina|李娜|请假条|13800138000/.test(value)) {
          found.push(`${table}.${column}`);
        }
      }
    }
  }
  return found;
}

describe('forgetMember', () => {
  it('removes every trace of the member except their id as a standing opt-out; anonymous counts stay', () => {
    const s = memberStore();
    open.push(s);
    const before = s.weekData.load(ALL);
    const counts = s.privacy.forget('u-lina', T0 + 1);
    expect(counts).toEqual({
      messagesAnonymised: 4,
      mentionsRemoved: 1,
      membershipsRemoved: 2,
      roomEventsAnonymised: 2,
      outboxPayloadsPurged: 1,
      preferencesDeleted: 0,
      groupsOwned: 0,
    });
    // The notice u-wang posted names 李娜 in its text: that is u-wang's message, and it stays.
    expect(traces(s).filter((t) => t !== 'messages.text')).toEqual([]);
    expect(s.db.prepare("SELECT text FROM messages WHERE source_id = 'l-2'").pluck().get()).toBeNull();
    // A recall keeps the id of what it recalled (not content): the original stays out of the counts.
    expect(s.db.prepare("SELECT text FROM messages WHERE source_id = 'l-4'").pluck().get()).toBe('l-1');
    expect(
      s.db.prepare("SELECT name, unit, forgotten_at AS f FROM contacts WHERE id = 'u-lina'").get(),
    ).toEqual({
      name: '',
      unit: null,
      f: T0 + 1,
    });
    expect(s.outbox.get('d-1')?.content).toBeNull();

    // Group figures of the past do not change: same messages per group, type and time.
    const after = s.weekData.load(ALL);
    const shape = (w: typeof before) =>
      w.messages.map((m) => [m.id, m.groupId, m.type, m.time, m.textLength]);
    expect(shape(after)).toEqual(shape(before));
    expect(after.messages.find((m) => m.id === 'l-1')).toMatchObject({ senderId: null, textClass: 'ack' });
    expect(after.messages.find((m) => m.id === 'w-2')?.mentionIds).toEqual(['u-chen']);
    expect(s.privacy.describe('u-lina', config)).toMatchObject({
      name: null,
      groups: [],
      mentionedIn: 0,
      forgottenAt: T0 + 1,
      messages: { total: 0 },
    });
  });

  it('keeps them forgotten: new messages, rosters, events and contact updates are not tied to them', () => {
    const s = memberStore();
    open.push(s);
    s.privacy.forget('u-lina', T0 + 1);
    s.messages.insert(
      messageInput({ id: 'l-9', groupId: 'g-1', senderId: 'u-lina', text: NOTICE, time: T0 + 9e5 }),
    );
    s.contacts.upsert({ id: 'u-lina', name: '李娜', unit: '东湖社区' });
    s.snapshots.record('g-2', T0 + 1e6, ['u-lina', 'u-chen', 'u-new']);
    s.groups.recordEvent({
      groupId: 'g-2',
      time: T0 + 1e6,
      kind: 'leave',
      actorId: 'u-lina',
      detail: '{"by":"u-x"}',
    });
    expect(traces(s).filter((t) => t !== 'messages.text')).toEqual([]);
    expect(s.db.prepare("SELECT sender_id, text FROM messages WHERE source_id = 'l-9'").get()).toEqual({
      sender_id: null,
      text: null,
    });
    // The roster's size still counts them.
    expect(
      s.db.prepare('SELECT member_count FROM membership_snapshots ORDER BY id DESC LIMIT 1').pluck().get(),
    ).toBe(3);
  });

  it('re-importing what was forgotten is a duplicate, not a conflict', () => {
    const s = memberStore();
    open.push(s);
    s.privacy.forget('u-lina', T0 + 1);
    const again = messageInput({
      id: 'l-1',
      groupId: 'g-1',
      senderId: 'u-lina',
      time: T0 + 60_000,
      text: '收到',
    });
    expect(s.messages.insert(again)).toBe('duplicate');
  });

  it('counts the groups they own, which stay theirs', () => {
    const s = memberStore();
    open.push(s);
    expect(s.privacy.forget('u-wang', T0).groupsOwned).toBe(1);
    expect(s.db.prepare("SELECT owner_id FROM groups WHERE id = 'g-1'").pluck().get()).toBe('u-wang');
  });

  it('withdraws messages still queued to them (they may carry their name), and says when the WAL stayed', () => {
    const s = memberStore();
    open.push(s);
    const outbox = s.outbox;
    outbox.enqueue(
      [{ dedupeKey: 'q-1', recipientId: 'u-lina', content: { kind: 'text', text: '李娜您好：本周周报' } }],
      T0,
    );
    // Another process reading the database through the whole erasure: the WAL cannot be truncated.
    const reader = new Database(s.path, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM messages').get();
      s.db.pragma('busy_timeout = 50');
      const counts = s.privacy.forget('u-lina', T0 + 1);
      expect(counts.outboxPayloadsPurged).toBe(2);
      expect(counts.walBusy).toBe(true);
    } finally {
      reader.close();
    }
    expect(outbox.get('q-1')).toMatchObject({ state: 'failed', content: null });
    expect(traces(s).filter((t) => t !== 'messages.text')).toEqual([]);
    expect(s.privacy.forget('u-lina', T0 + 2).walBusy).toBeUndefined();
  });
});
