import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/store.js';
import { messageInput, tempStorePath } from '../fixtures/temp-store.js';

afterEach(() => {
  vi.useRealTimers();
});

const autocheckpoint = (s: Store) => s.db.pragma('wal_autocheckpoint', { simple: true });

describe('Store.checkpointInBackground', () => {
  it('keeps checkpoints off the commit path and runs them on a timer until close', () => {
    vi.useFakeTimers();
    const store = new Store(tempStorePath());
    store.groups.upsert({
      id: 'g-1@chatroom',
      name: '群',
      ownerId: null,
      unit: null,
      createdAt: null,
      seenAt: 0,
    });
    expect(autocheckpoint(store)).toBe(1000);
    store.maintenance.checkpointInBackground({ intervalMs: 1000, backstopPages: 5000 });
    store.maintenance.checkpointInBackground(); // a second call changes nothing
    expect(autocheckpoint(store)).toBe(5000);
    expect(vi.getTimerCount()).toBe(1);

    const pragma = vi.spyOn(store.db, 'pragma');
    store.messages.insert(messageInput({ id: 'm-1' }));
    expect(pragma).not.toHaveBeenCalledWith('wal_checkpoint(PASSIVE)');
    vi.advanceTimersByTime(1000);
    expect(pragma).toHaveBeenCalledWith('wal_checkpoint(PASSIVE)');

    store.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000); // nothing runs on the closed database
  });

  it('stops when asked, restoring SQLite’s automatic checkpoint', () => {
    vi.useFakeTimers();
    const store = new Store(tempStorePath());
    const stop = store.maintenance.checkpointInBackground();
    stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(autocheckpoint(store)).toBe(1000);
    store.close();
  });
});

describe('Store.maintenance.raiseCacheSize', () => {
  const cacheSize = (s: Store) => s.db.pragma('cache_size', { simple: true });

  it('raises a writer’s page cache for a bulk write and restores it', () => {
    const store = new Store(tempStorePath());
    expect(cacheSize(store)).toBe(-65536);
    const restore = store.maintenance.raiseCacheSize(512 * 1024);
    expect(cacheSize(store)).toBe(-524288);
    restore();
    expect(cacheSize(store)).toBe(-65536);
    store.close();
    restore(); // after close: nothing to restore, no error
  });

  it('never lowers it, also when the cache is given in pages', () => {
    const store = new Store(tempStorePath());
    expect(store.maintenance.raiseCacheSize(1024)).toBeTypeOf('function');
    expect(cacheSize(store)).toBe(-65536);
    store.db.pragma('cache_size = 100000'); // pages of 4 KiB: ~390 MB
    const restore = store.maintenance.raiseCacheSize(256 * 1024);
    expect(cacheSize(store)).toBe(100000);
    restore();
    expect(cacheSize(store)).toBe(100000);
    store.close();
  });
});
