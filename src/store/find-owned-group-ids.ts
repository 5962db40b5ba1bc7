import type { Store } from './store.js';

/** Ids of the groups stored with this owner (before config.org.ownerOverrides), sorted. */
export function findOwnedGroupIds(store: Store, ownerId: string): string[] {
  return store.db
    .prepare('SELECT id FROM groups WHERE owner_id = ? ORDER BY id')
    .pluck()
    .all(ownerId) as string[];
}
