import type { Contact } from '../model/contact.js';
import type { GroupInput } from '../model/group.js';
import type { MessageInput } from '../model/message.js';
import {
  defaultStoragePolicy,
  type PersonStatus,
  type PreparedMessage,
  type StoragePolicy,
} from '../privacy/storage-policy.js';
import { type BackgroundCheckpointOptions, BackgroundCheckpoints } from './background-checkpoints.js';
import { type Db, openDatabase } from './open-database.js';

export type InsertOutcome = 'inserted' | 'duplicate' | 'conflict';

export interface StoreOptions {
  /** Read-only connection (the file must exist); see openDatabase. */
  readonly?: boolean;
  /** Refuse to create a database that does not exist (every command that only reads or amends). */
  mustExist?: boolean;
  /**
   * What of each message is written (src/privacy/storage-policy.ts). Default: the shipped defaults'
   * policy (minimal storage); give `createStoragePolicy(config)` to honour the configuration.
   */
  policy?: StoragePolicy;
}

/**
 * The write side of the store: one open database and its prepared statements. Every writer is
 * idempotent: the same message (source, id) stored twice is a no-op ('duplicate'); the same id with
 * different content is refused ('conflict') and the stored row is left as it was. Every message
 * passes the storage policy first: what it drops is never written (docs/PRIVACY.md).
 */
export class Store {
  readonly db: Db;
  readonly policy: StoragePolicy;
  private readonly stmts;
  private readonly checkpoints: BackgroundCheckpoints;

  constructor(
    readonly path: string,
    options: StoreOptions = {},
  ) {
    this.db = openDatabase(path, options);
    this.checkpoints = new BackgroundCheckpoints(this.db);
    this.policy = options.policy ?? defaultStoragePolicy();
    const db = this.db;
    this.stmts = options.readonly
      ? undefined
      : {
          upsertGroup: db.prepare(`
            INSERT INTO groups (id, name, owner_id, unit, created_at, first_seen, last_seen)
            VALUES (@id, @name, @ownerId, @unit, @createdAt, @seenAt, @seenAt)
            ON CONFLICT (id) DO UPDATE SET
              name = excluded.name,
              owner_id = COALESCE(excluded.owner_id, groups.owner_id),
              unit = COALESCE(excluded.unit, groups.unit),
              created_at = COALESCE(groups.created_at, excluded.created_at),
              first_seen = MIN(groups.first_seen, excluded.first_seen),
              last_seen = MAX(groups.last_seen, excluded.last_seen)`),
          touchGroup: db.prepare(
            'UPDATE groups SET first_seen = MIN(first_seen, ?), last_seen = MAX(last_seen, ?) WHERE id = ?',
          ),
          // A forgotten person's name and unit are never written again.
          upsertContact: db.prepare(`
            INSERT INTO contacts (id, name, unit) VALUES (@id, @name, @unit)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = COALESCE(excluded.unit, contacts.unit)
            WHERE contacts.forgotten_at IS NULL`),
          withheldPeople: db.prepare(
            'SELECT id, forgotten_at IS NOT NULL AS forgotten FROM contacts WHERE opted_out_at IS NOT NULL',
          ),
          latestSnapshot: db.prepare(
            'SELECT id, taken_at AS takenAt FROM membership_snapshots WHERE group_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1',
          ),
          snapshotMembers: db
            .prepare('SELECT contact_id AS id FROM snapshot_members WHERE snapshot_id = ?')
            .pluck(),
          confirmSnapshot: db.prepare(
            'UPDATE membership_snapshots SET confirmed_at = MAX(confirmed_at, ?) WHERE id = ?',
          ),
          insertSnapshot: db.prepare(
            'INSERT INTO membership_snapshots (group_id, taken_at, confirmed_at, member_count) VALUES (?, ?, ?, ?)',
          ),
          insertSnapshotMember: db.prepare(
            'INSERT OR IGNORE INTO snapshot_members (snapshot_id, contact_id) VALUES (?, ?)',
          ),
          insertMessage: db.prepare(`
            INSERT INTO messages (source, source_id, group_id, sender_id, time, type, text, text_length,
              mention_all, mention_ids, link_title, link_url, link_description, file_name, file_size, file_hash,
              app_title, app_name, text_class, reply_number, fingerprint,
              quote_message_id, quote_sender_id, quote_sender_name, quote_excerpt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, source_id) DO NOTHING`),
          existingMessage: db.prepare(
            `SELECT group_id AS groupId, sender_id AS senderId, time, type, text, text_length AS textLength,
               fingerprint
             FROM messages WHERE source = ? AND source_id = ?`,
          ),
          insertEvent: db.prepare(
            'INSERT INTO room_events (group_id, time, kind, actor_id, detail) VALUES (?, ?, ?, ?, ?)',
          ),
        };
  }

  private get w() {
    if (!this.stmts) throw new Error(`${this.path}: store opened read-only`);
    return this.stmts;
  }

  /**
   * Runs `fn` in one transaction. Inside an open transaction it simply runs `fn`, joining the outer
   * one (no savepoint): an error then rolls back the whole outer transaction.
   */
  transaction<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  upsertGroup(group: GroupInput): void {
    this.w.upsertGroup.run(group);
  }

  upsertContact(contact: Contact): void {
    this.w.upsertContact.run(contact);
  }

