import {
  MESSAGE_TYPES,
  type MessageType,
  type StoredMessage,
  TEXT_CLASSES,
  type TextClass,
} from '../model/message.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from './message-row.js';
import type { StoreCore } from './store-core.js';

/**
 * Cost (docs/PERFORMANCE.md): better-sqlite3 spends ~0.25 µs on every value it hands over, a fresh
 * string more again to be shared, and row objects ~20 µs each; so the week is streamed as raw rows
 * with as few values per row as possible, each turned into its StoredMessage at once. A row is read
 * as nine values: the five strings that differ per row, `row_id` and `time`; one integer packing
 * type, class, @所有人, number-off number and text length (computed by SQLite, in place of five
 * values and three shared strings); and the thirteen columns only links, files, images, mini programs,
 * mentions and quotes fill (~8% of rows) as one JSON array, NULL for the others. A row the packed form
 * cannot hold — another source than the week's first message, an unknown type or class, an
 * out-of-range number, a value of an unexpected SQL type — gets a NULL there and is read whole
 * afterwards by its row id (the connection is busy while the week streams). Both paths build the
 * StoredMessage `toStoredMessage` builds, key for key (test/store/load-week-data.test.ts).
 */

const TYPE_BITS = 16;
const CLASS_BITS = 16;
const MENTION_ALL = TYPE_BITS * CLASS_BITS;
const REPLY_UNIT = MENTION_ALL * 2;
const REPLY_LIMIT = 1022;
const LENGTH_UNIT = REPLY_UNIT * 1024;
/** Keeps the packed value below 2^53, where JavaScript numbers stop being exact. */
const LENGTH_LIMIT = 2 ** 33 - 1;

const RARE = [
  'mention_ids',
  'link_title',
  'link_url',
  'link_description',
  'file_name',
  'file_size',
  'file_hash',
  'app_title',
  'app_name',
  'quote_message_id',
  'quote_sender_id',
  'quote_sender_name',
  'quote_excerpt',
];
// The columns only links, files, images, mini programs and mentions fill (~8% of rows), as one JSON
// array or NULL. Only text and integers go through JSON unchanged; any other value takes the general path.
const RARE_JSON = `CASE WHEN coalesce(${RARE.join(', ')}) IS NULL THEN NULL
  WHEN ${RARE.map((c) => `typeof(${c}) IN ('null', ${c === 'file_size' ? "'integer'" : "'text'"})`).join(' AND ')}
  THEN json_array(${RARE.join(', ')}) ELSE '' END`;
/** Every column the fast path reads or packs, sorted: a column added to messages must be read here too. */
const READ = [
  ...['row_id', 'source', 'source_id', 'group_id', 'sender_id', 'time', 'text', 'fingerprint'],
  ...['type', 'text_class', 'mention_all', 'reply_number', 'text_length', ...RARE],
].sort();
const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
// Type code = index in MESSAGE_TYPES; class code = index in TEXT_CLASSES + 1, 0 for NULL. An unknown
// value gives NULL, and so does the whole sum: the row takes the general path.
// Most frequent first: SQLite tries the WHENs in order.
const TYPE_ORDER: MessageType[] = [
  'text',
  'image',
  'emoticon',
  'system',
  'recalled',
  'file',
  'link',
  'other',
  'miniprogram',
];
const CLASS_ORDER: TextClass[] = [
  'chat',
  'question',
  'notice',
  'ack',
  'addressed',
  'pat',
  'praise',
  'instruction',
  'roll-call',
  'number-off',
];
const typeCase = `CASE type ${TYPE_ORDER.map((t) => `WHEN ${sqlString(t)} THEN ${MESSAGE_TYPES.indexOf(t)}`).join(' ')} END`;
const classCase = `CASE text_class ${CLASS_ORDER.map((c) => `WHEN ${sqlString(c)} THEN ${(TEXT_CLASSES.indexOf(c) + 1) * TYPE_BITS}`).join(' ')}
  ELSE (CASE WHEN text_class IS NULL THEN 0 END) END`;
const PACKED = `${typeCase} + ${classCase}
  + (CASE mention_all WHEN 0 THEN 0 WHEN 1 THEN ${MENTION_ALL} END)
  + (CASE WHEN reply_number IS NULL THEN 0
          WHEN reply_number BETWEEN 0 AND ${REPLY_LIMIT} AND reply_number = CAST(reply_number AS INTEGER)
          THEN (reply_number + 1) * ${REPLY_UNIT} END)
  + (CASE WHEN text_length BETWEEN 0 AND ${LENGTH_LIMIT} AND text_length = CAST(text_length AS INTEGER)
          THEN text_length * ${LENGTH_UNIT} END)
  + (CASE source WHEN @source THEN 0 END)`;

