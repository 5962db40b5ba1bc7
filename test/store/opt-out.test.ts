import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { messageInput } from '../fixtures/temp-store.js';
import { memberStore, NOTICE, T0 } from './member-privacy-fixture.js';

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const raw = (s: Store, id: string) => s.db.prepare('SELECT * FROM messages WHERE source_id = ?').get(id);

describe('optOut / optIn', () => {
  it('from the opt-out on, stores the member’s messages as counts only; before it, nothing changes', () => {
    const s = memberStore();
    open.push(s);
    expect(s.privacy.optOut('u-lina', T0 + 1)).toBe('opted-out');
    expect(s.privacy.optOut('u-lina', T0 + 2)).toBe('already');
    expect(s.db.prepare("SELECT opted_out_at FROM contacts WHERE id = 'u-lina'").pluck().get()).toBe(T0 + 1);
    expect(raw(s, 'l-2')).toMatchObject({ text: NOTICE });
    s.messages.insertMany([
      messageInput({ id: 'l-9', groupId: 'g-1', senderId: 'u-lina', text: NOTICE, mentionIds: ['u-wang'] }),
      messageInput({ id: 'w-9', groupId: 'g-1', senderId: 'u-wang', text: NOTICE, mentionIds: ['u-lina'] }),
    ]);
    expect(raw(s, 'l-9')).toMatchObject({
      sender_id: 'u-lina',
      text: null,
      fingerprint: null,
      mention_ids: null,
      text_class: 'notice',
    });
    expect(raw(s, 'w-9')).toMatchObject({ text: NOTICE, mention_ids: null });
    // The bot seeing them again does not undo it.
    s.contacts.upsert({ id: 'u-lina', name: '李娜', unit: null });
    expect(s.db.prepare("SELECT opted_out_at FROM contacts WHERE id = 'u-lina'").pluck().get()).toBe(T0 + 1);

    expect(s.privacy.optIn('u-lina')).toBe('opted-in');
    expect(s.privacy.optIn('u-lina')).toBe('not-opted-out');
    s.messages.insert(messageInput({ id: 'l-10', groupId: 'g-1', senderId: 'u-lina', text: NOTICE }));
    expect(raw(s, 'l-10')).toMatchObject({ text: NOTICE });
    expect(raw(s, 'l-9')).toMatchObject({ text: null });
  });

  it('holds for someone the bot has not seen yet', () => {
    const s = memberStore();
    open.push(s);
    expect(s.privacy.optOut('u-new', T0)).toBe('opted-out');
    s.messages.insert(messageInput({ id: 'n-1', groupId: 'g-1', senderId: 'u-new', text: NOTICE }));
    expect(raw(s, 'n-1')).toMatchObject({ sender_id: 'u-new', text: null });
    s.contacts.upsert({ id: 'u-new', name: '新同事', unit: null });
    expect(s.db.prepare("SELECT name FROM contacts WHERE id = 'u-new'").pluck().get()).toBe('新同事');
  });
});
