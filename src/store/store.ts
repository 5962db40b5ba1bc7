import type { Contact } from '../model/contact.js';
import type { GroupInput } from '../model/group.js';
import type { MessageInput } from '../model/message.js';
import { type Db, openDatabase } from './open-database.js';

export type InsertOutcome = 'inserted' | 'duplicate' | 'conflict';

/**
 * The write side of the store: one open database and its prepared statements. Every writer is
 * idempotent: the same message (source, id) stored twice is a no-op ('duplicate'); the same id with
 * different content is refused ('conflict') and the stored row is left as it was.
 */
export class Store {
  readonly db: Db;
  private readonly stmts;

  constructor(
    readonly path: string,
    options: { readonly?: boolean } = {},
  ) {
    this.db = openDatabase(path, options);
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
            'UPDATE groups SET first_seen = MIN(first_seen, @time), last_seen = MAX(last_seen, @time) WHERE id = @id',
          ),
          upsertContact: db.prepare(`
            INSERT INTO contacts (id, name, unit) VALUES (@id, @name, @unit)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = COALESCE(excluded.unit, contacts.unit)`),
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
              app_title, app_name)
            VALUES (@source, @id, @groupId, @senderId, @time, @type, @text, @textLength, @mentionAll, @mentionIds,
              @linkTitle, @linkUrl, @linkDescription, @fileName, @fileSize, @fileHash, @appTitle, @appName)
            ON CONFLICT (source, source_id) DO NOTHING`),
          existingMessage: db.prepare(
            `SELECT group_id AS groupId, sender_id AS senderId, time, type, text_length AS textLength
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

  /** Runs `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  upsertGroup(group: GroupInput): void {
    this.w.upsertGroup.run(group);
  }

  upsertContact(contact: Contact): void {
    this.w.upsertContact.run(contact);
  }

  /**
   * Records who was in a group at `takenAt`. A snapshot identical to the latest one only extends
   * that one's confirmation time, so daily snapshots of unchanged rosters cost nothing.
   */
  recordSnapshot(groupId: string, takenAt: number, memberIds: readonly string[]): 'new' | 'unchanged' {
    const w = this.w;
    return this.transaction(() => {
      const unique = [...new Set(memberIds)].sort();
      const latest = w.latestSnapshot.get(groupId) as { id: number; takenAt: number } | undefined;
      if (latest && latest.takenAt <= takenAt) {
        const previous = (w.snapshotMembers.all(latest.id) as string[]).sort();
        if (previous.length === unique.length && previous.every((id, i) => id === unique[i])) {
          w.confirmSnapshot.run(takenAt, latest.id);
          return 'unchanged';
        }
      }
      const id = w.insertSnapshot.run(groupId, takenAt, takenAt, unique.length).lastInsertRowid;
      for (const member of unique) w.insertSnapshotMember.run(id, member);
      return 'new';
    });
  }

  insertMessage(m: MessageInput): InsertOutcome {
    const w = this.w;
    const textLength = m.text === null ? 0 : [...m.text].length;
    const info = w.insertMessage.run({
      source: m.source,
      id: m.id,
      groupId: m.groupId,
      senderId: m.senderId,
      time: m.time,
      type: m.type,
      text: m.text,
      textLength,
      mentionAll: m.mentionAll ? 1 : 0,
      mentionIds: m.mentionIds.length > 0 ? JSON.stringify(m.mentionIds) : null,
      linkTitle: m.link?.title ?? null,
      linkUrl: m.link?.url ?? null,
      linkDescription: m.link?.description ?? null,
      fileName: m.file?.name ?? null,
      fileSize: m.file?.size ?? null,
      fileHash: m.file?.sha256 ?? null,
      appTitle: m.miniprogram?.title ?? null,
      appName: m.miniprogram?.appName ?? null,
    });
    if (info.changes === 1) {
      w.touchGroup.run({ id: m.groupId, time: m.time });
      return 'inserted';
    }
    const existing = w.existingMessage.get(m.source, m.id) as
      | { groupId: string; senderId: string | null; time: number; type: string; textLength: number }
      | undefined;
    const same =
      existing !== undefined &&
      existing.groupId === m.groupId &&
      existing.senderId === m.senderId &&
      existing.time === m.time &&
      existing.type === m.type &&
      existing.textLength === textLength;
    return same ? 'duplicate' : 'conflict';
  }

  recordEvent(event: {
    groupId: string;
    time: number;
    kind: 'join' | 'leave' | 'topic';
    actorId: string | null;
    detail: string | null;
  }): void {
    this.w.insertEvent.run(event.groupId, event.time, event.kind, event.actorId, event.detail);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
