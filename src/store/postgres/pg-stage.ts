import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { StoragePolicy } from '../../privacy/storage-policy.js';
import { Store } from '../store.js';
import type { PgDatabase } from './pg-database.js';
import { ensureWeekPartitions, utcWeekStart } from './pg-partitions.js';

/**
 * Importing into PostgreSQL goes through a private, temporary SQLite stage (docs/SCALING.md,
 * "PostgreSQL store"): every importer (JSON Lines, each archive format) writes to a synchronous
 * `Store`, and keeps doing so here, so parsing, validation, the storage policy (`policy.prepare`,
 * applied once, by the stage) and the per-line counts stay the code SQLite runs. The stage is first
 * primed with what PostgreSQL holds of groups, contacts (with opt-out and forget marks, which the
 * policy needs) and membership snapshots, so group and contact outcomes (imported/updated/duplicate)
 * are those SQLite would give. Messages are not primed: `transfer` COPYs the staged ones into a
 * temporary table and inserts them with one INSERT … SELECT … ON CONFLICT DO NOTHING through
 * `message_keys`; the ones PostgreSQL already held are then compared as `Store.compareExisting` does
 * and returned, so the caller turns the stage's "imported" into "duplicate" or a conflict.
 */
export interface StagedImport {
  /** The stage every importer writes to. */
  readonly store: Store;
  /** Writes what the stage gained to PostgreSQL in one transaction. */
  transfer(): Promise<TransferOutcome>;
  /** Removes the stage (always call it, also after a failure). */
  dispose(): void;
}

export interface TransferOutcome {
  inserted: number;
  /** Staged messages PostgreSQL already held unchanged. */
  duplicates: number;
  /** Staged messages whose (source, id) PostgreSQL holds with other content: not written. */
  conflicts: { source: string; id: string }[];
}

const MESSAGE_COLUMNS = [
  'source',
  'source_id',
  'group_id',
  'sender_id',
  'time',
  'type',
  'text',
  'text_length',
  'mention_all',
  'mention_ids',
  'link_title',
  'link_url',
  'link_description',
  'file_name',
  'file_size',
  'file_hash',
  'app_title',
  'app_name',
  'text_class',
  'reply_number',
  'fingerprint',
  'quote_message_id',
  'quote_sender_id',
  'quote_sender_name',
  'quote_excerpt',
] as const;

/** One CSV field: NULL unquoted-empty, strings always quoted (so '' stays an empty string). */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `"${String(value).replaceAll('"', '""')}"`;
}

