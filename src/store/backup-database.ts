import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createPrivateFile, restrictToOwner } from '../platform/private-files.js';
import type { Store } from './store.js';
import { StoreError } from './store-error.js';

/**
 * A consistent online copy of the database (SQLite's backup API: readers and the bot's writes go on
 * meanwhile). Never overwrites: the copy is created here, mode 0600 (it holds everything the
 * database does), and a failed copy is removed. The copy is switched to rollback-journal mode so it
 * opens anywhere, read-only media included (a WAL database there needs its -shm file).
 * Errors name the destination: StoreError 'exists', or 'open' with the file system's cause.
 */
export async function backupDatabase(store: Store, destination: string): Promise<{ pages: number }> {
  try {
    createPrivateFile(destination);
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new StoreError(exists ? 'backup target exists' : 'cannot create backup', destination, {
      problem: exists ? 'exists' : 'open',
      cause: error,
    });
  }
  try {
    const result = await store.db.backup(destination);
    const copy = new Database(destination);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    restrictToOwner(destination);
    return { pages: result.totalPages };
  } catch (error) {
    rmSync(destination, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(destination + suffix, { force: true });
    throw error;
  }
}
