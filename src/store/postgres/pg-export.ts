import Cursor from 'pg-cursor';
import type { Group } from '../../model/group.js';
import type { StoredMessage } from '../../model/message.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from '../message-row.js';
import type { PgDatabase } from './pg-database.js';

/** Rows fetched per round trip while a group's messages stream. */
const CURSOR_ROWS = 5_000;

/**
 * What `qingqun export` reads, on PostgreSQL: the SQLite reads it uses (contacts.names, groups.ids,
 * groups.find, snapshots.membersAt at the end of time, messages.ofGroup), with the same orders. A
 * group's messages stream through a cursor, so a group of any size costs little memory; the cursor
 * holds the connection, so nothing else is asked of it while one group streams.
 */
export class PgExportReads {
  constructor(private readonly db: PgDatabase) {}

  async contactNames(): Promise<Map<string, string>> {
    const { rows } = await this.db.query<{ id: string; name: string }>('SELECT id, name FROM contacts');
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async groupIds(): Promise<string[]> {
    return (await this.db.query<{ id: string }>('SELECT id FROM groups ORDER BY id')).rows.map((r) => r.id);
  }

  async findGroup(id: string): Promise<Group | undefined> {
    const { rows } = await this.db.query<Group>(
      `SELECT id, name, owner_id AS "ownerId", unit, created_at AS "createdAt", first_seen AS "firstSeen",
              last_seen AS "lastSeen"
       FROM groups WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The group's latest roster, sorted (byte order), or undefined without a snapshot. */
  async latestMembers(groupId: string): Promise<string[] | undefined> {
    const { rows } = await this.db.query<{ contactId: string | null }>(
      `SELECT m.contact_id AS "contactId"
       FROM (SELECT id FROM membership_snapshots WHERE group_id = $1
             ORDER BY taken_at DESC, id DESC LIMIT 1) s
       LEFT JOIN snapshot_members m ON m.snapshot_id = s.id`,
      [groupId],
    );
    if (rows.length === 0) return undefined;
    return rows
      .map((r) => r.contactId)
      .filter((id): id is string => id !== null)
      .sort();
  }

  /** The group's messages by time then row id (messages.ofGroup), read through a cursor. */
  async *messagesOfGroup(groupId: string): AsyncGenerator<StoredMessage> {
    const cursor = this.db.client.query(
      new Cursor(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE group_id = $1 ORDER BY time, row_id`, [
        groupId,
      ]),
    );
    try {
      for (;;) {
        const rows = (await cursor.read(CURSOR_ROWS)) as MessageRow[];
        if (rows.length === 0) break;
        for (const row of rows) yield toStoredMessage(row);
      }
    } finally {
      await cursor.close();
    }
  }
}
