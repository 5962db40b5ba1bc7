/**
 * Shipping a bot host's SQLite spool into the central PostgreSQL store (issue 18, item 2;
 * docs/SCALING.md, "Shipping from bot hosts"). The spool is only read (but for central erasures,
 * applied by the spool's own forget): recording never waits for the network.
 *
 * One round, in this order (a row's group is central before the row):
 * 1. the spool's greatest row ids are read first: the round ships up to them and no further, so a
 *    message recorded meanwhile (perhaps of a group not yet shipped) waits for the next round;
 * 2. all groups (merged: earliest first_seen, latest last_seen) and the group claims
 *    (src/store/postgres/assignments.ts), then all contacts — a host holds a few hundred groups
 *    and some thousands of contacts, shipped whole every round;
 * 3. membership snapshots with their members, messages, room events: in batches in local row-id
 *    order, each batch in one PostgreSQL transaction that also advances the spool's cursor for that
 *    table (ship_cursors). A crash loses at most the batch in flight, which the next round sends
 *    again; messages are inserted ON CONFLICT DO NOTHING on (source, source_id), snapshots and room
 *    events only where the same row is not there yet, so a resent batch adds nothing;
 * 4. confirmations: the latest snapshot of each group assigned here gets its confirmed_at raised
 *    (an unchanged roster only extends its confirmation locally, without a new row).
 * Snapshots and room events of groups assigned to another account are skipped (counted).
 * shipSpool wraps the round with what ship-sync.ts carries: first the members forgotten centrally are
 * erased from the spool (when a local forget is given), after it the members forgotten here are erased
 * centrally and the owners' answers go up.
 */
import type { Db } from '../open-database.js';
import { claimGroups } from './assignments.js';
import type { PgDatabase } from './pg-database.js';
import { forgetMemberPg } from './pg-maintenance.js';
import { ensureWeekPartitions, utcWeekStart } from './pg-partitions.js';
import {
  applyCentralErasures,
  readNamedCursor,
  shipStatuses,
  withErasuresHeld,
  writeNamedCursor,
} from './ship-sync.js';

export const DEFAULT_SHIP_BATCH = 5_000;

type PgType = 'text' | 'bigint' | 'int';
type Columns = readonly (readonly [string, PgType])[];
type Row = Record<string, unknown>;

const GROUP_COLUMNS: Columns = [
  ['id', 'text'],
  ['name', 'text'],
  ['owner_id', 'text'],
  ['unit', 'text'],
  ['created_at', 'bigint'],
  ['first_seen', 'bigint'],
  ['last_seen', 'bigint'],
];

const CONTACT_COLUMNS: Columns = [
  ['id', 'text'],
  ['name', 'text'],
  ['unit', 'text'],
  ['email', 'text'],
  ['wecom_user_id', 'text'],
  ['opted_out_at', 'bigint'],
  ['forgotten_at', 'bigint'],
];

const MESSAGE_COLUMNS: Columns = [
  ['source', 'text'],
  ['source_id', 'text'],
  ['group_id', 'text'],
  ['sender_id', 'text'],
  ['time', 'bigint'],
  ['type', 'text'],
  ['text', 'text'],
  ['text_length', 'int'],
  ['mention_all', 'int'],
  ['mention_ids', 'text'],
  ['link_title', 'text'],
  ['link_url', 'text'],
  ['link_description', 'text'],
  ['file_name', 'text'],
  ['file_size', 'bigint'],
  ['file_hash', 'text'],
  ['app_title', 'text'],
  ['app_name', 'text'],
  ['text_class', 'text'],
  ['reply_number', 'int'],
  ['fingerprint', 'text'],
  ['quote_message_id', 'text'],
  ['quote_sender_id', 'text'],
  ['quote_sender_name', 'text'],
  ['quote_excerpt', 'text'],
];

const EVENT_COLUMNS: Columns = [
  ['group_id', 'text'],
  ['time', 'bigint'],
  ['kind', 'text'],
  ['actor_id', 'text'],
  ['detail', 'text'],
];

/** `SELECT … FROM unnest($1::text[], …) AS u(c1, …)` over `rows`, one array parameter per column. */
function unnest(columns: Columns, rows: readonly Row[], first = 1): { sql: string; params: unknown[] } {
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ');
  return {
    sql: `SELECT * FROM unnest(${arrays}) AS u(${names})`,
    params: columns.map(([name]) => rows.map((r) => r[name] ?? null)),
  };
}

/** The tables shipped in batches with a cursor, by their local key. */
export type CursorTable = 'membership_snapshots' | 'messages' | 'room_events';

