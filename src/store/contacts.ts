import type { Contact } from '../model/contact.js';
import type { PersonStatus } from '../privacy/storage-policy.js';
import {
  type AddressBookEntry,
  type AddressBookOutcome,
  applyAddressBook,
  type BookContact,
  type ContactAddresses,
} from './address-book-import.js';
import type { StoreCore } from './store-core.js';

export type {
  AddressBookEntry,
  AddressBookOutcome,
  AddressBookRole,
  ContactAddresses,
} from './address-book-import.js';

// A forgotten person's name and unit are never written again.
const UPSERT = `
            INSERT INTO contacts (id, name, unit) VALUES (@id, @name, @unit)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = COALESCE(excluded.unit, contacts.unit)
            WHERE contacts.forgotten_at IS NULL`;

/** The contacts table: who people are, where else they can be reached, and who is withheld. */
export class Contacts {
  constructor(private readonly store: StoreCore) {}

  upsert(contact: Contact): void {
    this.store.assertWritable();
    this.store.sql.get(UPSERT).run(contact);
  }

  /** The stored contact with this id, or undefined. */
  find(id: string): Contact | undefined {
    return this.store.sql.get('SELECT id, name, unit FROM contacts WHERE id = ?').get(id) as
      | Contact
      | undefined;
  }

  /** Contact id → display name, for every stored contact. */
  names(): Map<string, string> {
    const rows = this.store.sql.get('SELECT id, name FROM contacts').all() as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Everyone who opted out or was forgotten, read afresh (another process may have changed it).
   * Cheap: a partial index holds only them. The storage policy asks it of every write.
   */
  withheld(): (contactId: string) => PersonStatus {
    const rows = this.store.sql
      .get('SELECT id, forgotten_at IS NOT NULL AS forgotten FROM contacts WHERE opted_out_at IS NOT NULL')
      .all() as { id: string; forgotten: number }[];
    if (rows.length === 0) return () => 'recorded';
    const status = new Map<string, PersonStatus>(
      rows.map((r) => [r.id, r.forgotten ? 'forgotten' : 'opted-out']),
    );
    return (id) => status.get(id) ?? 'recorded';
  }

  /** The id of the first contact (by id) whose unit contains `unitPart`, or undefined. */
  firstInUnit(unitPart: string): string | undefined {
    return this.store.sql
      .pluck('SELECT id FROM contacts WHERE instr(unit, ?) > 0 ORDER BY id LIMIT 1')
      .get(unitPart) as string | undefined;
  }

  /** Contacts with this exact name (and unit, when given): a roster row without ids is matched by them. */
  idsByName(name: string, unit: string | null): string[] {
    return (
      unit === null
        ? this.store.sql.pluck('SELECT id FROM contacts WHERE name = ? AND forgotten_at IS NULL ORDER BY id')
        : this.store.sql.pluck(
            'SELECT id FROM contacts WHERE name = ? AND unit = ? AND forgotten_at IS NULL ORDER BY id',
          )
    ).all(...(unit === null ? [name] : [name, unit])) as string[];
  }

  /** The contact whose WeCom user id this is (the WeCom callback's FromUserName), if any. */
  byWecomUserId(userId: string): string | undefined {
    return this.store.sql
      .pluck('SELECT id FROM contacts WHERE wecom_user_id = ? AND forgotten_at IS NULL ORDER BY id LIMIT 1')
      .get(userId) as string | undefined;
  }

  /** The contact's addresses, or undefined when the contact is not stored. */
  addresses(contactId: string): ContactAddresses | undefined {
    return this.store.sql
      .get('SELECT email, wecom_user_id AS wecomUserId FROM contacts WHERE id = ?')
      .get(contactId) as ContactAddresses | undefined;
  }

  /**
   * Sets a contact's addresses. A field that is undefined keeps the stored value; null clears it.
   * A forgotten contact gets none. Returns false when the contact is not stored.
   */
  setAddresses(contactId: string, addresses: Partial<ContactAddresses>): boolean {
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
      return this.store.sql.get('SELECT 1 FROM contacts WHERE id = ?').get(contactId) !== undefined;
    const info = this.store.sql
      .get(`UPDATE contacts SET ${sets.join(', ')} WHERE id = ? AND forgotten_at IS NULL`)
      .run(...params, contactId);
    return info.changes === 1;
  }

  /** Every contact the latest roster snapshot of some group lists, sorted by id. */
  rostered(): string[] {
    return this.store.sql
      .pluck(
        `SELECT DISTINCT m.contact_id FROM snapshot_members m
       JOIN membership_snapshots s ON s.id = m.snapshot_id
       WHERE s.id = (SELECT l.id FROM membership_snapshots l WHERE l.group_id = s.group_id
                     ORDER BY l.taken_at DESC, l.id DESC LIMIT 1)
       ORDER BY m.contact_id`,
      )
      .all() as string[];
  }

  /**
   * Writes an address book's entries in one transaction: each entry's contact is found (WeChat id,
   * then WeCom user id, then a unique stored contact with that name and unit) or created, and its
   * name, unit and addresses set. An entry that matches no contact and has no id is a problem.
   */
  importAddressBook(entries: readonly AddressBookEntry[]): AddressBookOutcome {
    const read = (id: string) =>
      this.store.sql
        .get('SELECT name, unit, email, wecom_user_id AS wecomUserId FROM contacts WHERE id = ?')
        .get(id) as BookContact | undefined;
    return this.store.transaction(() =>
      applyAddressBook(entries, {
        byWecomUserId: (userId) => this.byWecomUserId(userId),
        exists: (id) => this.find(id) !== undefined,
        idsByName: (name, unit) => this.idsByName(name, unit),
        read,
        write: (id, name, unit, addresses) => {
          this.upsert({ id, name, unit });
          this.setAddresses(id, addresses);
        },
      }),
    );
  }
}
