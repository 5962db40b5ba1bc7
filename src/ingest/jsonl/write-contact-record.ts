import type { Store } from '../../store/store.js';
import type { ValidContact } from './interchange-schemas.js';

/**
 * Stores a contact record (a missing unit or address keeps the stored one). Call inside a transaction.
 * Returns 'imported' (new contact), 'updated' (name or unit changed) or 'duplicate'.
 */
export function writeContactRecord(store: Store, record: ValidContact): 'imported' | 'updated' | 'duplicate' {
  const before = store.contacts.find(record.id);
  const addressesBefore = store.contacts.addresses(record.id);
  store.contacts.upsert({ id: record.id, name: record.name, unit: record.unit ?? null });
  // A record without an address keeps the stored one (like a missing unit).
  store.contacts.setAddresses(record.id, {
    ...(record.email ? { email: record.email } : {}),
    ...(record.wecomUserId ? { wecomUserId: record.wecomUserId } : {}),
  });
  if (!before) return 'imported';
  const after = store.contacts.find(record.id);
  const addressesAfter = store.contacts.addresses(record.id);
  const same =
    after?.name === before.name &&
    after.unit === before.unit &&
    addressesAfter?.email === addressesBefore?.email &&
    addressesAfter?.wecomUserId === addressesBefore?.wecomUserId;
  return same ? 'duplicate' : 'updated';
}
