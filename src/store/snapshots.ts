import type { Contacts } from './contacts.js';
import type { StoreCore } from './store-core.js';

/** Membership snapshots: who was in each group when, stored only when the roster changed. */
export class Snapshots {
  constructor(private readonly store: StoreCore & { readonly contacts: Contacts }) {}

  /**
   * Records who was in a group at `takenAt`. A snapshot identical to the latest one only extends
   * that one's confirmation time, so daily snapshots of unchanged rosters cost nothing.
   */
  record(groupId: string, takenAt: number, memberIds: readonly string[]): 'new' | 'unchanged' {
    const store = this.store;
    store.assertWritable();
    const sql = store.sql;
    return store.transaction(() => {
      const statusOf = store.contacts.withheld();
      // A forgotten person is counted in the roster's size but never named in it.
      const all = new Set(memberIds);
      const unique = [...all].filter((id) => statusOf(id) !== 'forgotten').sort();
      const latest = sql
        .get(
          'SELECT id, taken_at AS takenAt FROM membership_snapshots WHERE group_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1',
        )
        .get(groupId) as { id: number; takenAt: number } | undefined;
      if (latest && latest.takenAt <= takenAt) {
        const previous = (
          sql
            .pluck('SELECT contact_id AS id FROM snapshot_members WHERE snapshot_id = ?')
            .all(latest.id) as string[]
        ).sort();
        if (previous.length === unique.length && previous.every((id, i) => id === unique[i])) {
          sql
            .get('UPDATE membership_snapshots SET confirmed_at = MAX(confirmed_at, ?) WHERE id = ?')
            .run(takenAt, latest.id);
          return 'unchanged';
        }
      }
      const id = sql
        .get(
          'INSERT INTO membership_snapshots (group_id, taken_at, confirmed_at, member_count) VALUES (?, ?, ?, ?)',
        )
        .run(groupId, takenAt, takenAt, all.size).lastInsertRowid;
      const insertMember = sql.get(
        'INSERT OR IGNORE INTO snapshot_members (snapshot_id, contact_id) VALUES (?, ?)',
      );
      for (const member of unique) insertMember.run(id, member);
      return 'new';
    });
  }

  /**
   * The sorted member ids of the group's snapshot in effect at `at` (the latest one taken at or before
   * it), or undefined when no snapshot is that old. Lets an importer skip re-recording a roster it
   * already recorded, even when later snapshots exist (`record` compares with the latest only).
   */
  membersAt(groupId: string, at: number): string[] | undefined {
    const rows = this.store.sql
      .get(
        `SELECT s.id AS snapshotId, m.contact_id AS contactId
       FROM (SELECT id FROM membership_snapshots WHERE group_id = ? AND taken_at <= ?
             ORDER BY taken_at DESC, id DESC LIMIT 1) s
       LEFT JOIN snapshot_members m ON m.snapshot_id = s.id`,
      )
      .all(groupId, at) as { snapshotId: number; contactId: string | null }[];
    if (rows.length === 0) return undefined;
    return rows
      .map((r) => r.contactId)
      .filter((id): id is string => id !== null)
      .sort();
  }

  /**
   * Every group's roster in effect at `at`: the latest membership snapshot taken before it, or — for a
   * group whose only snapshots are later — its earliest one (the same rule as the week's data). One
   * query; used for the week's data and for groups-per-member figures of earlier weeks.
   */
  rostersAt(at: number): Map<string, string[]> {
    const rows = this.store.sql
      .raw(
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
      .all(at, at) as [string, string][];
    const members = new Map<string, string[]>();
    for (const [groupId, contactId] of rows) {
      const list = members.get(groupId);
      if (list) list.push(contactId);
      else members.set(groupId, [contactId]);
    }
    return members;
  }
}
