import type { Config } from '../../config/schema.js';
import type { MessageType } from '../../model/message.js';
import type { StoragePolicy } from '../../privacy/storage-policy.js';
import { type PurgeCounts, purgeStart } from '../maintenance.js';
import type { ForgetCounts } from '../privacy.js';
import { forgetInCentralOutbox, purgeCentralOutbox } from './central-erasure.js';
import type { PgDatabase } from './pg-database.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { listWeekPartitions } from './pg-partitions.js';
import { FORGOTTEN_LOCK, recordForgotten } from './ship-sync.js';

const DONE_STATES = "('sent', 'failed', 'undeliverable', 'unconfirmed')";
const LATEST_SNAPSHOTS = `SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY group_id
  ORDER BY taken_at DESC, id DESC) AS rn FROM membership_snapshots) s WHERE rn = 1`;

/**
 * The retention purge on PostgreSQL, with maintenance.purgeExpired's meaning and counts (src/store/maintenance.ts):
 * week partitions wholly older than `retention.recordDays` are detached and dropped (their rows
 * counted first), the rest of the expired messages deleted row by row; old texts set to NULL (a row
 * stored without class or fingerprint is given them first by the store's policy, as on SQLite); old
 * room events, superseded snapshots and sent payloads go, and so do the payloads of central_outbox
 * rows taken before the text cutoff (central-erasure.ts; `centralOutboxPayloadsPurged`, present only
 * where the table exists). Then the changed tables are VACUUMed
 * (docs/SCALING.md, "PostgreSQL store", on what that does and does not erase).
 */
