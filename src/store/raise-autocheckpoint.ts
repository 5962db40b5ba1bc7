import type { Store } from './store.js';

/**
 * For a bulk write (an import): lets the WAL grow to `pages` before a commit checkpoints it, so the
 * checkpoint runs a few times per import instead of every ~1,000 pages. Returns the function that
 * restores the previous setting. A setting of 0 (checkpoints off, the owner checkpoints) is left alone.
 */
export function raiseAutocheckpoint(store: Store, pages: number): () => void {
  const previous = store.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (previous > 0) store.db.pragma(`wal_autocheckpoint = ${Math.max(previous, pages)}`);
  return () => {
    if (store.db.open) store.db.pragma(`wal_autocheckpoint = ${previous}`);
  };
}
