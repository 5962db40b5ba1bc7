import { readContactAddresses, setContactAddresses } from '../../store/contact-addresses.js';
import { findContact } from '../../store/find-contact.js';
import type { Store } from '../../store/store.js';
import type { ValidContact } from './interchange-schemas.js';

/**
 * Stores a contact record (a missing unit or address keeps the stored one). Call inside a transaction.
 * Returns 'imported' (new contact), 'updated' (name or unit changed) or 'duplicate'.
 */
export function writeContactRecord(store: Store, record: ValidContact): 'imported' | 'updated' | 'duplicate' {
  const before = findContact(store, record.id);
  const addressesBefore = readContactAddresses(store, record.id);
  store.upsertContact({ id: record.id, name: record.name, unit: record.unit ?? null });
  // A record without an address keeps the stored one (like a missing unit).
  setContactAddresses(store, record.id, {
    ...(record.email ? { email: record.email } : {}),
    ...(record.wecomUserId ? { wecomUserId: record.wecomUserId } : {}),
  });
  if (!before) return 'imported';
  const after = findContact(store, record.id);
  const addressesAfter = readContactAddresses(store, record.id);
  const same =
    after?.name === before.name &&
    after.unit === before.unit &&
    addressesAfter?.email === addressesBefore?.email &&
    addressesAfter?.wecomUserId === addressesBefore?.wecomUserId;
  return same ? 'duplicate' : 'updated';
}
