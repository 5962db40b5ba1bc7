import {
  type AddressBookEntry,
  type AddressBookOutcome,
  applyAddressBook,
  type BookContact,
} from '../address-book-import.js';
import type { PgDatabase } from './pg-database.js';

/** Byte order of ids, as SQLite's BINARY and PostgreSQL's COLLATE "C" sort them. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * `roster import` on the central store (issue 18): the same matching as on SQLite
 * (applyAddressBook), run over the contacts read into memory, then the contacts it touched written
 * in one transaction. The central sender (`send --drain`) mails the addresses set here; a host's
 * spool that ships an address of its own overwrites it (ship.ts keeps a shipped non-null one).
 */
export async function importAddressBookPg(
  db: PgDatabase,
  entries: readonly AddressBookEntry[],
): Promise<AddressBookOutcome> {
  return db.transaction(async () => {
    // No concurrent roster import between the read and the writes.
    await db.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':roster'))");
    const rows = (
      await db.query<{
        id: string;
        name: string;
        unit: string | null;
        email: string | null;
        wecom_user_id: string | null;
        forgotten: boolean;
      }>('SELECT id, name, unit, email, wecom_user_id, forgotten_at IS NOT NULL AS forgotten FROM contacts')
    ).rows;
    const contacts = new Map(
      rows.map((r) => [
        r.id,
        {
          contact: {
            name: r.name,
            unit: r.unit,
            email: r.email,
            wecomUserId: r.wecom_user_id,
          } as BookContact,
          forgotten: r.forgotten,
        },
      ]),
    );
    // Ids in byte order, sorted again only after a contact is added.
    let order: string[] | undefined;
    const living = () => {
      order ??= [...contacts.keys()].sort(byBytes);
      return order
        .map((id) => [id, contacts.get(id) as { contact: BookContact; forgotten: boolean }] as const)
        .filter(([, c]) => !c.forgotten);
    };
    const touched = new Set<string>();
    const outcome = applyAddressBook(entries, {
      byWecomUserId: (userId) => living().find(([, c]) => c.contact.wecomUserId === userId)?.[0],
      exists: (id) => contacts.has(id),
      idsByName: (name, unit) =>
        living()
          .filter(([, c]) => c.contact.name === name && (unit === null || c.contact.unit === unit))
          .map(([id]) => id),
      read: (id) => {
        const c = contacts.get(id)?.contact;
        return c && { ...c };
      },
      write: (id, name, unit, addresses) => {
        const found = contacts.get(id);
        if (found?.forgotten) return;
        const before = found?.contact ?? { name, unit, email: null, wecomUserId: null };
        if (!found) order = undefined;
        contacts.set(id, {
          contact: {
            name,
            unit: unit ?? before.unit,
            email: addresses.email !== undefined ? addresses.email : before.email,
            wecomUserId: addresses.wecomUserId !== undefined ? addresses.wecomUserId : before.wecomUserId,
          },
          forgotten: false,
        });
        touched.add(id);
      },
    });
    for (const id of [...touched].sort(byBytes)) {
      const c = (contacts.get(id) as { contact: BookContact }).contact;
      await db.query(
        `INSERT INTO contacts (id, name, unit, email, wecom_user_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit = excluded.unit, email = excluded.email,
           wecom_user_id = excluded.wecom_user_id
         WHERE contacts.forgotten_at IS NULL`,
        [id, c.name, c.unit, c.email, c.wecomUserId],
      );
    }
    return outcome;
  });
}
