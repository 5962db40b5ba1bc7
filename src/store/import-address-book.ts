import { findContactByWecomUserId, findContactIdsByName, setContactAddresses } from './contact-addresses.js';
import { findContact } from './find-contact.js';
import type { Store } from './store.js';

/** The audience a row's 角色 names. */
export type AddressBookRole = 'owners' | 'supervisors' | 'cadres';

/** One row of a unit's address book (src/ingest/archive/address-book.ts reads them). */
export interface AddressBookEntry {
  line: number;
  name: string;
  unit: string | null;
  wechatId: string | null;
  wecomUserId: string | null;
  email: string | null;
  role: AddressBookRole | null;
}

export interface AddressBookOutcome {
  added: number;
  updated: number;
  unchanged: number;
  problems: { line: number; field: string; problem: string }[];
  /** Contact id per imported entry's line (for role checks). */
  ids: Map<number, string>;
}

/**
 * Writes an address book's entries in one transaction: each entry's contact is found (WeChat id,
 * then WeCom user id, then a unique stored contact with that name and unit) or created, and its
 * name, unit and addresses set. An entry that matches no contact and has no id is a problem.
 */
export function importAddressBook(store: Store, entries: readonly AddressBookEntry[]): AddressBookOutcome {
  const out: AddressBookOutcome = { added: 0, updated: 0, unchanged: 0, problems: [], ids: new Map() };
  const read = (id: string) =>
    store.db
      .prepare('SELECT name, unit, email, wecom_user_id AS wecomUserId FROM contacts WHERE id = ?')
      .get(id) as
      | { name: string; unit: string | null; email: string | null; wecomUserId: string | null }
      | undefined;
  store.transaction(() => {
    for (const e of entries) {
      let id = e.wechatId ?? (e.wecomUserId ? findContactByWecomUserId(store, e.wecomUserId) : undefined);
      if (!id && e.wecomUserId && findContact(store, e.wecomUserId)) id = e.wecomUserId;
      if (!id) {
        const named = findContactIdsByName(store, e.name, e.unit);
        if (named.length === 1) id = named[0];
        else if (named.length > 1) {
          out.problems.push({
            line: e.line,
            field: '微信ID',
            problem: `${named.length} stored contacts are named ${e.name}${e.unit ? ` in ${e.unit}` : ''}: give the 微信ID`,
          });
          continue;
        }
      }
      id ??= e.wecomUserId ?? undefined;
      if (!id) {
        out.problems.push({
          line: e.line,
          field: '微信ID',
          problem: `no id for ${e.name} and no stored contact of that name`,
        });
        continue;
      }
      const before = read(id);
      store.upsertContact({ id, name: e.name, unit: e.unit });
      setContactAddresses(store, id, {
        ...(e.email ? { email: e.email } : {}),
        ...(e.wecomUserId ? { wecomUserId: e.wecomUserId } : {}),
      });
      const after = read(id);
      out.ids.set(e.line, id);
      if (!before) out.added++;
      else if (JSON.stringify(before) === JSON.stringify(after)) out.unchanged++;
      else out.updated++;
    }
  });
  return out;
}