  /**
   * Everyone who opted out or was forgotten, read afresh (another process may have changed it).
   * Cheap: a partial index holds only them.
   */
  private withheldPeople(): (contactId: string) => PersonStatus {
    const rows = this.w.withheldPeople.all() as { id: string; forgotten: number }[];
    if (rows.length === 0) return () => 'recorded';
    const status = new Map<string, PersonStatus>(
      rows.map((r) => [r.id, r.forgotten ? 'forgotten' : 'opted-out']),
    );
    return (id) => status.get(id) ?? 'recorded';
  }

  /**
   * Records who was in a group at `takenAt`. A snapshot identical to the latest one only extends
   * that one's confirmation time, so daily snapshots of unchanged rosters cost nothing.
   */
  recordSnapshot(groupId: string, takenAt: number, memberIds: readonly string[]): 'new' | 'unchanged' {
    const w = this.w;
    return this.transaction(() => {
      const statusOf = this.withheldPeople();
      // A forgotten person is counted in the roster's size but never named in it.
      const all = new Set(memberIds);
      const unique = [...all].filter((id) => statusOf(id) !== 'forgotten').sort();
      const latest = w.latestSnapshot.get(groupId) as { id: number; takenAt: number } | undefined;
      if (latest && latest.takenAt <= takenAt) {
        const previous = (w.snapshotMembers.all(latest.id) as string[]).sort();
        if (previous.length === unique.length && previous.every((id, i) => id === unique[i])) {
          w.confirmSnapshot.run(takenAt, latest.id);
          return 'unchanged';
        }
      }
      const id = w.insertSnapshot.run(groupId, takenAt, takenAt, all.size).lastInsertRowid;
      for (const member of unique) w.insertSnapshotMember.run(id, member);
      return 'new';
    });
  }

  insertMessage(m: MessageInput): InsertOutcome {
    return this.insertMessages([m])[0] as InsertOutcome;
  }

  /**
   * Inserts messages in one transaction and returns each one's outcome, in order. The groups'
   * first/last-seen span is widened once per group, not once per message.
   */
  insertMessages(messages: readonly MessageInput[]): InsertOutcome[] {
    const w = this.w;
    return this.transaction(() => {
      const statusOf = this.withheldPeople();
      const span = new Map<string, [number, number]>();
      const outcomes = messages.map((input) => {
        // The policy separates a quote reply first: the length is the reply's.
        const m = this.policy.prepare(input, statusOf);
        const textLength = m.textLength;
        const info = w.insertMessage.run(
          m.source,
          m.id,
          m.groupId,
          m.senderId,
          m.time,
          m.type,
          m.text,
          textLength,
          m.mentionAll ? 1 : 0,
          m.mentionIds.length > 0 ? JSON.stringify(m.mentionIds) : null,
          m.link?.title ?? null,
          m.link?.url ?? null,
          m.link?.description ?? null,
          m.file?.name ?? null,
          m.file?.size ?? null,
          m.file?.sha256 ?? null,
          m.miniprogram?.title ?? null,
          m.miniprogram?.appName ?? null,
          m.textClass,
          m.replyNumber,
          m.fingerprint,
          m.quote?.messageId ?? null,
          m.quote?.senderId ?? null,
          m.quote?.senderName ?? null,
          m.quote?.excerpt ?? null,
        );
        if (info.changes === 1) {
          const s = span.get(m.groupId);
          if (s) {
            s[0] = Math.min(s[0], m.time);
            s[1] = Math.max(s[1], m.time);
          } else span.set(m.groupId, [m.time, m.time]);
          return 'inserted';
        }
        return this.compareExisting(m, textLength);
      });
      for (const [id, [first, last]] of span) w.touchGroup.run(first, last, id);
      return outcomes;
    });
  }

  /**
   * A second copy of a stored message is a duplicate only if nothing that identifies it differs.
   * What policy, retention or forgetting removed (text, fingerprint, sender) is compared only while
   * both sides have it.
   */
  private compareExisting(m: PreparedMessage, textLength: number): InsertOutcome {
    const existing = this.w.existingMessage.get(m.source, m.id) as
      | {
          groupId: string;
          senderId: string | null;
          time: number;
          type: string;
          text: string | null;
          textLength: number;
          fingerprint: string | null;
        }
      | undefined;
    const same =
      existing !== undefined &&
      existing.groupId === m.groupId &&
      (existing.senderId === null || m.senderId === null || existing.senderId === m.senderId) &&
      existing.time === m.time &&
      existing.type === m.type &&
      existing.textLength === textLength &&
      (existing.text === null || m.text === null || existing.text === m.text) &&
      (existing.fingerprint === null || m.fingerprint === null || existing.fingerprint === m.fingerprint);
    return same ? 'duplicate' : 'conflict';
  }

  recordEvent(event: {
    groupId: string;
    time: number;
    kind: 'join' | 'leave' | 'topic';
    actorId: string | null;
    detail: string | null;
  }): void {
    // A forgotten person's events are kept as anonymous counts.
    const forgotten = event.actorId !== null && this.withheldPeople()(event.actorId) === 'forgotten';
    this.w.insertEvent.run(
      event.groupId,
      event.time,
      event.kind,
      forgotten ? null : event.actorId,
      forgotten ? null : event.detail,
    );
  }

  /** Runs WAL checkpoints on a timer instead of on commits (BackgroundCheckpoints); until stopped or close(). */
  checkpointInBackground(options: BackgroundCheckpointOptions = {}): () => void {
    this.checkpoints.start(options);
    return () => this.checkpoints.stop();
  }

  close(): void {
    this.checkpoints.stop();
    if (this.db.open) this.db.close();
  }
}