export async function openStage(db: PgDatabase, policy: StoragePolicy): Promise<StagedImport> {
  const dir = mkdtempSync(join(tmpdir(), 'qingqun-stage-'));
  const store = new Store(join(dir, 'stage.sqlite'), { policy });
  const dispose = () => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const primed = await prime(db, store);
    return { store, transfer: () => transfer(db, store, primed), dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

interface Primed {
  snapshotId: number;
  eventId: number;
}

async function prime(db: PgDatabase, store: Store): Promise<Primed> {
  const s = store.db;
  const groups = await db.query(
    'SELECT id, name, owner_id, unit, created_at, first_seen, last_seen FROM groups',
  );
  const contacts = await db.query(
    'SELECT id, name, unit, opted_out_at, forgotten_at, email, wecom_user_id FROM contacts',
  );
  const snapshots = await db.query(
    'SELECT id, group_id, taken_at, confirmed_at, member_count FROM membership_snapshots ORDER BY id',
  );
  const members = await db.query('SELECT snapshot_id, contact_id FROM snapshot_members');
  s.transaction(() => {
    const g = s.prepare(
      `INSERT INTO groups (id, name, owner_id, unit, created_at, first_seen, last_seen)
       VALUES (@id, @name, @owner_id, @unit, @created_at, @first_seen, @last_seen)`,
    );
    for (const row of groups.rows) g.run(row);
    const c = s.prepare(
      `INSERT INTO contacts (id, name, unit, opted_out_at, forgotten_at, email, wecom_user_id)
       VALUES (@id, @name, @unit, @opted_out_at, @forgotten_at, @email, @wecom_user_id)`,
    );
    for (const row of contacts.rows) c.run(row);
    const sn = s.prepare(
      `INSERT INTO membership_snapshots (id, group_id, taken_at, confirmed_at, member_count)
       VALUES (@id, @group_id, @taken_at, @confirmed_at, @member_count)`,
    );
    for (const row of snapshots.rows) sn.run(row);
    const m = s.prepare(
      'INSERT INTO snapshot_members (snapshot_id, contact_id) VALUES (@snapshot_id, @contact_id)',
    );
    for (const row of members.rows) m.run(row);
    // What PostgreSQL held, to send back only what changed.
    s.exec(`CREATE TABLE primed_groups AS SELECT * FROM groups;
            CREATE TABLE primed_contacts AS SELECT * FROM contacts;
            CREATE TABLE primed_snapshots AS SELECT id, confirmed_at FROM membership_snapshots`);
  })();
  const snapshotId =
    (s.prepare('SELECT COALESCE(MAX(id), 0) FROM membership_snapshots').pluck().get() as number) ?? 0;
  // Room events are not primed: every event in the stage is new.
  return { snapshotId, eventId: 0 };
}

async function transfer(db: PgDatabase, store: Store, primed: Primed): Promise<TransferOutcome> {
  const s = store.db;
  const changedGroups = s
    .prepare(
      `SELECT id, name, owner_id, unit, created_at, first_seen, last_seen FROM groups
       EXCEPT SELECT id, name, owner_id, unit, created_at, first_seen, last_seen FROM primed_groups`,
    )
    .all() as Record<string, unknown>[];
  const changedContacts = s
    .prepare(
      `SELECT id, name, unit, email, wecom_user_id FROM contacts
       EXCEPT SELECT id, name, unit, email, wecom_user_id FROM primed_contacts`,
    )
    .all() as Record<string, unknown>[];
  const newSnapshots = s
    .prepare(
      'SELECT id, group_id, taken_at, confirmed_at, member_count FROM membership_snapshots WHERE id > ? ORDER BY id',
    )
    .all(primed.snapshotId) as {
    id: number;
    group_id: string;
    taken_at: number;
    confirmed_at: number;
    member_count: number;
  }[];
  const confirmed = s
    .prepare(
      `SELECT m.id, m.confirmed_at FROM membership_snapshots m JOIN primed_snapshots p ON p.id = m.id
       WHERE m.confirmed_at <> p.confirmed_at`,
    )
    .all() as { id: number; confirmed_at: number }[];
  const snapshotMembers = s
    .prepare('SELECT contact_id FROM snapshot_members WHERE snapshot_id = ? ORDER BY contact_id')
    .pluck();
  const events = s
    .prepare('SELECT group_id, time, kind, actor_id, detail FROM room_events WHERE id > ? ORDER BY id')
    .all(primed.eventId) as Record<string, unknown>[];
  const weeks = (s.prepare('SELECT DISTINCT time FROM messages').pluck().all() as number[]).map(utcWeekStart);
  const staged = s.prepare('SELECT COUNT(*), COALESCE(MAX(row_id), 0) FROM messages').raw().get() as [
    number,
    number,
  ];

  return db.transaction(async () => {
    // One importer at a time per schema: row ids are handed out as a block (below).
    await db.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':import'))");
    for (const g of changedGroups) {
      await db.query(
        `INSERT INTO groups (id, name, owner_id, unit, created_at, first_seen, last_seen)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
           owner_id = COALESCE(excluded.owner_id, groups.owner_id), unit = COALESCE(excluded.unit, groups.unit),
           created_at = COALESCE(groups.created_at, excluded.created_at),
           first_seen = LEAST(groups.first_seen, excluded.first_seen),
           last_seen = GREATEST(groups.last_seen, excluded.last_seen)`,
        [g.id, g.name, g.owner_id, g.unit, g.created_at, g.first_seen, g.last_seen],
      );
    }
    for (const c of changedContacts) {
      // A forgotten person's name and unit are never written again (as Store.upsertContact).
      await db.query(
        `INSERT INTO contacts (id, name, unit, email, wecom_user_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit,
           email = excluded.email, wecom_user_id = excluded.wecom_user_id
         WHERE contacts.forgotten_at IS NULL`,
        [c.id, c.name, c.unit, c.email, c.wecom_user_id],
      );
    }
    for (const c of confirmed) {
      await db.query(
        'UPDATE membership_snapshots SET confirmed_at = GREATEST(confirmed_at, $1) WHERE id = $2',
        [c.confirmed_at, c.id],
      );
    }
    for (const sn of newSnapshots) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO membership_snapshots (group_id, taken_at, confirmed_at, member_count)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [sn.group_id, sn.taken_at, sn.confirmed_at, sn.member_count],
      );
      const ids = snapshotMembers.all(sn.id) as string[];
      if (ids.length > 0) {
        await db.query(
          `INSERT INTO snapshot_members (snapshot_id, contact_id) SELECT $1, unnest($2::text[])
           ON CONFLICT DO NOTHING`,
          [rows[0]?.id, ids],
        );
      }
    }
    for (const e of events) {
      await db.query(
        'INSERT INTO room_events (group_id, time, kind, actor_id, detail) VALUES ($1, $2, $3, $4, $5)',
        [e.group_id, e.time, e.kind, e.actor_id, e.detail],
      );
    }
    if (staged[0] === 0) return { inserted: 0, duplicates: 0, conflicts: [] };
    return transferMessages(db, store, weeks, staged[1]);
  });
}