export async function purgeExpiredPg(
  db: PgDatabase,
  policy: StoragePolicy,
  config: Pick<Config, 'retention'>,
  now: number,
  options: { dryRun?: boolean } = {},
): Promise<PurgeCounts> {
  const counts = purgeStart(config, now, options.dryRun ?? false);
  const { dryRun, textCutoff, recordCutoff } = counts;
  const count = async (sql: string, params: unknown[]) =>
    Number(Object.values((await db.query(sql, params)).rows[0] ?? {})[0] ?? 0);
  const live = "text IS NOT NULL AND time < $1 AND time >= $2 AND type <> 'recalled'";
  if (dryRun) {
    counts.textsPurged = await count(`SELECT COUNT(*) FROM messages WHERE ${live}`, [
      textCutoff,
      recordCutoff,
    ]);
    counts.classified = await count(
      `SELECT COUNT(*) FROM messages WHERE ${live} AND (text_class IS NULL OR fingerprint IS NULL)`,
      [textCutoff, recordCutoff],
    );
    counts.messagesDeleted = await count('SELECT COUNT(*) FROM messages WHERE time < $1', [recordCutoff]);
    counts.roomEventsDeleted = await count('SELECT COUNT(*) FROM room_events WHERE time < $1', [
      recordCutoff,
    ]);
    counts.snapshotsDeleted = await count(
      `SELECT COUNT(*) FROM membership_snapshots WHERE confirmed_at < $1 AND id NOT IN (${LATEST_SNAPSHOTS})`,
      [recordCutoff],
    );
    counts.outboxPayloadsPurged = await count(
      `SELECT COUNT(*) FROM outbox WHERE payload IS NOT NULL AND state IN ${DONE_STATES} AND updated_at < $1`,
      [textCutoff],
    );
    const central = await purgeCentralOutbox(db, textCutoff, true);
    if (central !== null) counts.centralOutboxPayloadsPurged = central;
    return counts;
  }

  // Whole weeks first: detaching and dropping a partition frees its files at once (no dead rows).
  for (const p of await listWeekPartitions(db)) {
    if (p.to > recordCutoff) break;
    await db.transaction(async () => {
      counts.messagesDeleted += await count(`SELECT COUNT(*) FROM ${p.name}`, []);
      await db.query('DELETE FROM message_keys WHERE time >= $1 AND time < $2', [p.from, p.to]);
      await db.query(`ALTER TABLE messages DETACH PARTITION ${p.name}`);
      await db.query(`DROP TABLE ${p.name}`);
    });
  }
  await db.transaction(async () => {
    counts.messagesDeleted +=
      (await db.query('DELETE FROM messages WHERE time < $1', [recordCutoff])).rowCount ?? 0;
    await db.query('DELETE FROM message_keys WHERE time < $1', [recordCutoff]);
    const { rows } = await db.query<{
      row_id: number;
      source: string;
      source_id: string;
      group_id: string;
      sender_id: string | null;
      time: number;
      type: string;
      text: string;
      mention_all: number;
    }>(
      `SELECT row_id, source, source_id, group_id, sender_id, time, type, text, mention_all FROM messages
       WHERE text IS NOT NULL AND time < $1 AND type <> 'recalled' AND (text_class IS NULL OR fingerprint IS NULL)`,
      [textCutoff],
    );
    for (const r of rows) {
      const facts = policy.prepare(
        {
          source: r.source,
          id: r.source_id,
          groupId: r.group_id,
          senderId: r.sender_id,
          time: r.time,
          type: r.type as MessageType,
          text: r.text,
          mentionAll: r.mention_all === 1,
          mentionIds: [],
          link: null,
          file: null,
          miniprogram: null,
        },
        () => 'recorded',
      );
      await db.query(
        `UPDATE messages SET text_class = COALESCE(text_class, $1), reply_number = COALESCE(reply_number, $2),
           fingerprint = COALESCE(fingerprint, $3) WHERE time = $4 AND row_id = $5`,
        [facts.textClass, facts.replyNumber, facts.fingerprint, r.time, r.row_id],
      );
      counts.classified++;
    }
    counts.textsPurged =
      (
        await db.query(
          `UPDATE messages SET text = NULL, quote_excerpt = NULL
           WHERE text IS NOT NULL AND time < $1 AND type <> 'recalled'`,
          [textCutoff],
        )
      ).rowCount ?? 0;
    counts.roomEventsDeleted =
      (await db.query('DELETE FROM room_events WHERE time < $1', [recordCutoff])).rowCount ?? 0;
    counts.snapshotsDeleted =
      (
        await db.query(
          `DELETE FROM membership_snapshots WHERE confirmed_at < $1 AND id NOT IN (${LATEST_SNAPSHOTS})`,
          [recordCutoff],
        )
      ).rowCount ?? 0;
    counts.outboxPayloadsPurged =
      (
        await db.query(
          `UPDATE outbox SET payload = NULL
           WHERE payload IS NOT NULL AND state IN ${DONE_STATES} AND updated_at < $1`,
          [textCutoff],
        )
      ).rowCount ?? 0;
    const central = await purgeCentralOutbox(db, textCutoff, false);
    if (central !== null) counts.centralOutboxPayloadsPurged = central;
  });
  const purged =
    counts.messagesDeleted +
    counts.textsPurged +
    counts.roomEventsDeleted +
    counts.snapshotsDeleted +
    counts.outboxPayloadsPurged +
    (counts.centralOutboxPayloadsPurged ?? 0);
  if (purged > 0)
    await vacuum(db, [
      'messages',
      'message_keys',
      'room_events',
      'membership_snapshots',
      'outbox',
      ...(counts.centralOutboxPayloadsPurged === undefined ? [] : ['central_outbox']),
    ]);
  return counts;
}

/**
 * VACUUM (not FULL) of the tables, which makes the space of dead row versions reusable and, for a
 * partitioned table, visits every partition and its TOAST table. PostgreSQL does not overwrite the
 * freed bytes: see docs/SCALING.md for what that means and why VACUUM FULL is not run by default.
 */
async function vacuum(db: PgDatabase, tables: readonly string[]): Promise<void> {
  await db.query(`VACUUM ${tables.join(', ')}`);
}

/**
 * `forget` on PostgreSQL: privacy.forget's meaning (src/store/privacy.ts), in one transaction, the
 * central_outbox rows addressed to them included (emptied, the waiting ones withdrawn: central-erasure.ts),
 * then VACUUM FULL of the tables that held them (rewrites each table into new files, so the dead row
 * versions holding their name or texts are not left in the table's pages; see docs/SCALING.md).
 */
