import type { WeekBounds } from '../analysis/week-bounds.js';
import type { WeekData } from '../analysis/week-data.js';
import type { Contact } from '../model/contact.js';
import type { Group } from '../model/group.js';
import { MESSAGE_COLUMNS, type MessageRow, toStoredMessage } from './message-row.js';
import type { Store } from './store.js';

/**
 * Loads everything the detectors read for one week, in a handful of queries. Membership is the
 * latest snapshot taken before the end of the week; groups whose only snapshot is later fall back to it.
 */
export function loadWeekData(store: Store, bounds: WeekBounds): WeekData {
  const { db } = store;
  const { from, to } = bounds;
  const rows = db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE time >= ? AND time < ? ORDER BY time, row_id`)
    .all(from, to) as MessageRow[];
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
    .all(to, to) as { groupId: string; contactId: string }[];
  const members = new Map<string, string[]>();
  for (const { groupId, contactId } of snapshotRows) {
    const list = members.get(groupId);
    if (list) list.push(contactId);
    else members.set(groupId, [contactId]);
  }

  const lastRows = db
    .prepare(
      `SELECT group_id AS groupId, MAX(time) AS last FROM messages
       WHERE time < ? AND type NOT IN ('system', 'recalled') GROUP BY group_id`,
    )
    .all(to) as { groupId: string; last: number }[];

  return {
    week: bounds.week,
    from,
    to,
    messages: rows.map(toStoredMessage),
    groups,
    members,
    contacts: new Map(contacts.map((c) => [c.id, c])),
    lastHumanMessageAt: new Map(lastRows.map((r) => [r.groupId, r.last])),
  };
}
