/**
 * The PostgreSQL schema: the same migrations as src/store/migrations.ts, numbered alike (entry N here
 * means what entry N there means; test/store/postgres/pg-schema.test.ts checks the lengths agree),
 * written for PostgreSQL. Never edit one that has shipped: add a new one to both lists.
 * `qingqun_schema.version` records how many have been applied (SQLite's `PRAGMA user_version`).
 *
 * Differences of form, not of meaning (docs/SCALING.md, "PostgreSQL store"):
 * - times are `bigint` (UTC epoch ms, like SQLite's INTEGER); every text column that is sorted or
 *   compared is `COLLATE "C"`, so ORDER BY gives SQLite's byte order (BINARY), not the locale's;
 * - `messages` is range-partitioned by `time`, one partition per UTC week (created on demand by the
 *   importer, src/store/postgres/pg-partitions.ts). A partitioned table's unique keys must contain the
 *   partition key, so `(source, source_id)` is made unique by the small `message_keys` table, which
 *   every insert goes through first;
 * - `row_id` comes from a sequence (SQLite's INTEGER PRIMARY KEY): `(time, row_id)` is the order of
 *   every week read, as in SQLite.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: groups, contacts, membership snapshots, messages, room events.
  `
  CREATE TABLE groups (
    id          TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT NOT NULL,
    owner_id    TEXT COLLATE "C",
    unit        TEXT,
    created_at  BIGINT,
    first_seen  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL
  );
  CREATE TABLE contacts (
    id    TEXT COLLATE "C" PRIMARY KEY,
    name  TEXT NOT NULL,
    unit  TEXT
  );
  CREATE TABLE membership_snapshots (
    id            BIGSERIAL PRIMARY KEY,
    group_id      TEXT COLLATE "C" NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    taken_at      BIGINT NOT NULL,
    confirmed_at  BIGINT NOT NULL,
    member_count  INTEGER NOT NULL
  );
  CREATE INDEX membership_snapshots_group_time ON membership_snapshots(group_id, taken_at);
  CREATE TABLE snapshot_members (
    snapshot_id  BIGINT NOT NULL REFERENCES membership_snapshots(id) ON DELETE CASCADE,
    contact_id   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (snapshot_id, contact_id)
  );
  CREATE SEQUENCE messages_row_id;
  CREATE TABLE message_keys (
    source     TEXT COLLATE "C" NOT NULL,
    source_id  TEXT COLLATE "C" NOT NULL,
    time       BIGINT NOT NULL,
    row_id     BIGINT NOT NULL,
    PRIMARY KEY (source, source_id)
  );
  CREATE TABLE messages (
    row_id            BIGINT NOT NULL,
    source            TEXT COLLATE "C" NOT NULL,
    source_id         TEXT COLLATE "C" NOT NULL,
    group_id          TEXT COLLATE "C" NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    sender_id         TEXT COLLATE "C",
    time              BIGINT NOT NULL,
    type              TEXT COLLATE "C" NOT NULL,
    text              TEXT,
    text_length       BIGINT NOT NULL,
    mention_all       INTEGER NOT NULL,
    mention_ids       TEXT,
    link_title        TEXT,
    link_url          TEXT,
    link_description  TEXT,
    file_name         TEXT,
    file_size         BIGINT,
    file_hash         TEXT,
    app_title         TEXT,
    app_name          TEXT,
    PRIMARY KEY (time, row_id)
  ) PARTITION BY RANGE (time);
  CREATE INDEX messages_group_time ON messages(group_id, time);
  CREATE INDEX messages_source_id ON messages(source, source_id);
  CREATE TABLE room_events (
    id        BIGSERIAL PRIMARY KEY,
    group_id  TEXT COLLATE "C" NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    time      BIGINT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('join', 'leave', 'topic')),
    actor_id  TEXT COLLATE "C",
    detail    TEXT
  );
  CREATE INDEX room_events_group_time ON room_events(group_id, time);
  `,
  // 2 (deliver): the outbox and the record of scheduled job periods.
  `
  CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    dedupe_key       TEXT COLLATE "C" NOT NULL UNIQUE,
    recipient_id     TEXT COLLATE "C" NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('text', 'image')),
    payload          TEXT,
    state            TEXT NOT NULL
                       CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'undeliverable', 'unconfirmed')),
    if_uncertain     TEXT NOT NULL CHECK (if_uncertain IN ('report', 'resend')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    sent_at          BIGINT
  );
  CREATE INDEX outbox_state_due ON outbox(state, next_attempt_at);
  CREATE INDEX outbox_recipient_state ON outbox(recipient_id, state);
  CREATE TABLE job_schedules (
    job                 TEXT COLLATE "C" PRIMARY KEY,
    first_scheduled_at  BIGINT NOT NULL
  );
  CREATE TABLE job_runs (
    period_key    TEXT COLLATE "C" PRIMARY KEY,
    job           TEXT COLLATE "C" NOT NULL,
    scheduled_at  BIGINT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    attempts      INTEGER NOT NULL,
    started_at    BIGINT NOT NULL,
    finished_at   BIGINT,
    last_error    TEXT
  );
  CREATE INDEX job_runs_job_time ON job_runs(job, scheduled_at);
  `,
  // 3 (recommend): recommendation statuses and the numbered recommendations each digest carried.
  `
  CREATE TABLE recommendation_status (
    id          TEXT COLLATE "C" PRIMARY KEY,
    owner_id    TEXT COLLATE "C",
    kind        TEXT NOT NULL,
    group_ids   TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'dismissed')),
    week        TEXT COLLATE "C" NOT NULL,
    magnitude   DOUBLE PRECISION NOT NULL,
    figures     TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
  );
  CREATE TABLE issued_recommendations (
    owner_id           TEXT COLLATE "C" NOT NULL,
    week               TEXT COLLATE "C" NOT NULL,
    number             INTEGER NOT NULL,
    recommendation_id  TEXT COLLATE "C" NOT NULL,
    kind               TEXT NOT NULL,
    group_ids          TEXT NOT NULL,
    magnitude          DOUBLE PRECISION NOT NULL,
    figures            TEXT NOT NULL,
    issued_at          BIGINT NOT NULL,
    PRIMARY KEY (owner_id, week, number)
  );
  `,
  // 4 (converse): cadres' muted groups, daily-digest subscriptions, numbered group listings.
  `
  CREATE TABLE cadre_muted_groups (
    contact_id  TEXT COLLATE "C" NOT NULL,
    group_id    TEXT COLLATE "C" NOT NULL,
    muted_at    BIGINT NOT NULL,
    PRIMARY KEY (contact_id, group_id)
  );
  CREATE TABLE cadre_subscriptions (
    contact_id       TEXT COLLATE "C" PRIMARY KEY,
    subscribed_at    BIGINT NOT NULL,
    last_sent_until  BIGINT
  );
  CREATE TABLE cadre_group_listings (
    contact_id  TEXT COLLATE "C" PRIMARY KEY,
    group_ids   TEXT NOT NULL,
    listed_at   BIGINT NOT NULL
  );
  CREATE INDEX snapshot_members_contact ON snapshot_members(contact_id);
  `,
  // 5 (privacy): what is kept in place of a message's text; who opted out or was forgotten.
  `
  ALTER TABLE messages ADD COLUMN text_class TEXT COLLATE "C";
  ALTER TABLE messages ADD COLUMN reply_number BIGINT;
  ALTER TABLE messages ADD COLUMN fingerprint TEXT;
  ALTER TABLE contacts ADD COLUMN opted_out_at BIGINT;
  ALTER TABLE contacts ADD COLUMN forgotten_at BIGINT;
  CREATE INDEX contacts_opted_out ON contacts(opted_out_at) WHERE opted_out_at IS NOT NULL;
  CREATE INDEX messages_sender ON messages(sender_id);
  CREATE INDEX messages_text_time ON messages(time) WHERE text IS NOT NULL;
  `,
  // 6 (converse, 13.4): every digest given to an owner.
  `
  CREATE TABLE digest_issues (
    owner_id   TEXT COLLATE "C" NOT NULL,
    week       TEXT COLLATE "C" NOT NULL,
    issued_at  BIGINT NOT NULL,
    PRIMARY KEY (owner_id, week)
  );
  INSERT INTO digest_issues (owner_id, week, issued_at)
    SELECT owner_id, week, MAX(issued_at) FROM issued_recommendations GROUP BY owner_id, week;
  `,
  // 7 (text: quote replies, issue 12): what a quote reply says about the message it quotes.
  `
  ALTER TABLE messages ADD COLUMN quote_message_id TEXT;
  ALTER TABLE messages ADD COLUMN quote_sender_id TEXT;
  ALTER TABLE messages ADD COLUMN quote_sender_name TEXT;
  ALTER TABLE messages ADD COLUMN quote_excerpt TEXT;
  `,
  // 8 (deliver channels, unattended mode): contact addresses, each outbox row's channel, ingest
  // cursors and a watched folder's imported files.
  `
  ALTER TABLE contacts ADD COLUMN email TEXT;
  ALTER TABLE contacts ADD COLUMN wecom_user_id TEXT COLLATE "C";
  CREATE INDEX contacts_wecom_user ON contacts(wecom_user_id) WHERE wecom_user_id IS NOT NULL;
  ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'wechat';
  CREATE TABLE ingest_cursors (
    source      TEXT COLLATE "C" PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
  );
  CREATE TABLE watched_files (
    path         TEXT COLLATE "C" PRIMARY KEY,
    size         BIGINT NOT NULL,
    mtime        BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    imported_at  BIGINT NOT NULL,
    report       TEXT NOT NULL
  );
  `,
];

/**
 * PostgreSQL-only indexes: what SQLite has by construction and PostgreSQL needs spelled out. They are
 * not numbered migrations (PG_MIGRATIONS matches SQLite's list entry for entry, and SQLite has no
 * counterpart): like the central tables (central-tables.ts) each is created where missing, by every
 * open, inside the migration transaction and under its lock, after the numbered migrations. Looked up
 * by name first, so a store that has them takes no lock on the table.
 */
export const PG_ONLY_INDEXES: readonly { name: string; ddl: string }[] = [
  {
    // The messages stored after a row id (the dashboard's earliestTimeAfter, after each import):
    // SQLite's row_id is the table's rowid; the partitions here are keyed by time, so without this
    // every week partition is scanned. Row ids only grow: new keys append at the index's right edge.
    name: 'message_keys_row_id',
    ddl: 'CREATE INDEX message_keys_row_id ON message_keys (row_id)',
  },
];
