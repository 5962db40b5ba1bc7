import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.js';
import type { Store } from './store.js';

const statements = new WeakMap<Db, Statement>();

/**
 * The sorted member ids of the group's snapshot in effect at `at` (the latest one taken at or before
 * it), or undefined when no snapshot is that old. Lets an importer skip re-recording a roster it
 * already recorded, even when later snapshots exist (Store.recordSnapshot compares with the latest only).
 */
export function findSnapshotMembers(store: Store, groupId: string, at: number): string[] | undefined {
  let stmt = statements.get(store.db);
  if (!stmt) {
    stmt = store.db.prepare(
      `SELECT s.id AS snapshotId, m.contact_id AS contactId
       FROM (SELECT id FROM membership_snapshots WHERE group_id = ? AND taken_at <= ?
             ORDER BY taken_at DESC, id DESC LIMIT 1) s
       LEFT JOIN snapshot_members m ON m.snapshot_id = s.id`,
    );
    statements.set(store.db, stmt);
  }
  const rows = stmt.all(groupId, at) as { snapshotId: number; contactId: string | null }[];
  if (rows.length === 0) return undefined;
  return rows
    .map((r) => r.contactId)
    .filter((id): id is string => id !== null)
    .sort();
}
