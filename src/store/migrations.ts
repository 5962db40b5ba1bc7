/**
 * Versioned schema migrations, applied in order at open (see openStore). Never edit a migration
 * that has shipped: add a new one. `PRAGMA user_version` records how many have been applied.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: groups, contacts, membership snapshots, messages, room events.
  `
  CREATE TABLE groups (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    owner_id    TEXT,
    unit        TEXT,
    created_at  INTEGER,
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL
  );
  CREATE TABLE contacts (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    unit  TEXT
  );
  CREATE TABLE membership_snapshots (
    id            INTEGER PRIMARY KEY,
    group_id      TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    taken_at      INTEGER NOT NULL,
    confirmed_at  INTEGER NOT NULL,
    member_count  INTEGER NOT NULL
  );
  CREATE INDEX membership_snapshots_group_time ON membership_snapshots(group_id, taken_at);
  CREATE TABLE snapshot_members (
    snapshot_id  INTEGER NOT NULL REFERENCES membership_snapshots(id) ON DELETE CASCADE,
    contact_id   TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, contact_id)
  ) WITHOUT ROWID;
  CREATE TABLE messages (
    row_id            INTEGER PRIMARY KEY,
    source            TEXT NOT NULL,
    source_id         TEXT NOT NULL,
    group_id          TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    sender_id         TEXT,
    time              INTEGER NOT NULL,
    type              TEXT NOT NULL,
    text              TEXT,
    text_length       INTEGER NOT NULL,
    mention_all       INTEGER NOT NULL,
    mention_ids       TEXT,
    link_title        TEXT,
    link_url          TEXT,
    link_description  TEXT,
    file_name         TEXT,
    file_size         INTEGER,
    file_hash         TEXT,
    app_title         TEXT,
    app_name          TEXT,
    UNIQUE (source, source_id)
  );
  CREATE INDEX messages_time ON messages(time);
  CREATE INDEX messages_group_time ON messages(group_id, time);
  CREATE TABLE room_events (
    id        INTEGER PRIMARY KEY,
    group_id  TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    time      INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('join', 'leave', 'topic')),
    actor_id  TEXT,
    detail    TEXT
  );
  CREATE INDEX room_events_group_time ON room_events(group_id, time);
  `,
  // 2 (deliver): the outbox every outgoing private message goes through, and the record of which
  // scheduled job periods have run (docs/RELIABILITY.md, "Send queue").
  `
  CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    dedupe_key       TEXT NOT NULL UNIQUE,
    recipient_id     TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('text', 'image')),
    payload          TEXT,
    state            TEXT NOT NULL
                       CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'undeliverable', 'unconfirmed')),
    if_uncertain     TEXT NOT NULL CHECK (if_uncertain IN ('report', 'resend')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    sent_at          INTEGER
  );
  CREATE INDEX outbox_state_due ON outbox(state, next_attempt_at);
  CREATE INDEX outbox_recipient_state ON outbox(recipient_id, state);
  CREATE TABLE job_schedules (
    job                 TEXT PRIMARY KEY,
    first_scheduled_at  INTEGER NOT NULL
  );
  CREATE TABLE job_runs (
    period_key    TEXT PRIMARY KEY,
    job           TEXT NOT NULL,
    scheduled_at  INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    attempts      INTEGER NOT NULL,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    last_error    TEXT
  );
  CREATE INDEX job_runs_job_time ON job_runs(job, scheduled_at);
  `,
  // (recommend): what owners said about recommendations (status per id, with the week and the
  // magnitude it was said about), and the numbered recommendations each owner's digest carried, so
  // that a reply "采纳 N" resolves to an id (src/store/recommendations.ts).
  `
  CREATE TABLE recommendation_status (
    id          TEXT PRIMARY KEY,
    owner_id    TEXT,
    kind        TEXT NOT NULL,
    group_ids   TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'dismissed')),
    week        TEXT NOT NULL,
    magnitude   REAL NOT NULL,
    figures     TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE TABLE issued_recommendations (
    owner_id           TEXT NOT NULL,
    week               TEXT NOT NULL,
    number             INTEGER NOT NULL,
    recommendation_id  TEXT NOT NULL,
    kind               TEXT NOT NULL,
    group_ids          TEXT NOT NULL,
    magnitude          REAL NOT NULL,
    figures            TEXT NOT NULL,
    issued_at          INTEGER NOT NULL,
    PRIMARY KEY (owner_id, week, number)
  ) WITHOUT ROWID;
  `,
  // (converse): what cadres told the bot in private chat (src/store/preferences.ts): the
  // groups they muted, their daily-digest subscription and how far it was sent, and the numbered
  // group list last shown to them ("静音 N" refers to it). Looking a cadre's groups up by contact
  // needs the index on snapshot_members.
  `
  CREATE TABLE cadre_muted_groups (
    contact_id  TEXT NOT NULL,
    group_id    TEXT NOT NULL,
    muted_at    INTEGER NOT NULL,
    PRIMARY KEY (contact_id, group_id)
  ) WITHOUT ROWID;
  CREATE TABLE cadre_subscriptions (
    contact_id       TEXT PRIMARY KEY,
    subscribed_at    INTEGER NOT NULL,
    last_sent_until  INTEGER
  );
  CREATE TABLE cadre_group_listings (
    contact_id  TEXT PRIMARY KEY,
    group_ids   TEXT NOT NULL,
    listed_at   INTEGER NOT NULL
  );
  CREATE INDEX snapshot_members_contact ON snapshot_members(contact_id);
  `,
  // (privacy) minimal storage, opt-out and forget (docs/PRIVACY.md): what is kept of a message in
  // place of its text (class, number-off number, fingerprint); who opted out or asked to be forgotten.
  // Retention finds texts still stored through a partial index; forget and 我的数据 find a sender's
  // messages through the sender index.
  `
  ALTER TABLE messages ADD COLUMN text_class TEXT;
  ALTER TABLE messages ADD COLUMN reply_number INTEGER;
  ALTER TABLE messages ADD COLUMN fingerprint TEXT;
  ALTER TABLE contacts ADD COLUMN opted_out_at INTEGER;
  ALTER TABLE contacts ADD COLUMN forgotten_at INTEGER;
  CREATE INDEX contacts_opted_out ON contacts(opted_out_at) WHERE opted_out_at IS NOT NULL;
  CREATE INDEX messages_sender ON messages(sender_id);
  CREATE INDEX messages_text_time ON messages(time) WHERE text IS NOT NULL;
  `,
  // (converse, 13.4) every digest given to an owner, with or without recommendations, and when: "采纳 N"
  // resolves against the digest most recently given to that owner (src/store/recommendations.ts),
  // not the one of the greatest week. Filled from the numbering already stored.
  `
  CREATE TABLE digest_issues (
    owner_id   TEXT NOT NULL,
    week       TEXT NOT NULL,
    issued_at  INTEGER NOT NULL,
    PRIMARY KEY (owner_id, week)
  ) WITHOUT ROWID;
  INSERT INTO digest_issues (owner_id, week, issued_at)
    SELECT owner_id, week, MAX(issued_at) FROM issued_recommendations GROUP BY owner_id, week;
  `,
  // (text: quote replies, issue 12) what a quote reply (引用回复) says about the message it quotes
  // (src/model/message.ts QuoteInfo). The excerpt follows the storage policy like text: kept only with
  // the reply's text, cleared by retention and by forget (docs/PRIVACY.md).
  `
  ALTER TABLE messages ADD COLUMN quote_message_id TEXT;
  ALTER TABLE messages ADD COLUMN quote_sender_id TEXT;
  ALTER TABLE messages ADD COLUMN quote_sender_name TEXT;
  ALTER TABLE messages ADD COLUMN quote_excerpt TEXT;
  `,
  // (deliver channels, unattended mode) contacts' addresses on other channels than WeChat; each
  // outbox row's channel (existing rows are WeChat; a mail row's kind is 'text': the CHECK on kind
  // predates mail and a table rebuild would fight other areas' migrations); cursors of incremental
  // sources (chatlog's HTTP API) and the files of a watched folder already imported, with their reports.
  `
  ALTER TABLE contacts ADD COLUMN email TEXT;
  ALTER TABLE contacts ADD COLUMN wecom_user_id TEXT;
  CREATE INDEX contacts_wecom_user ON contacts(wecom_user_id) WHERE wecom_user_id IS NOT NULL;
  ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'wechat';
  CREATE TABLE ingest_cursors (
    source      TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE TABLE watched_files (
    path         TEXT PRIMARY KEY,
    size         INTEGER NOT NULL,
    mtime        INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    imported_at  INTEGER NOT NULL,
    report       TEXT NOT NULL
  );
  `,
];
