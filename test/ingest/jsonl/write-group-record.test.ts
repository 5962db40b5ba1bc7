import { afterEach, describe, expect, it } from 'vitest';
import { createInterchangeSchemas, type ValidGroup } from '../../../src/ingest/jsonl/interchange-schemas.js';
import { writeGroupRecord } from '../../../src/ingest/jsonl/write-group-record.js';
import type { Store } from '../../../src/store/store.js';
import { openTempStore } from '../../fixtures/temp-store.js';
import { NOW } from './interchange-lines.js';

const schemas = createInterchangeSchemas({ now: NOW });
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function group(overrides: Partial<ValidGroup> = {}): ValidGroup {
  return schemas.group.parse({
    kind: 'group',
    id: 'g-1',
    name: '街道党建工作群',
    ownerId: 'u-1',
    memberIds: ['u-1', 'u-2'],
    createdAt: '2025-03-02T10:00:00+08:00',
    ...overrides,
  });
}

function snapshots(store: Store) {
  return store.db
    .prepare('SELECT taken_at AS takenAt, member_count AS count FROM membership_snapshots ORDER BY id')
    .all();
}

describe('writeGroupRecord', () => {
  it('stays a duplicate when a later roster has been recorded since', () => {
    const store = openTempStore();
    stores.push(store);
    expect(writeGroupRecord(store, group(), NOW)).toBe('imported');
    store.snapshots.record('g-1', NOW - 1000, ['u-1', 'u-2', 'u-3']); // the bot saw a newcomer later
    expect(writeGroupRecord(store, group({ memberIds: ['u-2', 'u-1', 'u-1'] }), NOW)).toBe('duplicate');
    expect(snapshots(store)).toHaveLength(2);
  });

  it('records a changed roster or description as an update', () => {
    const store = openTempStore();
    stores.push(store);
    writeGroupRecord(store, group(), NOW);
    expect(writeGroupRecord(store, group({ memberIds: ['u-1'] }), NOW)).toBe('updated');
    expect(writeGroupRecord(store, group({ memberIds: ['u-1'], name: '党建群' }), NOW)).toBe('updated');
    expect(writeGroupRecord(store, group({ memberIds: ['u-1'], name: '党建群' }), NOW)).toBe('duplicate');
    expect(snapshots(store)).toEqual([
      { takenAt: Date.UTC(2025, 2, 2, 2), count: 2 },
      { takenAt: Date.UTC(2025, 2, 2, 2), count: 1 },
    ]);
  });

  it('dates the roster of a group without createdAt at "now", once', () => {
    const store = openTempStore();
    stores.push(store);
    expect(writeGroupRecord(store, group({ createdAt: null }), NOW)).toBe('imported');
    expect(writeGroupRecord(store, group({ createdAt: undefined }), NOW + 3_600_000)).toBe('duplicate');
    expect(snapshots(store)).toEqual([{ takenAt: NOW, count: 2 }]);
  });

  it('keeps an empty roster as an empty snapshot, once', () => {
    const store = openTempStore();
    stores.push(store);
    expect(writeGroupRecord(store, group({ memberIds: [] }), NOW)).toBe('imported');
    expect(writeGroupRecord(store, group({ memberIds: [] }), NOW)).toBe('duplicate');
    expect(snapshots(store)).toEqual([{ takenAt: Date.UTC(2025, 2, 2, 2), count: 0 }]);
  });
});
