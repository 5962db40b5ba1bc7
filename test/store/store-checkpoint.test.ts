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
