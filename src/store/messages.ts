import type { MessageInput, StoredMessage } from '../model/message.js';
import type { RequestText } from '../model/week-data.js';
import type { PreparedMessage } from '../privacy/storage-policy.js';
import type { Contacts } from './contacts.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from './message-row.js';
import { EARLIEST_MESSAGE_TIME } from './plausible-time.js';
import { readWeekMessages } from './read-week-messages.js';
import type { StoreCore } from './store-core.js';

export type InsertOutcome = 'inserted' | 'duplicate' | 'conflict';

export interface MessageSpan {
  /** UTC epoch ms of the earliest and latest stored message, or null when none is stored. */
  first: number | null;
  last: number | null;
}

export interface MessageTimes {
  groupIds: string[];
  times: Float64Array;
  mentionAll: Uint8Array;
}

const INSERT = `
            INSERT INTO messages (source, source_id, group_id, sender_id, time, type, text, text_length,
              mention_all, mention_ids, link_title, link_url, link_description, file_name, file_size, file_hash,
              app_title, app_name, text_class, reply_number, fingerprint,
              quote_message_id, quote_sender_id, quote_sender_name, quote_excerpt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, source_id) DO NOTHING`;
const EXISTING = `SELECT group_id AS groupId, sender_id AS senderId, time, type, text, text_length AS textLength,
               fingerprint
             FROM messages WHERE source = ? AND source_id = ?`;
const TOUCH_GROUP =
  'UPDATE groups SET first_seen = MIN(first_seen, ?), last_seen = MAX(last_seen, ?) WHERE id = ?';

/**
 * The messages table. Writing: every message passes the storage policy first, and inserting is
 * idempotent (see Store). Reading: the week's messages (streamed in packed rows,
 * read-week-messages.ts), one group's history, and the narrower reads of spans, times and requests.
 */
export class Messages {
  constructor(private readonly store: StoreCore & { readonly contacts: Contacts }) {}

  insert(m: MessageInput): InsertOutcome {
    return this.insertMany([m])[0] as InsertOutcome;
  }

  /**
   * Inserts messages in one transaction and returns each one's outcome, in order. The groups'
   * first/last-seen span is widened once per group, not once per message.
   */
  insertMany(messages: readonly MessageInput[]): InsertOutcome[] {
    const store = this.store;
    store.assertWritable();
    const insert = store.sql.get(INSERT);
    return store.transaction(() => {
      const statusOf = store.contacts.withheld();
      const span = new Map<string, [number, number]>();
      const outcomes = messages.map((input) => {
        // The policy separates a quote reply first: the length is the reply's.
        const m = store.policy.prepare(input, statusOf);
        const textLength = m.textLength;
        const info = insert.run(
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
      const touch = store.sql.get(TOUCH_GROUP);
      for (const [id, [first, last]] of span) touch.run(first, last, id);
      return outcomes;
    });
  }

  /**
   * A second copy of a stored message is a duplicate only if nothing that identifies it differs.
   * What policy, retention or forgetting removed (text, fingerprint, sender) is compared only while
   * both sides have it.
   */
  private compareExisting(m: PreparedMessage, textLength: number): InsertOutcome {
    const existing = this.store.sql.get(EXISTING).get(m.source, m.id) as
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

  /** The messages of [from, to), sorted by time then rowId (read-week-messages.ts states the cost). */
  week(from: number, to: number): StoredMessage[] {
    return readWeekMessages(this.store, from, to);
  }

  /**
   * One group's messages in time order, streamed (a group may hold millions). The database is busy
   * while the generator is open: read anything else you need before iterating.
   */
  *ofGroup(groupId: string): Generator<StoredMessage> {
    // Prepared per call, not cached: an open iteration keeps its statement busy.
    const rows = this.store.db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE group_id = ? ORDER BY time, row_id`)
      .iterate(groupId) as IterableIterator<MessageRow>;
    for (const row of rows) yield toStoredMessage(row);
  }

  /**
   * The minimum needed for week-over-week comparisons (volume, off-hours, @所有人) without loading
   * whole messages: columnar arrays of group, time and mention-all for [from, to).
   */
  times(from: number, to: number): MessageTimes {
    const rows = this.store.sql
      .raw('SELECT group_id, time, mention_all FROM messages WHERE time >= ? AND time < ?')
      .all(from, to) as [string, number, number][];
    const out: MessageTimes = {
      groupIds: new Array<string>(rows.length),
      times: new Float64Array(rows.length),
      mentionAll: new Uint8Array(rows.length),
    };
    rows.forEach(([groupId, time, mentionAll], i) => {
      out.groupIds[i] = groupId;
      out.times[i] = time;
      out.mentionAll[i] = mentionAll;
    });
    return out;
  }

  /**
   * The text messages of [from, to) long enough to carry a request (at least `minLength` characters),
   * in time order. Narrower than `week`: the repeated-requests window reaches back before the week,
   * and only requests' texts matter there. Uses the messages_time index.
   */
  requestTexts(from: number, to: number, minLength: number): RequestText[] {
    return this.store.sql
      .get(
        `SELECT source_id AS id, group_id AS groupId, sender_id AS senderId, time, text
       FROM messages
       WHERE time >= ? AND time < ? AND type = 'text' AND text IS NOT NULL AND text_length >= ?
       ORDER BY time, row_id`,
      )
      .all(from, to, minLength) as RequestText[];
  }

  /**
   * The time span of what is stored: two index look-ups, whatever the size of the database. `first`
   * ignores rows from before WeChat existed (src/store/plausible-time.ts), which a database filled
   * before ingestion refused them may hold: they would start week lists and "since the first record"
   * in year 1.
   */
  span(): MessageSpan {
    const sql = this.store.sql;
    return {
      first: sql.pluck('SELECT MIN(time) FROM messages WHERE time >= ?').get(EARLIEST_MESSAGE_TIME) as
        | number
        | null,
      last: sql.pluck('SELECT MAX(time) FROM messages').get() as number | null,
    };
  }

  /** Whether any message is stored in [from, to) (one index look-up). */
  any(from: number, to: number): boolean {
    return (
      this.store.sql.pluck('SELECT 1 FROM messages WHERE time >= ? AND time < ? LIMIT 1').get(from, to) !==
      undefined
    );
  }

  /**
   * The earliest time among messages stored after row `rowId` (a DataStamp's `messages`), or null
   * when none was: which weeks new messages touched. Reads only the new rows (row_id is the key).
   */
  earliestTimeAfter(rowId: number): number | null {
    return this.store.sql.pluck('SELECT MIN(time) FROM messages WHERE row_id > ?').get(rowId) as
      | number
      | null;
  }
}
