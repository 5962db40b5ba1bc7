import type { StoragePolicy } from '../privacy/storage-policy.js';
import type { Db } from './open-database.js';
import type { StatementCache } from './statement-cache.js';

/**
 * What a table module needs of the store that owns it: the connection, its statement cache, the
 * storage policy and the transaction helpers. `Store` (store.ts) implements it; a module that needs a
 * sibling module asks for it by name in its constructor's type (`StoreCore & { contacts: Contacts }`).
 * The modules import this, never store.ts, so no file reaches itself through its imports, not even
 * through types (issue 16).
 */
export interface StoreCore {
  readonly path: string;
  readonly db: Db;
  readonly policy: StoragePolicy;
  readonly sql: StatementCache;
  /** Throws when the store was opened read-only (the writers call it first). */
  assertWritable(): void;
  /** Runs `fn` in one transaction, joining an open one. */
  transaction<T>(fn: () => T): T;
}
