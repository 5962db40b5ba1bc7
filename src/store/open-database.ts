import { readFileSync, type Stats, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isPostgresUrl, redactDbUrl } from '../config/db-target.js';
import {
  createPrivateFile,
  makeDirectory,
  permissionBits,
  restrictToOwner,
} from '../platform/private-files.js';
import { MIGRATIONS } from './migrations.js';
import { StoreError } from './store-error.js';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Open read-only (the file must exist); an older schema is first migrated by a brief writer. */
  readonly?: boolean;
  /** Refuse to create the file: a mistyped path must not leave an empty database behind. */
  mustExist?: boolean;
}

/**
 * Opens (creating if allowed) the SQLite file, sets the pragmas qingqun relies on and applies pending
 * migrations, each in its own transaction. Every failure is a StoreError naming the file and the
 * problem (store-error.ts); nothing is created unless the file may be created.
 *
 * A new database is created by qingqun itself, mode 0600 in directories made 0700, before SQLite
 * opens it: SQLite gives its -wal and -shm files the database file's mode, so they are private too
 * (and are restricted again after opening, in case they predate this).
 *
 * WAL lets the dashboard read while the bot writes. `synchronous = NORMAL` in WAL mode keeps the
 * database consistent after a power cut (a committed transaction may be lost, never half-written);
 * docs/RELIABILITY.md explains the choice.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  // A postgres:// URL is never a file name (it used to become a relative path): commands that run
  // on PostgreSQL open it through src/store/postgres/; the others refuse it here, before any I/O.
  if (isPostgresUrl(path)) {
    throw new StoreError('PostgreSQL is not supported by this command yet', redactDbUrl(path), {
      problem: 'postgresUnsupported',
    });
  }
  const readonly = options.readonly ?? false;
  const memory = path === ':memory:' || path === '';
  if (!memory) prepareFile(path, readonly || (options.mustExist ?? false));
  let db: Db;
  try {
    db = new Database(path, { readonly, fileMustExist: !memory });
  } catch (error) {
    throw classify(error, path);
  }
  let version: number;
  try {
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      const problem = classify(error, path);
      if (problem.problem !== 'readOnlyWal' || !readonly) throw problem;
      db.close();
      db = openWalSnapshot(path, problem);
      version = db.pragma('user_version', { simple: true }) as number;
    }
    const tables = db
      .prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .get() as number;
    if (version === 0 && tables > 0) {
      throw new StoreError('a SQLite database, but not a qingqun one', path, { problem: 'notQingqun' });
    }
    if (version === 0 && !memory && (readonly || options.mustExist)) {
      throw new StoreError('an empty database: nothing recorded or imported yet', path, { problem: 'empty' });
    }
    if (version > MIGRATIONS.length) {
      throw new StoreError(
        `database schema version ${version} is newer than this qingqun (${MIGRATIONS.length}); upgrade qingqun`,
        path,
        { problem: 'newerSchema' },
      );
    }
  } catch (error) {
    db.close();
    throw classify(error, path);
  }
  if (readonly && version < MIGRATIONS.length) {
    // Bring the schema up to date once through a writer, then read through a read-only connection.
    db.close();
    try {
      openDatabase(path, { mustExist: true }).close();
    } catch (error) {
      throw new StoreError(
        `schema version ${version} needs migrating to ${MIGRATIONS.length}, which needs write access once`,
        path,
        { problem: 'needsUpgrade', cause: error },
      );
    }
    return openDatabase(path, { readonly: true });
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Every connection overwrites what it deletes or moves (docs/PRIVACY.md, "Erasure leaves no bytes"):
  // without it, a contact's old name, an updated row or a purged text stays readable in free space
  // of B-tree pages and on the freelist, whoever deleted it.
  db.pragma('secure_delete = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache instead of SQLite's 2 MB: the message indexes of a large store no longer
    // fit in 2 MB, and every insert then reads and writes index pages through the OS (plain insert
    // of 1M rows: 26k → 36k rows/s). Only writers get it; the memory is taken as pages are used.
    db.pragma('cache_size = -65536');
    migrate(db, path);
    if (!memory && ((permissionBits(path) ?? 0) & 0o077) === 0) {
      restrictToOwner(`${path}-wal`);
      restrictToOwner(`${path}-shm`);
    }
  }
  return db;
}

/** Largest WAL database read into memory when its directory is read-only (see openWalSnapshot). */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

/**
 * A read-only WAL database whose directory this user cannot write, without its -shm file: SQLite
 * cannot open it (it must create the -shm). No process has it open either (one would have made the
 * -shm), so when there is no -wal with pending pages the file alone is the whole database: it is
 * read into memory, its header marked as a rollback-journal database (in memory only; the file is
 * untouched) and opened from there. Otherwise, or past MAX_SNAPSHOT_BYTES, `problem` stands.
 */
function openWalSnapshot(path: string, problem: StoreError): Db {
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  const size = statSync(path).size;
  if ((wal && wal.size > 0) || size > MAX_SNAPSHOT_BYTES) throw problem;
  const bytes = readFileSync(path);
  // Bytes 18 and 19 of the header: file format write/read versions, 2 = WAL, 1 = legacy.
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  try {
    return new Database(bytes, { readonly: true });
  } catch {
    throw problem;
  }
}

/** Checks the path before SQLite sees it; creates a private empty file when that is allowed. */
function prepareFile(path: string, mustExist: boolean): void {
  let stat: Stats | undefined;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new StoreError(`cannot open database: ${(error as Error).message}`, path, { cause: error });
  }
  if (stat && !stat.isFile()) {
    throw new StoreError('not a database file (a directory or a device)', path, { problem: 'notFile' });
  }
  if (stat) return;
  if (mustExist) throw new StoreError('no database here', path, { problem: 'missing' });
  try {
    makeDirectory(dirname(path));
    createPrivateFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new StoreError(`cannot create database: ${(error as Error).message}`, path, { cause: error });
  }
}

/** A StoreError for what better-sqlite3 or the checks above threw. */
function classify(error: unknown, path: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB') {
    return new StoreError('not a SQLite database', path, { problem: 'notDatabase', cause: error });
  }
  // With a -wal but no -shm beside it, SQLite says only "unable to open": the same problem.
  const walWithoutShm =
    code === 'SQLITE_CANTOPEN' &&
    statSync(`${path}-wal`, { throwIfNoEntry: false }) !== undefined &&
    statSync(`${path}-shm`, { throwIfNoEntry: false }) === undefined;
  if (code === 'SQLITE_READONLY_DIRECTORY' || walWithoutShm) {
    return new StoreError('a WAL database in a read-only directory without its -shm file', path, {
      problem: 'readOnlyWal',
      cause: error,
    });
  }
  return new StoreError(`cannot open database: ${message}`, path, { cause: error });
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
