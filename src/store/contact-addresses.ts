import type { Store } from './store.js';

/** Where a contact can be reached besides WeChat (migration: deliver channels). */
export interface ContactAddresses {
  email: string | null;
  wecomUserId: string | null;
}

/**
 * Sets a contact's addresses. A field that is undefined keeps the stored value; null clears it.
 * A forgotten contact gets none. Returns false when the contact is not stored.
 */
export function setContactAddresses(
  store: Store,
  contactId: string,
  addresses: Partial<ContactAddresses>,
): boolean {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (addresses.email !== undefined) {
    sets.push('email = ?');
    params.push(addresses.email);
  }
  if (addresses.wecomUserId !== undefined) {
    sets.push('wecom_user_id = ?');
    params.push(addresses.wecomUserId);
  }
  if (sets.length === 0)
    return store.db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(contactId) !== undefined;
  const info = store.db
    .prepare(`UPDATE contacts SET ${sets.join(', ')} WHERE id = ? AND forgotten_at IS NULL`)
    .run(...params, contactId);
  return info.changes === 1;
}

/** The contact's addresses, or undefined when the contact is not stored. */
export function readContactAddresses(store: Store, contactId: string): ContactAddresses | undefined {
  return store.db
    .prepare('SELECT email, wecom_user_id AS wecomUserId FROM contacts WHERE id = ?')
    .get(contactId) as ContactAddresses | undefined;
}

/** The contact whose WeCom user id this is (the WeCom callback's FromUserName), if any. */
export function findContactByWecomUserId(store: Store, userId: string): string | undefined {
  const byColumn = store.db
    .prepare('SELECT id FROM contacts WHERE wecom_user_id = ? AND forgotten_at IS NULL ORDER BY id LIMIT 1')
    .pluck()
    .get(userId) as string | undefined;
  return byColumn;
}

/** Contacts with this exact name (and unit, when given): a roster row without ids is matched by them. */
export function findContactIdsByName(store: Store, name: string, unit: string | null): string[] {
  return (
    unit === null
      ? store.db.prepare('SELECT id FROM contacts WHERE name = ? AND forgotten_at IS NULL ORDER BY id')
      : store.db.prepare(
          'SELECT id FROM contacts WHERE name = ? AND unit = ? AND forgotten_at IS NULL ORDER BY id',
        )
  )
    .pluck()
    .all(...(unit === null ? [name] : [name, unit])) as string[];
}

/** Every contact that owns a stored group (the owners' digests go to them). */
export function listGroupOwnerIds(store: Store): string[] {
  return store.db
    .prepare('SELECT DISTINCT owner_id FROM groups WHERE owner_id IS NOT NULL ORDER BY owner_id')
    .pluck()
    .all() as string[];
}
