/**
 * The central PostgreSQL tables that only shipping needs (issue 18, item 2): where each spool's
 * shipping has got to, which account records each group, and the digests queued centrally for a
 * host to pull. They sit beside the recorded tables of the PostgreSQL store (groups, contacts,
 * membership_snapshots, snapshot_members, messages, room_events), which the store's own migrations
 * create; shipping writes into those with the same column names as SQLite's.
 *
 * Idempotent DDL (`IF NOT EXISTS`): every shipper runs it at connect, so a fresh central database
 * needs no separate step.
 */
import type pg from 'pg';

export const SHIP_TABLES_DDL = `
  -- How far each spool's rows are shipped: the greatest local row id of the table already in the
  -- central store. Advanced in the same transaction as the batch it covers (docs/SCALING.md,
  -- "Shipping from bot hosts").
  CREATE TABLE IF NOT EXISTS ship_cursors (
    spool         TEXT NOT NULL,
    source_table  TEXT NOT NULL,
    last_id       BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (spool, source_table)
  );
  -- The one account whose spool is authoritative for a group's rosters and room events: the first
  -- to ship the group claims it.
  CREATE TABLE IF NOT EXISTS group_assignments (
    group_id    TEXT PRIMARY KEY,
    account     TEXT NOT NULL,
    claimed_at  BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS group_assignments_account ON group_assignments(account);
  -- Messages decided centrally (digests, audits) waiting for the host of \`account\` to pull them
  -- into its local outbox, which sends them under the usual guarantees.
  CREATE TABLE IF NOT EXISTS central_outbox (
    id            BIGSERIAL PRIMARY KEY,
    dedupe_key    TEXT NOT NULL UNIQUE,
    account       TEXT NOT NULL,
    channel       TEXT NOT NULL DEFAULT 'wechat',
    recipient_id  TEXT NOT NULL,
    payload       TEXT NOT NULL,
    if_uncertain  TEXT NOT NULL DEFAULT 'report' CHECK (if_uncertain IN ('report', 'resend')),
    not_before    BIGINT,
    created_at    BIGINT NOT NULL,
    pulled_at     BIGINT,
    pulled_by     TEXT
  );
  CREATE INDEX IF NOT EXISTS central_outbox_waiting ON central_outbox(account, id) WHERE pulled_at IS NULL;
`;

/**
 * Stand-in for the recorded tables until the PostgreSQL store's migrations are merged (they create
 * the real ones; these mirror SQLite's migrations 1, 5, 7 and 8 column for column). Only created
 * where absent.
 */
export const RECORDED_TABLES_STAND_IN_DDL = `
  CREATE TABLE IF NOT EXISTS groups (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, owner_id TEXT, unit TEXT, created_at BIGINT,
    first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS contacts (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT, opted_out_at BIGINT, forgotten_at BIGINT,
    email TEXT, wecom_user_id TEXT
  );
  CREATE TABLE IF NOT EXISTS membership_snapshots (
    id BIGSERIAL PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    taken_at BIGINT NOT NULL, confirmed_at BIGINT NOT NULL, member_count INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS membership_snapshots_group_time ON membership_snapshots(group_id, taken_at);
  CREATE TABLE IF NOT EXISTS snapshot_members (
    snapshot_id BIGINT NOT NULL REFERENCES membership_snapshots(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, contact_id)
  );
  CREATE INDEX IF NOT EXISTS snapshot_members_contact ON snapshot_members(contact_id);
  CREATE TABLE IF NOT EXISTS messages (
    row_id BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE, sender_id TEXT, time BIGINT NOT NULL,
    type TEXT NOT NULL, text TEXT, text_length INTEGER NOT NULL, mention_all INTEGER NOT NULL,
    mention_ids TEXT, link_title TEXT, link_url TEXT, link_description TEXT, file_name TEXT,
    file_size BIGINT, file_hash TEXT, app_title TEXT, app_name TEXT, text_class TEXT,
    reply_number INTEGER, fingerprint TEXT, quote_message_id TEXT, quote_sender_id TEXT,
    quote_sender_name TEXT, quote_excerpt TEXT,
    UNIQUE (source, source_id)
  );
  CREATE INDEX IF NOT EXISTS messages_group_time ON messages(group_id, time);
  CREATE TABLE IF NOT EXISTS room_events (
    id BIGSERIAL PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    time BIGINT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('join', 'leave', 'topic')),
    actor_id TEXT, detail TEXT
  );
  CREATE INDEX IF NOT EXISTS room_events_group_time ON room_events(group_id, time);
`;

/** Creates what shipping needs in the central database, where missing. Serialised between shippers. */
export async function ensureCentralTables(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    // Two hosts starting at once would race on CREATE … IF NOT EXISTS (a unique violation on the
    // catalogue); one transaction-scoped lock makes the second wait.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('qingqun:central-tables'))");
    await client.query(RECORDED_TABLES_STAND_IN_DDL);
    await client.query(SHIP_TABLES_DDL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
