import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { createStoragePolicy } from '../../src/privacy/storage-policy.js';
import { Store } from '../../src/store/store.js';
import { messageInput, tempStorePath } from '../fixtures/temp-store.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2027, 5, 1);
const config = { retention: { textDays: 30, recordDays: 365 } };
const NOTICE = '关于开展冬季安全生产大检查的通知：各村居于本周五前完成自查并报送台账';

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** A store with messages 10, 40 and 400 days old, of each kind that retention treats differently. */
function seeded(): Store {
  const s = new Store(tempStorePath(), {
    policy: createStoragePolicy(configSchema.parse({ privacy: { keepText: 'all' } })),
  });
  open.push(s);
  s.groups.upsert({ id: 'g-1@chatroom', name: '群', ownerId: null, unit: null, createdAt: null, seenAt: 0 });
  for (const age of [10, 40, 400]) {
    const time = NOW - age * DAY;
    s.messages.insertMany([
      messageInput({ id: `notice-${age}`, time, text: NOTICE }),
      messageInput({ id: `ack-${age}`, time, text: '收到' }),
      messageInput({ id: `recall-${age}`, time, type: 'recalled', text: `ack-${age}` }),
      messageInput({
        id: `link-${age}`,
        time,
        type: 'link',
        text: null,
        link: { title: '通知', url: 'https://example.gov.cn/a', description: '摘要' },
      }),
    ]);
    s.groups.recordEvent({
      groupId: 'g-1@chatroom',
      time,
      kind: 'join',
      actorId: 'u-2',
      detail: null,
    });
    s.snapshots.record('g-1@chatroom', time - DAY, [`u-${age}`]);
  }
  const outbox = s.outbox;
  outbox.enqueue(
    [{ dedupeKey: 'old', recipientId: 'u-1', content: { kind: 'text', text: '周报' } }],
    NOW - 40 * DAY,
  );
  outbox.enqueue(
    [{ dedupeKey: 'new', recipientId: 'u-1', content: { kind: 'text', text: '周报' } }],
    NOW - 40 * DAY,
  );
  for (const key of ['old', 'new']) {
    const row = outbox.get(key);
    if (!row) throw new Error(key);
    outbox.claim(row.id, NOW - 40 * DAY);
  }
  s.db
    .prepare("UPDATE outbox SET state = 'sent', updated_at = ? WHERE dedupe_key = 'old'")
    .run(NOW - 40 * DAY);
  s.db.prepare("UPDATE outbox SET state = 'sent', updated_at = ? WHERE dedupe_key = 'new'").run(NOW - DAY);
  return s;
}

const row = (s: Store, id: string) =>
  s.db
    .prepare(
      'SELECT text, text_class, fingerprint, link_title, link_url, link_description FROM messages WHERE source_id = ?',
    )
    .get(id) as Record<string, unknown> | undefined;

describe('purgeExpired', () => {
  it('purges texts after textDays, keeping class, fingerprint, recall ids and link cards; deletes records after recordDays', () => {
    const s = seeded();
    const fingerprint = row(s, 'ack-40')?.fingerprint;
    const counts = s.maintenance.purgeExpired(config, NOW);
    expect(counts).toMatchObject({
      dryRun: false,
      textsPurged: 2, // notice-40, ack-40 (link-40 has no text; recall-40 keeps its id)
      classified: 0,
      messagesDeleted: 4,
      roomEventsDeleted: 1,
      snapshotsDeleted: 1,
      outboxPayloadsPurged: 1,
    });
    expect(row(s, 'notice-10')?.text).toBe(NOTICE);
    expect(row(s, 'ack-10')?.text).toBe('收到');
    expect(row(s, 'notice-40')).toMatchObject({ text: null, text_class: 'notice' });
    expect(row(s, 'ack-40')).toMatchObject({ text: null, text_class: 'ack', fingerprint });
    expect(row(s, 'recall-40')?.text).toBe('ack-40');
    expect(row(s, 'link-40')).toMatchObject({
      link_title: '通知',
      link_url: 'https://example.gov.cn/a',
      link_description: '摘要',
    });
    expect(row(s, 'notice-400')).toBeUndefined();
    const outbox = s.outbox;
    expect(outbox.get('old')?.content).toBeNull();
    expect(outbox.get('new')?.content).toEqual({ kind: 'text', text: '周报' });
    // The group's latest roster always stays, however old.
    expect(s.db.prepare('SELECT COUNT(*) FROM membership_snapshots').pluck().get()).toBe(2);
  });

  it('a dry run counts exactly what a real run then does, and changes nothing', () => {
    const s = seeded();
    const before = s.db.prepare('SELECT * FROM messages ORDER BY row_id').all();
    const dry = s.maintenance.purgeExpired(config, NOW, { dryRun: true });
    expect(s.db.prepare('SELECT * FROM messages ORDER BY row_id').all()).toEqual(before);
    const real = s.maintenance.purgeExpired(config, NOW);
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(real.messagesDeleted).toBeGreaterThan(0);
  });

  it('is idempotent: a second run purges nothing', () => {
    const s = seeded();
    s.maintenance.purgeExpired(config, NOW);
    expect(s.maintenance.purgeExpired(config, NOW)).toMatchObject({
      textsPurged: 0,
      messagesDeleted: 0,
      roomEventsDeleted: 0,
      snapshotsDeleted: 0,
      outboxPayloadsPurged: 0,
    });
  });

  it('classifies and fingerprints rows stored before classes existed, before their text goes', () => {
    const s = seeded();
    s.db
      .prepare("UPDATE messages SET text_class = NULL, fingerprint = NULL WHERE source_id = 'ack-40'")
      .run();
    const counts = s.maintenance.purgeExpired(config, NOW);
    expect(counts.classified).toBe(1);
    expect(row(s, 'ack-40')).toMatchObject({ text: null, text_class: 'ack' });
    expect(row(s, 'ack-40')?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('leaves no purged text in the database file (secure_delete, WAL truncated)', async () => {
    const s = seeded();
    const secret = '这是一段只应保存三十天的通知内容，包含电话13800138000，请于周五前报送';
    s.messages.insert(messageInput({ id: 'secret', time: NOW - 40 * DAY, text: secret }));
    s.maintenance.purgeExpired(config, NOW);
    s.close();
    const { readFileSync, existsSync } = await import('node:fs');
    const bytes = Buffer.concat(
      [s.path, `${s.path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)),
    );
    expect(bytes.includes(Buffer.from('13800138000'))).toBe(false);
    expect(bytes.includes(Buffer.from('只应保存三十天'))).toBe(false);
  });
});