export async function forgetMemberPg(db: PgDatabase, contactId: string, now: number): Promise<ForgetCounts> {
  const counts = await db.transaction(async (): Promise<ForgetCounts> => {
    // Where hosts ship here: first wait for the ship rounds in flight (ship-sync.ts FORGOTTEN_LOCK), then
    // record the member for every host to erase them from its spool at its next round.
    const tombstones = (
      await db.query<{ present: boolean }>("SELECT to_regclass('forgotten_members') IS NOT NULL AS present")
    ).rows[0]?.present;
    if (tombstones) await db.query(FORGOTTEN_LOCK);
    const run = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rowCount ?? 0;
    const known = (await db.query<{ name: string }>('SELECT name FROM contacts WHERE id = $1', [contactId]))
      .rows[0];
    await run(
      `INSERT INTO contacts (id, name, unit, opted_out_at, forgotten_at) VALUES ($1, '', NULL, $2, $2)
       ON CONFLICT (id) DO UPDATE SET name = '', unit = NULL, email = NULL, wecom_user_id = NULL,
         opted_out_at = COALESCE(contacts.opted_out_at, excluded.opted_out_at), forgotten_at = excluded.forgotten_at`,
      [contactId, now],
    );
    const messagesAnonymised = await run(
      `UPDATE messages SET sender_id = NULL, mention_ids = NULL, fingerprint = NULL,
         text = CASE WHEN type = 'recalled' THEN text END,
         link_title = NULL, link_url = NULL, link_description = NULL,
         file_name = NULL, file_size = NULL, file_hash = NULL, app_title = NULL, app_name = NULL,
         quote_message_id = NULL, quote_sender_id = NULL, quote_sender_name = NULL, quote_excerpt = NULL
       WHERE sender_id = $1`,
      [contactId],
    );
    await run(
      `UPDATE messages SET quote_sender_id = NULL, quote_sender_name = NULL, quote_excerpt = NULL
       WHERE quote_sender_id = $1 OR (quote_sender_name IS NOT NULL AND quote_sender_name = $2)`,
      [contactId, known?.name || null],
    );
    // mention_ids is SQLite's JSON text: rebuilt as compact JSON (json_group_array's form).
    const mentionsRemoved = await run(
      `UPDATE messages SET mention_ids = (
         SELECT CASE WHEN COUNT(*) = 0 THEN NULL ELSE '[' || string_agg(to_json(v)::text, ',' ORDER BY n) || ']' END
         FROM json_array_elements_text(messages.mention_ids::json) WITH ORDINALITY AS e(v, n) WHERE v <> $1)
       WHERE mention_ids IS NOT NULL AND strpos(mention_ids, $2) > 0
         AND EXISTS (SELECT 1 FROM json_array_elements_text(messages.mention_ids::json) AS e(v) WHERE v = $1)`,
      [contactId, JSON.stringify(contactId)],
    );
    const membershipsRemoved = await run('DELETE FROM snapshot_members WHERE contact_id = $1', [contactId]);
    // Events naming them as `by` in a JSON detail: found by text, confirmed by parsing (json_valid's role on SQLite).
    const byThem = (
      await db.query<{ id: number; detail: string }>(
        'SELECT id, detail FROM room_events WHERE detail IS NOT NULL AND strpos(detail, $1) > 0',
        [JSON.stringify(contactId)],
      )
    ).rows
      .filter((r) => {
        try {
          return (JSON.parse(r.detail) as { by?: unknown } | null)?.by === contactId;
        } catch {
          return false;
        }
      })
      .map((r) => r.id);
    const roomEventsAnonymised = await run(
      `UPDATE room_events SET actor_id = CASE WHEN actor_id = $1 THEN NULL ELSE actor_id END, detail = NULL
       WHERE actor_id = $1 OR id = ANY($2::bigint[])`,
      [contactId, byThem],
    );
    const outboxPayloadsPurged =
      (await run(
        `UPDATE outbox SET payload = NULL WHERE recipient_id = $1 AND payload IS NOT NULL
         AND state NOT IN ('queued', 'sending')`,
        [contactId],
      )) +
      (await run(
        `UPDATE outbox SET payload = NULL, state = 'failed', last_error = 'recipient forgotten', updated_at = $1
         WHERE recipient_id = $2 AND state = 'queued'`,
        [now, contactId],
      ));
    let preferencesDeleted = 0;
    for (const table of ['cadre_muted_groups', 'cadre_subscriptions', 'cadre_group_listings']) {
      preferencesDeleted += await run(`DELETE FROM ${table} WHERE contact_id = $1`, [contactId]);
    }
    const owned = await db.query('SELECT COUNT(*) AS n FROM groups WHERE owner_id = $1', [contactId]);
    const central = await forgetInCentralOutbox(db, contactId, now);
    if (tombstones) await recordForgotten(db.client, contactId, now);
    return {
      messagesAnonymised,
      mentionsRemoved,
      membershipsRemoved,
      roomEventsAnonymised,
      outboxPayloadsPurged,
      ...(central === null ? {} : { centralOutboxPayloadsPurged: central }),
      preferencesDeleted,
      groupsOwned: Number(owned.rows[0]?.n ?? 0),
    };
  });
  const central = counts.centralOutboxPayloadsPurged === undefined ? '' : ', central_outbox';
  await db.query(`VACUUM FULL contacts, messages, snapshot_members, room_events, outbox${central}`);
  return counts;
}

