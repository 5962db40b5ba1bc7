import type { Store } from './store.js';

/** Every contact the latest roster snapshot of some group lists, sorted by id. */
export function readRosteredContacts(store: Store): string[] {
  return store.db
    .prepare(
      `SELECT DISTINCT m.contact_id FROM snapshot_members m
       JOIN membership_snapshots s ON s.id = m.snapshot_id
       WHERE s.id = (SELECT l.id FROM membership_snapshots l WHERE l.group_id = s.group_id
                     ORDER BY l.taken_at DESC, l.id DESC LIMIT 1)
       ORDER BY m.contact_id`,
    )
    .pluck()
    .all() as string[];
}
