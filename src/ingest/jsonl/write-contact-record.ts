import { findContact } from '../../store/find-contact.js';
import type { Store } from '../../store/store.js';
import type { ValidContact } from './interchange-schemas.js';

/**
 * Stores a contact record (a missing unit keeps the stored one). Call inside a transaction.
 * Returns 'imported' (new contact), 'updated' (name or unit changed) or 'duplicate'.
 */
export function writeContactRecord(store: Store, record: ValidContact): 'imported' | 'updated' | 'duplicate' {
  const before = findContact(store, record.id);
  store.upsertContact({ id: record.id, name: record.name, unit: record.unit ?? null });
  if (!before) return 'imported';
  const after = findContact(store, record.id);
  return after?.name === before.name && after.unit === before.unit ? 'duplicate' : 'updated';
}
