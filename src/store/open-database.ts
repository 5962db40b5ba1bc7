import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { StoreError } from './store-error.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas qingqun relies on and applies pending
 * migrations, each in its own transaction.
 *
 * WAL lets the dashboard read while the bot writes. `synchronous = NORMAL` in WAL mode keeps the
 * database consistent after a power cut (a committed transaction may be lost, never half-written);
 * docs/RELIABILITY.md explains the choice.
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw new StoreError(`cannot open database: ${(error as Error).message}`, path, { cause: error });
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Every connection overwrites what it deletes or moves (docs/PRIVACY.md, "Erasure leaves no bytes"):
  // without it, a contact's old name, an updated row or a purged text stays readable in free space
  // of B-tree pages and on the freelist, whoever deleted it.
  db.pragma('secure_delete = ON');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache instead of SQLite's 2 MB: the message indexes of a large store no longer
    // fit in 2 MB, and every insert then reads and writes index pages through the OS (plain insert
    // of 1M rows: 26k → 36k rows/s). Only writers get it; the memory is taken as pages are used.
    db.pragma('cache_size = -65536');
    migrate(db, path);
  }
  return db;
}

function migrate(db: Db, path: string): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new StoreError(
      `database schema version ${applied} is newer than this qingqun (${MIGRATIONS.length}); upgrade qingqun`,
      path,
    );
  }
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