export interface ShipOptions {
  /** The account this spool records for: the spool's name centrally and who claims its groups. */
  account: string;
  /** Rows per batch (per transaction). Default 5,000. */
  batchSize?: number;
  now?: () => number;
  /** Called after each committed batch (progress, and the crash test's cue). */
  onBatch?: (batch: { table: CursorTable; rows: number; through: number }) => void;
  /**
   * The spool's own forget (MemberPrivacy.forget): given, the round first erases from the spool the
   * members forgotten centrally since its last round (ship-sync.ts), before anything is shipped.
   */
  forgetLocally?: (contactId: string, now: number) => void;
}

export interface ShipCounts {
  groups: number;
  contacts: number;
  /** Rows read from the spool and sent, per table; `added` is what the central store did not have. */
  snapshots: { sent: number; added: number; skipped: number };
  messages: { sent: number; added: number };
  roomEvents: { sent: number; added: number; skipped: number };
  confirmations: number;
  batches: number;
  /** Answers to recommendations (recommendation_status rows) sent, and how many changed the central row. */
  statuses: { sent: number; applied: number };
  /** Members forgotten centrally (by another host or the central store) now erased from this spool. */
  erasedHere: number;
  /** Members forgotten on this host, arriving forgotten, now erased centrally (forgetMemberPg). */
  erasedCentrally: number;
}

/** Thrown when another shipper holds this spool (same account) right now. */
export class ShipBusyError extends Error {
  constructor(readonly account: string) {
    super(`another ship of account ${account} is running`);
    this.name = 'ShipBusyError';
  }
}

export async function readCursor(client: PgDatabase, spool: string, table: CursorTable): Promise<number> {
  return readNamedCursor(client, spool, table);
}

function advanceCursor(
  client: PgDatabase,
  spool: string,
  table: CursorTable,
  lastId: number,
  now: number,
): Promise<void> {
  return writeNamedCursor(client, spool, table, lastId, now);
}

/**
 * Ships everything new in the spool `db` through `client` (one connection, not shared meanwhile).
 * Holds a session advisory lock on the account for the round: a second shipper of the same spool
 * fails at once (ShipBusyError) instead of interleaving cursors.
 */
export async function shipSpool(db: Db, client: PgDatabase, options: ShipOptions): Promise<ShipCounts> {
  const spool = options.account;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_SHIP_BATCH);
  const now = options.now ?? Date.now;
  // Per schema and account: the same account may ship into two schemas (tests, a staging copy).
  const lock = await client.query<{ ok: boolean }>(
    "SELECT pg_try_advisory_lock(hashtext('qingqun:ship'), hashtext(current_schema() || ':' || $1)) AS ok",
    [spool],
  );
  if (!lock.rows[0]?.ok) throw new ShipBusyError(spool);
  try {
    // Erasures first: a member forgotten centrally is erased here before this spool's rows of them
    // (recorded meanwhile) could ship up again.
    // The erasure key is held shared until the rows are in (ship-sync.ts FORGOTTEN_LOCK): a central
    // forget committed meanwhile waits, so none of this round's rows is of a member it erases.
    const { counts, forgotten } = await withErasuresHeld(client.client, async () => {
      const erasedHere = options.forgetLocally
        ? await applyCentralErasures(db, client, spool, options.forgetLocally, now())
        : 0;
      const shipped = await shipRound(db, client, spool, batchSize, now, options.onBatch);
      shipped.counts.erasedHere = erasedHere;
      return shipped;
    });
    // Members forgotten here, not yet centrally: erased centrally after their rows of this round
    // are in (their contact row went up without the mark, which forgetMemberPg sets: a crash before
    // it leaves them unmarked, so the next round erases them).
    for (const id of forgotten) {
      await forgetMemberPg(client, id, now());
      counts.erasedCentrally++;
    }
    counts.statuses = await shipStatuses(db, client, spool, now());
    return counts;
  } finally {
    // After a dropped connection the lock is gone with the session; the round's error is what counts.
    await client
      .query("SELECT pg_advisory_unlock(hashtext('qingqun:ship'), hashtext(current_schema() || ':' || $1))", [
        spool,
      ])
      .catch(() => {});
  }
}

