/**
 * Why a database could not be used, for callers that explain it (the CLI's message catalogue):
 * - missing: no file at the path (and the caller asked for an existing one)
 * - notFile: the path is a directory or another non-file
 * - notDatabase: the file is not SQLite (or is encrypted or damaged at its header)
 * - notQingqun: a SQLite file with tables, but not qingqun's (never migrated into)
 * - empty: an empty database where an existing qingqun database was asked for
 * - newerSchema: written by a newer qingqun
 * - needsUpgrade: an older schema that this read-only opening cannot migrate
 * - readOnlyWal: a WAL database in a directory this user cannot write, without its -shm file, that
 *   cannot be read from a snapshot either (pending -wal pages, or too large)
 * - postgresUnsupported: a PostgreSQL URL given to a command that runs on SQLite only so far
 * - exists: a file that must not exist does (backup target)
 * - open: anything else while opening (the cause says what)
 */
export type StoreProblem =
  | 'missing'
  | 'notFile'
  | 'notDatabase'
  | 'notQingqun'
  | 'empty'
  | 'newerSchema'
  | 'needsUpgrade'
  | 'readOnlyWal'
  | 'postgresUnsupported'
  | 'exists'
  | 'open';

/** A store failure that names the database file, the kind of problem and its cause. */
export class StoreError extends Error {
  readonly problem: StoreProblem;

  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown; problem?: StoreProblem },
  ) {
    super(`${path}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.problem = options?.problem ?? 'open';
  }
}
