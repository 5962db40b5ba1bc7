import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageInput } from '../../../src/model/message.js';
import { defaultStoragePolicy } from '../../../src/privacy/storage-policy.js';
import { queueCentral } from '../../../src/store/postgres/central-outbox.js';
import { ensureCentralTables } from '../../../src/store/postgres/central-tables.js';
import { PgDatabase } from '../../../src/store/postgres/pg-database.js';
import { forgetMemberPg, purgeExpiredPg } from '../../../src/store/postgres/pg-maintenance.js';
import { listWeekPartitions } from '../../../src/store/postgres/pg-partitions.js';
import { openStage } from '../../../src/store/postgres/pg-stage.js';
import { pgReachable, testSchema } from './pg-test-server.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);

function message(id: string, time: number, senderId: string, text: string): MessageInput {
  return {
    source: 'test',
    id,
    groupId: 'g1',
    senderId,
    time,
    type: 'text',
    text,
    mentionAll: false,
    mentionIds: ['zhangsan', 'lisi'],
    link: null,
    file: null,
    miniprogram: null,
  };
}

/** Writes through the import path (primed SQLite stage, COPY, INSERT … ON CONFLICT). */
async function importInto(
  db: PgDatabase,
  write: (store: import('../../../src/store/store.js').Store) => void,
) {
  const stage = await openStage(db, defaultStoragePolicy());
  try {
    write(stage.store);
    return await stage.transfer();
  } finally {
    stage.dispose();
  }
}

describe.skipIf(!pgReachable)('PostgreSQL partitions, retention and erasure', () => {
  const schema = testSchema('maint');
  let db: PgDatabase;
  beforeAll(async () => {
    db = await PgDatabase.open(schema.url);
  });
  afterAll(async () => {
    await db?.close();
    await schema.drop();
  });

  it('creates a partition per UTC week on import and keeps (source, id) unique across them', async () => {
    const times = [NOW - 400 * DAY, NOW - 200 * DAY, NOW - 10 * DAY, NOW - DAY];
    const outcome = await importInto(db, (store) => {
      store.groups.upsert({
        id: 'g1',
        name: '张三的群',
        ownerId: null,
        unit: null,
        createdAt: null,
        seenAt: times[0] as number,
      });
      store.contacts.upsert({ id: 'zhangsan', name: '张三丰', unit: '某某村' });
      store.snapshots.record('g1', times[0] as number, ['zhangsan', 'lisi']);
      times.forEach((t, i) => {
        store.messages.insert(message(`m${i}`, t, i % 2 ? 'lisi' : 'zhangsan', `请张三丰今天报送材料 ${i}`));
      });
    });
    expect(outcome).toEqual({ inserted: 4, duplicates: 0, conflicts: [] });
    expect((await listWeekPartitions(db)).length).toBe(4);
    // The same message in another week: same (source, id), so a conflict, not a second row.
    const again = await importInto(db, (store) => {
      store.messages.insert(message('m0', NOW - 3 * DAY, 'zhangsan', 'other'));
      store.messages.insert(message('m1', times[1] as number, 'lisi', '请张三丰今天报送材料 1'));
    });
    expect(again).toEqual({ inserted: 0, duplicates: 1, conflicts: [{ source: 'test', id: 'm0' }] });
    expect(await schema.query('SELECT COUNT(*)::int AS n FROM messages')).toEqual([{ n: 4 }]);
  });

  it('drops whole expired partitions and deletes the rest row by row', async () => {
    const retention = { retention: { textDays: 30, recordDays: 300 } } as never;
    const dry = await purgeExpiredPg(db, defaultStoragePolicy(), retention, NOW, { dryRun: true });
    const before = await schema.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM messages WHERE text IS NOT NULL AND time < $1 AND time >= $2',
      [NOW - 30 * DAY, NOW - 300 * DAY],
    );
    expect(dry).toMatchObject({ messagesDeleted: 1, textsPurged: before[0]?.n });
    const done = await purgeExpiredPg(db, defaultStoragePolicy(), retention, NOW);
    expect(done).toEqual({ ...dry, dryRun: false });
    expect((await listWeekPartitions(db)).length).toBe(3);
    expect(await schema.query('SELECT source_id FROM message_keys ORDER BY source_id')).toEqual([
      { source_id: 'm1' },
      { source_id: 'm2' },
      { source_id: 'm3' },
    ]);
    expect(
      await schema.query('SELECT COUNT(*)::int AS n FROM messages WHERE text IS NOT NULL AND time < $1', [
        NOW - 30 * DAY,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('forget leaves no row naming them (name, id, mentions), counts kept', async () => {
    // A digest queued centrally to them, naming them: withdrawn and emptied (only key and recipient stay).
    await ensureCentralTables(db.client);
    await queueCentral(
      db.client,
      [
        {
          account: 'host-a',
          dedupeKey: 'digest:w',
          recipientId: 'zhangsan',
          content: { kind: 'text', text: '张三丰：周报' },
        },
      ],
      NOW,
    );
    const counts = await forgetMemberPg(db, 'zhangsan', NOW);
    expect(counts).toMatchObject({
      messagesAnonymised: 1,
      mentionsRemoved: 2,
      membershipsRemoved: 1,
      centralOutboxPayloadsPurged: 1,
    });
    expect(await schema.query('SELECT recipient_id, payload, pulled_by FROM central_outbox')).toEqual([
      { recipient_id: 'zhangsan', payload: '', pulled_by: 'withdrawn' },
    ]);
    const tables = await schema.query<{ t: string }>(
      'SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()',
    );
    for (const { t } of tables) {
      const rows = await schema.query(`SELECT x::text AS row FROM "${t}" x`);
      for (const { row } of rows) {
        expect(row, t).not.toContain('张三丰');
        // Their bare id stays as their contact, as the withdrawn item's recipient and as the record
        // that they were forgotten, which the hosts' ship rounds erase them by (ship-sync.ts).
        if (!['contacts', 'central_outbox', 'forgotten_members'].includes(t))
          expect(row, t).not.toContain('zhangsan');
      }
    }
    expect(await schema.query('SELECT COUNT(*)::int AS n FROM messages')).toEqual([{ n: 3 }]);
  });
});
