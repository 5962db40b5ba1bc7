import type { Statement } from 'better-sqlite3';
import type { Group } from '../model/group.js';
import type { Db } from './open-database.js';
import type { Store } from './store.js';

const statements = new WeakMap<Db, Statement>();

/** The stored group with this id, or undefined. The statement is prepared once per database. */
export function findGroup(store: Store, id: string): Group | undefined {
  let stmt = statements.get(store.db);
  if (!stmt) {
    stmt = store.db.prepare(
      `SELECT id, name, owner_id AS ownerId, unit, created_at AS createdAt, first_seen AS firstSeen,
              last_seen AS lastSeen
       FROM groups WHERE id = ?`,
    );
    statements.set(store.db, stmt);
  }
  return stmt.get(id) as Group | undefined;
}
