import { existsSync } from 'node:fs';
import type { Store } from './store.js';
import { StoreError } from './store-error.js';

/**
 * A consistent online copy of the database (SQLite's backup API: readers and the bot's writes go on
 * meanwhile). Refuses to overwrite an existing file.
 */
export async function backupDatabase(store: Store, destination: string): Promise<{ pages: number }> {
  if (existsSync(destination)) throw new StoreError(`backup target exists: ${destination}`, store.path);
  const result = await store.db.backup(destination);
  return { pages: result.totalPages };
}