async function transferMessages(
  db: PgDatabase,
  store: Store,
  weeks: number[],
  maxOrd: number,
): Promise<TransferOutcome> {
  await ensureWeekPartitions(db, weeks);
  await db.query(
    `CREATE TEMP TABLE stage_messages (ord BIGINT NOT NULL, LIKE messages INCLUDING DEFAULTS) ON COMMIT DROP`,
  );
  await db.query('ALTER TABLE stage_messages DROP COLUMN row_id');
  const columns = ['ord', ...MESSAGE_COLUMNS];
  const rows = store.db
    .prepare(`SELECT row_id, ${MESSAGE_COLUMNS.join(', ')} FROM messages ORDER BY row_id`)
    .raw();
  async function* csv() {
    let chunk: string[] = [];
    for (const row of rows.iterate() as IterableIterator<unknown[]>) {
      chunk.push(row.map(csvField).join(','));
      if (chunk.length === 2000) {
        yield `${chunk.join('\n')}\n`;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
  }
  await pipeline(
    Readable.from(csv()),
    db.client.query(copyFrom(`COPY stage_messages (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)),
  );
  // A block of row ids: row_id = base + stage order, so ties in time keep the order of the input,
  // as SQLite's INTEGER PRIMARY KEY does; the sequence then moves past the block.
  const { rows: seq } = await db.query<{ base: number }>("SELECT nextval('messages_row_id') - 1 AS base");
  const base = seq[0]?.base ?? 0;
  await db.query("SELECT setval('messages_row_id', $1)", [base + maxOrd]);
  const cols = MESSAGE_COLUMNS.join(', ');
  const inserted = await db.query(
    `WITH k AS (
       INSERT INTO message_keys (source, source_id, time, row_id)
       SELECT source, source_id, time, $1 + ord FROM stage_messages ORDER BY ord
       ON CONFLICT DO NOTHING RETURNING source, source_id, row_id)
     INSERT INTO messages (row_id, ${cols})
     SELECT k.row_id, ${MESSAGE_COLUMNS.map((c) => `s.${c}`).join(', ')}
     FROM stage_messages s JOIN k ON k.source = s.source AND k.source_id = s.source_id`,
    [base],
  );
  // The rest: held already. Same comparison as Store.compareExisting.
  const { rows: held } = await db.query<{ source: string; id: string; same: boolean }>(
    `SELECT s.source, s.source_id AS id,
       (m.group_id = s.group_id
        AND (m.sender_id IS NULL OR s.sender_id IS NULL OR m.sender_id = s.sender_id)
        AND m.time = s.time AND m.type = s.type AND m.text_length = s.text_length
        AND (m.text IS NULL OR s.text IS NULL OR m.text = s.text)
        AND (m.fingerprint IS NULL OR s.fingerprint IS NULL OR m.fingerprint = s.fingerprint)) IS TRUE AS same
     FROM stage_messages s
     JOIN message_keys k ON k.source = s.source AND k.source_id = s.source_id AND k.row_id <> $1 + s.ord
     LEFT JOIN messages m ON m.time = k.time AND m.row_id = k.row_id
     ORDER BY s.ord`,
    [base],
  );
  return {
    inserted: inserted.rowCount ?? 0,
    duplicates: held.filter((h) => h.same).length,
    conflicts: held.filter((h) => !h.same).map(({ source, id }) => ({ source, id })),
  };
}
