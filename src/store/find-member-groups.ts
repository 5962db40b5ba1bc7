import type { Store } from './store.js';

/** A group a contact is in, as its latest member snapshot says. */
export interface MemberGroup {
  id: string;
  name: string;
  /** As stored; config.org.ownerOverrides is applied by whoever resolves owners. */
  ownerId: string | null;
  unit: string | null;
  /** Members in that snapshot. */
  memberCount: number;
}

/**
 * The groups whose latest member snapshot lists the contact, by name then id. A group the contact
 * has left (a later snapshot without them) is not listed. Uses the index on snapshot_members(contact_id).
 */
export function findMemberGroups(store: Store, contactId: string): MemberGroup[] {
  return store.db
    .prepare(
      `SELECT g.id, g.name, g.owner_id AS ownerId, g.unit, s.member_count AS memberCount
       FROM snapshot_members m
       JOIN membership_snapshots s ON s.id = m.snapshot_id
       JOIN groups g ON g.id = s.group_id
       WHERE m.contact_id = ?
         AND s.id = (SELECT l.id FROM membership_snapshots l WHERE l.group_id = s.group_id
                     ORDER BY l.taken_at DESC, l.id DESC LIMIT 1)
       ORDER BY g.name, g.id`,
    )
    .all(contactId) as MemberGroup[];
}
