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
];
