/**
 * The central PostgreSQL tables that only shipping needs (issue 18, item 2): where each spool's
 * shipping has got to, which account records each group, and the digests queued centrally for a
 * host to pull. They sit beside the recorded tables of the PostgreSQL store (groups, contacts,
 * membership_snapshots, snapshot_members, message_keys, messages, room_events), which the store's
 * own migrations create (src/store/postgres/pg-migrations.ts); shipping writes into those.
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
  -- into its local outbox (WeChat), or, with no account, for the central sender (email, WeCom);
  -- either sends them under the usual guarantees.
  CREATE TABLE IF NOT EXISTS central_outbox (
    id            BIGSERIAL PRIMARY KEY,
    dedupe_key    TEXT NOT NULL UNIQUE,
    account       TEXT,
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
  -- Members forgotten centrally (by \`forget\` on the central store, or shipped forgotten from a host),
  -- for every host to erase them from its spool (ship-sync.ts): the bare id, no name. Created with
  -- the members forgotten before it existed, so a host learns of those too.
  DO $$ BEGIN
    IF to_regclass('forgotten_members') IS NULL THEN
      CREATE TABLE forgotten_members (
        seq           BIGSERIAL PRIMARY KEY,
        contact_id    TEXT NOT NULL UNIQUE,
        forgotten_at  BIGINT NOT NULL
      );
      INSERT INTO forgotten_members (contact_id, forgotten_at)
        SELECT id, forgotten_at FROM contacts WHERE forgotten_at IS NOT NULL ORDER BY forgotten_at, id;
    END IF;
  END $$;
  -- Non-WeChat items (email, WeCom) need no host: queued with no account, sent by \`qingqun send
  -- --drain\` on the central store (central-outbox.ts). Tables created before that had the column
  -- NOT NULL. Altered only when still so: every shipper runs this at connect, and an ALTER would
  -- take the table's exclusive lock each time.
  DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'central_outbox'::regclass
               AND attname = 'account' AND attnotnull) THEN
      ALTER TABLE central_outbox ALTER COLUMN account DROP NOT NULL;
    END IF;
  END $$;
`;

/** Creates what shipping needs in the central database, where missing. Serialised between shippers. */
export async function ensureCentralTables(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    // Two hosts starting at once would race on CREATE … IF NOT EXISTS (a unique violation on the
    // catalogue); one transaction-scoped lock makes the second wait.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('qingqun:central-tables'))");
    await client.query(SHIP_TABLES_DDL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
