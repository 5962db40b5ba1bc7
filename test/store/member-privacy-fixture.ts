import { configSchema } from '../../src/config/schema.js';
import { createStoragePolicy } from '../../src/privacy/storage-policy.js';
import { Store } from '../../src/store/store.js';
import { messageInput, tempStorePath } from '../fixtures/temp-store.js';

export const NOTICE =
  '关于开展冬季安全生产大检查的通知：各村居于本周五前完成自查并报送台账，联系人李娜13800138000';
export const T0 = Date.UTC(2026, 10, 17, 2, 0);

/**
 * Two groups; u-lina is in both, owns none, posts a notice, an acknowledgement and a file, is
 * mentioned by u-wang, joined one group, and was sent a digest. u-wang owns g-1 and posts too.
 */
export function memberStore(keepText: 'notices' | 'all' = 'all'): Store {
  const s = new Store(tempStorePath(), {
    policy: createStoragePolicy(configSchema.parse({ privacy: { keepText } })),
  });
  const group = (id: string, name: string, ownerId: string | null) =>
    s.groups.upsert({ id, name, ownerId, unit: null, createdAt: null, seenAt: T0 });
  group('g-1', '街道党建工作群', 'u-wang');
  group('g-2', '东湖社区工作群', null);
  s.contacts.upsert({ id: 'u-lina', name: '李娜', unit: '东湖社区' });
  s.contacts.upsert({ id: 'u-wang', name: '王军', unit: '街道领导班子' });
  s.snapshots.record('g-1', T0 - 1000, ['u-lina', 'u-wang', 'u-chen']);
  s.snapshots.record('g-2', T0 - 1000, ['u-lina', 'u-chen']);
  s.messages.insertMany([
    messageInput({ id: 'w-1', groupId: 'g-1', senderId: 'u-wang', text: NOTICE, mentionAll: true }),
    messageInput({ id: 'l-1', groupId: 'g-1', senderId: 'u-lina', time: T0 + 60_000, text: '收到' }),
    messageInput({ id: 'l-2', groupId: 'g-2', senderId: 'u-lina', time: T0 + 120_000, text: NOTICE }),
    messageInput({
      id: 'l-3',
      groupId: 'g-2',
      senderId: 'u-lina',
      time: T0 + 180_000,
      type: 'file',
      text: null,
      file: { name: '李娜请假条.docx', size: 1000, sha256: null },
    }),
    messageInput({
      id: 'l-4',
      groupId: 'g-2',
      senderId: 'u-lina',
      time: T0 + 200_000,
      type: 'recalled',
      text: 'l-1',
    }),
    messageInput({
      id: 'w-2',
      groupId: 'g-1',
      senderId: 'u-wang',
      time: T0 + 240_000,
      text: NOTICE,
      mentionIds: ['u-lina', 'u-chen'],
    }),
  ]);
  s.groups.recordEvent({
    groupId: 'g-2',
    time: T0,
    kind: 'join',
    actorId: 'u-lina',
    detail: '{"by":"u-wang"}',
  });
  s.groups.recordEvent({
    groupId: 'g-2',
    time: T0,
    kind: 'join',
    actorId: 'u-chen',
    detail: '{"by":"u-lina"}',
  });
  const outbox = s.outbox;
  outbox.enqueue(
    [{ dedupeKey: 'd-1', recipientId: 'u-lina', content: { kind: 'text', text: '每日摘要' } }],
    T0,
  );
  const row = outbox.get('d-1');
  if (row) outbox.claim(row.id, T0);
  s.db.prepare("UPDATE outbox SET state = 'sent' WHERE dedupe_key = 'd-1'").run();
  return s;
}