/**
 * `qingqun doctor` on PostgreSQL: maintenance.check's questions in PostgreSQL's terms. Connecting and
 * opening already proved the server reachable and the schema qingqun's (an empty or newer one is
 * refused, an older one migrated, as on SQLite). SQLite's integrity_check has no counterpart a client
 * can run (the server checks its pages, with data checksums when the cluster has them); what qingqun
 * itself must keep true is that `message_keys` (the `(source, id)` uniqueness across partitions) has
 * exactly one row per message. Foreign keys are always enforced by the server. `ok` is false when the
 * schema version differs from the code's or the keys do not match the messages.
 */
export interface PgDatabaseCheck {
  engine: 'postgres';
  ok: boolean;
  server: string;
  user: string;
  schema: string;
  schemaVersion: number;
  expectedSchemaVersion: number;
  dataChecksums: boolean;
  /** `message_keys` holds one row per message (compared by count and by key). */
  keysMatchMessages: boolean;
  /** Rows per table of the schema (partitions counted in `messages`, not listed). */
  counts: Record<string, number>;
  /** The week partitions of `messages`, oldest first: how many, and the first and last [from, to). */
  partitions: { count: number; first: WeekPartition | null; last: WeekPartition | null };
}

export interface WeekPartition {
  name: string;
  from: number;
  to: number;
}

export async function checkPg(db: PgDatabase): Promise<PgDatabaseCheck> {
  const info = (
    await db.query<{ server: string; user: string; schema: string; checksums: string }>(
      `SELECT current_setting('server_version') AS server, current_user AS user, current_schema() AS schema,
         current_setting('data_checksums') AS checksums`,
    )
  ).rows[0] as { server: string; user: string; schema: string; checksums: string };
  const version = await db.query<{ version: number }>('SELECT version FROM qingqun_schema');
  const schemaVersion = Number(version.rows[0]?.version ?? 0);
  const tables = (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
         AND NOT c.relispartition AND c.relname <> 'qingqun_schema'
       ORDER BY c.relname COLLATE "C"`,
    )
  ).rows.map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${t.replaceAll('"', '""')}"`);
    counts[t] = Number(rows[0]?.n ?? 0);
  }
  // Keys without a message or messages without their key (counts alone could hide one of each).
  const orphans = await db.query<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM message_keys k WHERE NOT EXISTS (SELECT 1 FROM messages m
               WHERE m.time = k.time AND m.row_id = k.row_id AND m.source = k.source AND m.source_id = k.source_id))
          + (SELECT COUNT(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM message_keys k
               WHERE k.source = m.source AND k.source_id = m.source_id AND k.row_id = m.row_id)) AS n`,
  );
  const keysMatchMessages = Number(orphans.rows[0]?.n ?? 0) === 0 && counts.messages === counts.message_keys;
  const partitions = await listWeekPartitions(db);
  return {
    engine: 'postgres',
    ok: schemaVersion === PG_MIGRATIONS.length && keysMatchMessages,
    server: info.server,
    user: info.user,
    schema: info.schema,
    schemaVersion,
    expectedSchemaVersion: PG_MIGRATIONS.length,
    dataChecksums: info.checksums === 'on',
    keysMatchMessages,
    counts,
    partitions: {
      count: partitions.length,
      first: partitions[0] ?? null,
      last: partitions.at(-1) ?? null,
    },
  };
}
