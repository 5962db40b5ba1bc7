import type { WeekBounds } from '../analysis/week-bounds.js';
import type { WeekData } from '../analysis/week-data.js';
import type { Contact } from '../model/contact.js';
import type { Group } from '../model/group.js';
import type { StoredMessage } from '../model/message.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from './message-row.js';
import type { Store } from './store.js';

/**
 * Loads everything the detectors read for one week, in a handful of queries. Membership is the
 * latest snapshot taken before the end of the week; groups whose only snapshot is later fall back to it.
 *
 * Cost (docs/PERFORMANCE.md): messages are streamed as raw rows, each turned into its StoredMessage
 * at once, because better-sqlite3's row objects cost ~1.8 KB and ~20 µs each (a million of them took
 * a minute and 2 GB); repeated strings (source, group, sender, type, class) are shared, not copied
 * per row. Each group's last human message is found by one index probe per group, so the cost
 * follows the number of groups, not the history stored before the week.
 */
export function loadWeekData(store: Store, bounds: WeekBounds): WeekData {
  const { db } = store;
  const { from, to } = bounds;
  const messages = readWeekMessages(store, from, to);
  const groups = db
    .prepare(
      `SELECT id, name, owner_id AS ownerId, unit, created_at AS createdAt, first_seen AS firstSeen,
              last_seen AS lastSeen
       FROM groups WHERE first_seen < ? OR created_at < ? ORDER BY id`,
    )
    .all(to, to) as Group[];
  const contacts = db.prepare('SELECT id, name, unit FROM contacts').all() as Contact[];

  const snapshotRows = db
    .prepare(
      `WITH ranked AS (
         SELECT id, group_id,
                ROW_NUMBER() OVER (PARTITION BY group_id
                  ORDER BY (taken_at < ?) DESC,
                           CASE WHEN taken_at < ? THEN taken_at ELSE -taken_at END DESC, id DESC) AS rn
         FROM membership_snapshots)
       SELECT r.group_id AS groupId, m.contact_id AS contactId
       FROM ranked r JOIN snapshot_members m ON m.snapshot_id = r.id
       WHERE r.rn = 1`,
    )
    .raw()
    .all(to, to) as [string, string][];
  const members = new Map<string, string[]>();
  for (const [groupId, contactId] of snapshotRows) {
    const list = members.get(groupId);
    if (list) list.push(contactId);
    else members.set(groupId, [contactId]);
  }

  // The newest human message of each group before `to`: a backward walk of messages_group_time
  // that stops at the first one that is neither a system line nor a recall.
  const lastRows = db
    .prepare(
      `SELECT id, (SELECT time FROM messages
                   WHERE group_id = groups.id AND time < ? AND type NOT IN ('system', 'recalled')
                   ORDER BY time DESC LIMIT 1) AS last
       FROM groups ORDER BY id`,
    )
    .raw()
    .all(to) as [string, number | null][];
  const lastHumanMessageAt = new Map<string, number>();
  for (const [groupId, last] of lastRows) if (last !== null) lastHumanMessageAt.set(groupId, last);

  return {
    week: bounds.week,
    from,
    to,
    messages,
    groups,
    members,
    contacts: new Map(contacts.map((c) => [c.id, c])),
    lastHumanMessageAt,
  };
}

/** The columns most messages have; the others are read only for rows that have one of them. */
const CORE = `row_id, source, source_id, group_id, sender_id, time, type, text, text_length, mention_all,
  text_class, reply_number, fingerprint`;
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
];
const NO_RARE: unknown[] = [null, ...RARE.map(() => null)];

/**
 * The messages of [from, to), sorted by time then rowId. Every column read costs (~0.3 µs a value in
 * better-sqlite3), so the nine columns that only links, files, mini programs and mentions fill are
 * read in a second query for just those rows.
 */
function readWeekMessages(store: Store, from: number, to: number): StoredMessage[] {
  const known = [...CORE.split(','), ...RARE].map((c) => c.trim()).sort();
  const expected = MESSAGE_COLUMNS.split(',')
    .map((c) => c.trim())
    .sort();
  if (known.join() !== expected.join()) {
    throw new Error(`loadWeekData: read ${known.join()}, but messages are ${expected.join()}`);
  }
  const rare = new Map<number, unknown[]>();
  const rareRows = store.db
    .prepare(
      `SELECT row_id, ${RARE.join(', ')} FROM messages
       WHERE time >= ? AND time < ? AND (${RARE.map((c) => `${c} IS NOT NULL`).join(' OR ')})`,
    )
    .raw()
    .iterate(from, to) as IterableIterator<unknown[]>;
  for (const row of rareRows) rare.set(row[0] as number, row);

  const shared = new Map<string, string>();
  const share = (s: unknown): string | null => {
    if (s === null) return null;
    const known = shared.get(s as string);
    if (known !== undefined) return known;
    shared.set(s as string, s as string);
    return s as string;
  };
  const out: StoredMessage[] = [];
  const rows = store.db
    .prepare(`SELECT ${CORE} FROM messages WHERE time >= ? AND time < ? ORDER BY time, row_id`)
    .raw()
    .iterate(from, to) as IterableIterator<unknown[]>;
  for (const r of rows) {
    const x = rare.get(r[0] as number) ?? NO_RARE;
    const row = {
      row_id: r[0],
      source: share(r[1]),
      source_id: r[2],
      group_id: share(r[3]),
      sender_id: share(r[4]),
      time: r[5],
      type: share(r[6]),
      text: r[7],
      text_length: r[8],
      mention_all: r[9],
      mention_ids: x[1],
      link_title: x[2],
      link_url: x[3],
      link_description: x[4],
      file_name: x[5],
      file_size: x[6],
      file_hash: x[7],
      app_title: x[8],
      app_name: x[9],
      text_class: share(r[10]),
      reply_number: r[11],
      fingerprint: r[12],
    } as MessageRow;
    out.push(toStoredMessage(row));
  }
  return out;
}