async function shipRound(
  db: Db,
  client: PgDatabase,
  spool: string,
  batchSize: number,
  now: () => number,
  onBatch: ShipOptions['onBatch'],
): Promise<{ counts: ShipCounts; forgotten: string[] }> {
  const bound = (sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
  const bounds: Record<CursorTable, number> = {
    membership_snapshots: bound('SELECT MAX(id) FROM membership_snapshots'),
    messages: bound('SELECT MAX(row_id) FROM messages'),
    room_events: bound('SELECT MAX(id) FROM room_events'),
  };
  const counts: ShipCounts = {
    groups: 0,
    contacts: 0,
    snapshots: { sent: 0, added: 0, skipped: 0 },
    messages: { sent: 0, added: 0 },
    roomEvents: { sent: 0, added: 0, skipped: 0 },
    confirmations: 0,
    batches: 0,
    statuses: { sent: 0, applied: 0 },
    erasedHere: 0,
    erasedCentrally: 0,
  };
  const forgotten: string[] = [];

  // 2. Groups and claims, then contacts.
  const groups = db
    .prepare(`SELECT ${GROUP_COLUMNS.map(([c]) => c).join(', ')} FROM groups ORDER BY id`)
    .all() as Row[];
  const owned = await client.transaction(async () => {
    for (let i = 0; i < groups.length; i += batchSize) {
      const u = unnest(GROUP_COLUMNS, groups.slice(i, i + batchSize));
      await client.query(
        `INSERT INTO groups (${GROUP_COLUMNS.map(([c]) => c).join(', ')}) ${u.sql}
         ON CONFLICT (id) DO UPDATE SET
           name = excluded.name,
           owner_id = COALESCE(excluded.owner_id, groups.owner_id),
           unit = COALESCE(excluded.unit, groups.unit),
           created_at = COALESCE(groups.created_at, excluded.created_at),
           first_seen = LEAST(groups.first_seen, excluded.first_seen),
           last_seen = GREATEST(groups.last_seen, excluded.last_seen)`,
        u.params,
      );
    }
    return claimGroups(
      client.client,
      spool,
      groups.map((g) => g.id as string),
      now(),
    );
  });
  counts.groups = groups.length;

  const contactSql = `SELECT ${CONTACT_COLUMNS.map(([c]) => c).join(', ')} FROM contacts WHERE id > ? ORDER BY id LIMIT ?`;
  const readContacts = db.prepare(contactSql);
  for (let after = ''; ; ) {
    const rows = readContacts.all(after, batchSize) as Row[];
    if (rows.length === 0) break;
    // Forgotten here but not (yet) centrally: shipped unmarked, erased centrally by shipSpool.
    const marked = rows.filter((r) => r.forgotten_at != null).map((r) => r.id as string);
    if (marked.length > 0) {
      const central = await client.query<{ id: string }>(
        'SELECT id FROM contacts WHERE id = ANY($1::text[]) AND forgotten_at IS NOT NULL',
        [marked],
      );
      const known = new Set(central.rows.map((r) => r.id));
      for (const id of marked) if (!known.has(id)) forgotten.push(id);
    }
    const fresh = new Set(forgotten);
    const u = unnest(
      CONTACT_COLUMNS,
      rows.map((r) => (fresh.has(r.id as string) ? { ...r, forgotten_at: null } : r)),
    );
    // A person forgotten centrally stays forgotten; an opt-out from any host sticks.
    await client.query(
      `INSERT INTO contacts (${CONTACT_COLUMNS.map(([c]) => c).join(', ')}) ${u.sql}
       ON CONFLICT (id) DO UPDATE SET
         name = excluded.name,
         unit = COALESCE(excluded.unit, contacts.unit),
         email = COALESCE(excluded.email, contacts.email),
         wecom_user_id = COALESCE(excluded.wecom_user_id, contacts.wecom_user_id),
         opted_out_at = COALESCE(contacts.opted_out_at, excluded.opted_out_at),
         forgotten_at = COALESCE(contacts.forgotten_at, excluded.forgotten_at)
       WHERE contacts.forgotten_at IS NULL`,
      u.params,
    );
    counts.contacts += rows.length;
    after = rows[rows.length - 1]?.id as string;
  }

  // 3. The cursor tables, in batches.
  const batches = async (
    table: CursorTable,
    select: string,
    key: string,
    write: (rows: Row[]) => Promise<void>,
  ) => {
    const read = db.prepare(`${select} WHERE ${key} > ? AND ${key} <= ? ORDER BY ${key} LIMIT ?`);
    let cursor = await readCursor(client, spool, table);
    while (cursor < bounds[table]) {
      const rows = read.all(cursor, bounds[table], batchSize) as Row[];
      if (rows.length === 0) break;
      const through = Number(rows[rows.length - 1]?.[key]);
      await client.transaction(async () => {
        await write(rows);
        await advanceCursor(client, spool, table, through, now());
      });
      cursor = through;
      counts.batches++;
      onBatch?.({ table, rows: rows.length, through });
    }
  };

  const membersOf = db.prepare('SELECT contact_id FROM snapshot_members WHERE snapshot_id = ?').pluck();
  await batches(
    'membership_snapshots',
    'SELECT id, group_id, taken_at, confirmed_at, member_count FROM membership_snapshots',
    'id',
    async (rows) => {
      for (const s of rows) {
        if (!owned.has(s.group_id as string)) {
          counts.snapshots.skipped++;
          continue;
        }
        counts.snapshots.sent++;
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO membership_snapshots (group_id, taken_at, confirmed_at, member_count)
           SELECT $1, $2, $3, $4
           WHERE NOT EXISTS (SELECT 1 FROM membership_snapshots
                             WHERE group_id = $1 AND taken_at = $2 AND member_count = $4)
           RETURNING id`,
          [s.group_id, s.taken_at, s.confirmed_at, s.member_count],
        );
        const id = inserted.rows[0]?.id;
        if (id === undefined) continue;
        counts.snapshots.added++;
        await client.query(
          `INSERT INTO snapshot_members (snapshot_id, contact_id) SELECT $1, c FROM unnest($2::text[]) AS c
           ON CONFLICT DO NOTHING`,
          [id, membersOf.all(s.id)],
        );
      }
    },
  );

  await batches(
    'messages',
    `SELECT row_id, ${MESSAGE_COLUMNS.map(([c]) => c).join(', ')} FROM messages`,
    'row_id',
    async (rows) => {
      // As the importer does (src/store/postgres/pg-stage.ts): one writer of row ids at a time, a
      // block of them in spool order (ties in time keep that order), the week partitions first, and
      // (source, source_id) made unique through message_keys.
      await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':import'))");
      await ensureWeekPartitions(
        client,
        rows.map((r) => utcWeekStart(r.time as number)),
      );
      const { rows: seq } = await client.query<{ base: number }>(
        "SELECT nextval('messages_row_id') - 1 AS base",
      );
      const base = Number(seq[0]?.base ?? 0);
      await client.query("SELECT setval('messages_row_id', $1)", [base + rows.length]);
      const u = unnest(
        [['ord', 'bigint'], ...MESSAGE_COLUMNS],
        rows.map((r, i) => ({ ...r, ord: i + 1 })),
        2,
      );
      const cols = MESSAGE_COLUMNS.map(([c]) => c).join(', ');
      const r = await client.query(
        `WITH u AS (${u.sql}),
         k AS (
           INSERT INTO message_keys (source, source_id, time, row_id)
           SELECT source, source_id, time, $1 + ord FROM u ORDER BY ord
           ON CONFLICT DO NOTHING RETURNING source, source_id, row_id)
         INSERT INTO messages (row_id, ${cols})
         SELECT k.row_id, ${MESSAGE_COLUMNS.map(([c]) => `u.${c}`).join(', ')}
         FROM u JOIN k ON k.source = u.source AND k.source_id = u.source_id`,
        [base, ...u.params],
      );
      counts.messages.sent += rows.length;
      counts.messages.added += r.rowCount ?? 0;
    },
  );

  await batches(
    'room_events',
    `SELECT id, ${EVENT_COLUMNS.map(([c]) => c).join(', ')} FROM room_events`,
    'id',
    async (rows) => {
      const mine = rows.filter((e) => owned.has(e.group_id as string));
      counts.roomEvents.skipped += rows.length - mine.length;
      counts.roomEvents.sent += mine.length;
      if (mine.length === 0) return;
      const u = unnest(EVENT_COLUMNS, mine);
      const r = await client.query(
        `INSERT INTO room_events (${EVENT_COLUMNS.map(([c]) => c).join(', ')})
         SELECT * FROM (${u.sql}) AS e
         WHERE NOT EXISTS (SELECT 1 FROM room_events x WHERE x.group_id = e.group_id AND x.time = e.time
           AND x.kind = e.kind AND x.actor_id IS NOT DISTINCT FROM e.actor_id
           AND x.detail IS NOT DISTINCT FROM e.detail)`,
        u.params,
      );
      counts.roomEvents.added += r.rowCount ?? 0;
    },
  );

  // 4. Confirmations of the latest roster of each group recorded here.
  const latest = (
    db
      .prepare(
        `SELECT s.group_id, s.taken_at, s.confirmed_at FROM membership_snapshots s
         WHERE s.id <= ? AND s.id = (SELECT id FROM membership_snapshots l WHERE l.group_id = s.group_id
                                     ORDER BY taken_at DESC, id DESC LIMIT 1)`,
      )
      .all(bounds.membership_snapshots) as Row[]
  ).filter((s) => owned.has(s.group_id as string));
  if (latest.length > 0) {
    const u = unnest(
      [
        ['group_id', 'text'],
        ['taken_at', 'bigint'],
        ['confirmed_at', 'bigint'],
      ],
      latest,
    );
    const r = await client.query(
      `UPDATE membership_snapshots m SET confirmed_at = u.confirmed_at FROM (${u.sql}) AS u
       WHERE m.group_id = u.group_id AND m.taken_at = u.taken_at AND m.confirmed_at < u.confirmed_at`,
      u.params,
    );
    counts.confirmations = r.rowCount ?? 0;
  }
  return { counts, forgotten };
}
