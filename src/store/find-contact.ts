import type { Statement } from 'better-sqlite3';
import type { Contact } from '../model/contact.js';
import type { Db } from './open-database.js';
import type { Store } from './store.js';

const statements = new WeakMap<Db, Statement>();

/** The stored contact with this id, or undefined. The statement is prepared once per database. */
export function findContact(store: Store, id: string): Contact | undefined {
  let stmt = statements.get(store.db);
  if (!stmt) {
    stmt = store.db.prepare('SELECT id, name, unit FROM contacts WHERE id = ?');
    statements.set(store.db, stmt);
  }
  return stmt.get(id) as Contact | undefined;
}
