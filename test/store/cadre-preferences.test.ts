import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CadrePreferences } from '../../src/store/preferences.js';
import { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';

let store: Store;
let prefs: CadrePreferences;

beforeEach(() => {
  store = openTempStore();
  prefs = store.preferences;
});
afterEach(() => store.close());

describe('CadrePreferences', () => {
  it('keeps each cadre’s muted groups apart and reports what changed', () => {
    expect(prefs.mute('u-a', ['g-2', 'g-1'], 1)).toEqual(['g-2', 'g-1']);
    expect(prefs.mute('u-a', ['g-1', 'g-3'], 2)).toEqual(['g-3']);
    prefs.mute('u-b', ['g-9'], 1);
    expect(prefs.mutedGroups('u-a')).toEqual(['g-1', 'g-2', 'g-3']);
    expect(prefs.unmute('u-a', ['g-2', 'g-9'])).toEqual(['g-2']);
    expect(prefs.mutedGroups('u-a')).toEqual(['g-1', 'g-3']);
    expect(prefs.mutedGroups('u-b')).toEqual(['g-9']);
  });

  it('subscribes once, remembers how far the digest went (never backwards), and unsubscribes', () => {
    expect(prefs.subscribe('u-a', 100)).toBe(true);
    expect(prefs.subscribe('u-a', 200)).toBe(false);
    expect(prefs.subscription('u-a')).toEqual({ contactId: 'u-a', subscribedAt: 100, lastSentUntil: null });
    prefs.recordDigestSent('u-a', 500);
    prefs.recordDigestSent('u-a', 400);
    expect(prefs.subscription('u-a')?.lastSentUntil).toBe(500);
    prefs.subscribe('u-b', 1);
    expect(prefs.subscribers().map((s) => s.contactId)).toEqual(['u-a', 'u-b']);
    expect(prefs.unsubscribe('u-a')).toBe(true);
    expect(prefs.unsubscribe('u-a')).toBe(false);
    expect(prefs.subscription('u-a')).toBeUndefined();
  });

  it('saves the last listing and forgets everything about one contact only', () => {
    prefs.saveListing('u-a', ['g-2', 'g-1'], 1);
    prefs.saveListing('u-a', ['g-3', 'g-2', 'g-1'], 2);
    expect(prefs.listing('u-a')).toEqual(['g-3', 'g-2', 'g-1']);
    prefs.mute('u-a', ['g-1'], 1);
    prefs.subscribe('u-a', 1);
    prefs.mute('u-b', ['g-1'], 1);
    prefs.forget('u-a');
    expect([prefs.listing('u-a'), prefs.mutedGroups('u-a'), prefs.subscription('u-a')]).toEqual([
      undefined,
      [],
      undefined,
    ]);
    expect(prefs.mutedGroups('u-b')).toEqual(['g-1']);
  });

  it('survives a reopen', () => {
    prefs.mute('u-a', ['g-1'], 1);
    const path = store.path;
    store.close();
    store = new Store(path);
    expect(store.preferences.mutedGroups('u-a')).toEqual(['g-1']);
  });
});
