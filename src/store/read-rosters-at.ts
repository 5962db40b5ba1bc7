import type { Store } from './store.js';

/**
 * Every group's roster in effect at `at`: the latest membership snapshot taken before it, or — for a
 * group whose only snapshots are later — its earliest one (the same rule as loadWeekData). One
 * query; used by loadWeekData and for groups-per-member figures of earlier weeks.
 */
export function readRostersAt(store: Store, at: number): Map<string, string[]> {
  const rows = store.db
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
    .all(at, at) as [string, string][];
  const members = new Map<string, string[]>();
  for (const [groupId, contactId] of rows) {
    const list = members.get(groupId);
    if (list) list.push(contactId);
    else members.set(groupId, [contactId]);
  }
  return members;
}