type RareValues = [
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/**
 * The mentions of every message that has none (~99% of a week): one shared, frozen empty array
 * instead of one per message (~32 bytes each, 32 MB at 1M messages). Nothing writes to a stored
 * message's mentions; freezing makes an attempt throw instead of corrupting every message.
 */
export const NO_MENTIONS = Object.freeze([]) as unknown as string[];

/** The messages of [from, to), sorted by time then rowId. */
export function readWeekMessages(store: StoreCore, from: number, to: number): StoredMessage[] {
  const expected = MESSAGE_COLUMNS.split(',')
    .map((c) => c.trim())
    .sort();
  if (READ.join() !== expected.join()) {
    throw new Error(`readWeekMessages: reads ${READ.join()}, but messages are ${expected.join()}`);
  }
  const { db } = store;
  const source = db
    .prepare('SELECT source FROM messages WHERE time >= ? AND time < ? ORDER BY time LIMIT 1')
    .pluck()
    .get(from, to) as string | undefined;
  if (source === undefined) return [];

  const shared = new Map<string, string>();
  const share = <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = shared.get(s);
    if (known !== undefined) return known as T;
    shared.set(s, s);
    return s;
  };
  const out: StoredMessage[] = [];
  const general: number[] = [];
  const rows = db
    .prepare(
      `SELECT row_id, source_id, group_id, sender_id, time, text, fingerprint, ${PACKED}, ${RARE_JSON}
       FROM messages WHERE time >= @from AND time < @to ORDER BY time, row_id`,
    )
    .raw()
    .iterate({ from, to, source }) as IterableIterator<
    [
      number,
      string,
      string,
      string | null,
      number,
      string | null,
      string | null,
      number | null,
      string | null,
    ]
  >;
  for (const r of rows) {
    const packed = r[7];
    const rare = r[8];
    if (packed === null || rare === '') {
      general.push(out.length, r[0]);
      out.push(null as unknown as StoredMessage);
      continue;
    }
    const classCode = Math.floor(packed / TYPE_BITS) % CLASS_BITS;
    const reply = Math.floor(packed / REPLY_UNIT) % 1024;
    const x = rare === null ? null : (JSON.parse(rare) as RareValues);
    out.push({
      rowId: r[0],
      source,
      id: r[1],
      groupId: share(r[2]),
      senderId: share(r[3]),
      time: r[4],
      type: MESSAGE_TYPES[packed % TYPE_BITS] as StoredMessage['type'],
      text: r[5],
      textLength: Math.floor(packed / LENGTH_UNIT),
      mentionAll: Math.floor(packed / MENTION_ALL) % 2 === 1,
      mentionIds: x?.[0] ? (JSON.parse(x[0]) as string[]) : NO_MENTIONS,
      link:
        x && (x[1] !== null || x[2] !== null || x[3] !== null)
          ? { title: x[1], url: x[2], description: x[3] }
          : null,
      file:
        x && (x[4] !== null || x[5] !== null || x[6] !== null)
          ? { name: x[4], size: x[5], sha256: x[6] }
          : null,
      miniprogram: x && (x[7] !== null || x[8] !== null) ? { title: x[7], appName: x[8] } : null,
      textClass: classCode === 0 ? null : (TEXT_CLASSES[classCode - 1] ?? null),
      replyNumber: reply === 0 ? null : reply - 1,
      // Shared like the ids: copies of one notice (most fingerprinted rows) carry the same one.
      fingerprint: share(r[6]),
      quote:
        x && (x[9] !== null || x[10] !== null || x[11] !== null || x[12] !== null)
          ? { messageId: x[9], senderId: x[10], senderName: x[11], excerpt: x[12] }
          : null,
    });
  }

  // Raw: better-sqlite3's row objects cost ~20 µs each.
  const whole = db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE row_id = ?`).raw();
  const names = MESSAGE_COLUMNS.split(',').map((c) => c.trim());
  for (let i = 0; i < general.length; i += 2) {
    const values = whole.get(general[i + 1]) as unknown[];
    const row = Object.fromEntries(names.map((name, k) => [name, values[k]])) as unknown as MessageRow;
    row.source = share(row.source);
    row.group_id = share(row.group_id);
    row.sender_id = share(row.sender_id);
    row.type = share(row.type);
    row.text_class = share(row.text_class);
    out[general[i] as number] = toStoredMessage(row);
  }
  return out;
}
