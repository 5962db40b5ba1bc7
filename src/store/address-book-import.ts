/** Where a contact can be reached besides WeChat (migration: deliver channels). */
export interface ContactAddresses {
  email: string | null;
  wecomUserId: string | null;
}

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

/** A stored contact as an address book import compares it before and after. */
export interface BookContact {
  name: string;
  unit: string | null;
  email: string | null;
  wecomUserId: string | null;
}

/**
 * What applyAddressBook needs of a store's contacts, with Contacts' meaning (src/store/contacts.ts):
 * forgotten contacts are never matched by name or WeCom id, and never written.
 */
export interface ContactBook {
  /** The first contact by id, not forgotten, with this WeCom user id. */
  byWecomUserId(userId: string): string | undefined;
  /** Any contact (forgotten too) is stored under this id. */
  exists(id: string): boolean;
  /** Contacts not forgotten with this name (and unit, when given), by id. */
  idsByName(name: string, unit: string | null): string[];
  read(id: string): BookContact | undefined;
  /**
   * Upserts name and unit (a null unit keeps the stored one), then sets the given addresses;
   * nothing changes for a forgotten contact.
   */
  write(id: string, name: string, unit: string | null, addresses: Partial<ContactAddresses>): void;
}

/**
 * The one matching of an address book's entries to contacts, on either engine (Contacts on SQLite,
 * postgres/pg-contacts.ts): each entry's contact is found (WeChat id, then WeCom user id, then a
 * unique stored contact with that name and unit) or created, and its name, unit and addresses set.
 * An entry that matches no contact and has no id is a problem. Entries apply in order, each seeing
 * the ones before.
 */
export function applyAddressBook(
  entries: readonly AddressBookEntry[],
  book: ContactBook,
): AddressBookOutcome {
  const out: AddressBookOutcome = { added: 0, updated: 0, unchanged: 0, problems: [], ids: new Map() };
  for (const e of entries) {
    let id = e.wechatId ?? (e.wecomUserId ? book.byWecomUserId(e.wecomUserId) : undefined);
    if (!id && e.wecomUserId && book.exists(e.wecomUserId)) id = e.wecomUserId;
    if (!id) {
      const named = book.idsByName(e.name, e.unit);
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
    const before = book.read(id);
    book.write(id, e.name, e.unit, {
      ...(e.email ? { email: e.email } : {}),
      ...(e.wecomUserId ? { wecomUserId: e.wecomUserId } : {}),
    });
    const after = book.read(id);
    out.ids.set(e.line, id);
    if (!before) out.added++;
    else if (JSON.stringify(before) === JSON.stringify(after)) out.unchanged++;
    else out.updated++;
  }
  return out;
}
