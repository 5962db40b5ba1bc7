import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { resolveRoles } from '../../src/converse/resolve-roles.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';
import { craftOrg } from './fixtures/craft-org.js';

let store: Store;
const config = configSchema.parse({
  org: {
    supervisors: [{ id: 'u-sup', units: ['党政办'] }],
    ownerOverrides: { 'g-b': 'u-owner', 'g-c': 'u-new' },
  },
});

beforeAll(() => {
  store = openTempStore();
  const t = Date.parse('2026-11-01T08:00:00+08:00');
  craftOrg(store, {
    at: t,
    contacts: { 'u-owner': '王军', 'u-mem': '李娜', 'u-old': '张伟' },
    groups: [
      { id: 'g-a', name: '甲群', ownerId: 'u-owner', members: ['u-owner', 'u-mem'] },
      { id: 'g-b', name: '乙群', ownerId: null, members: ['u-mem'] },
      { id: 'g-c', name: '丙群', ownerId: 'u-old', members: ['u-old', 'u-mem'] },
    ],
  });
  // u-mem left g-a later: the latest roster decides.
  store.snapshots.record('g-a', t + 86_400_000, ['u-owner']);
});

afterAll(() => store.close());

describe('resolveRoles', () => {
  it.each([
    ['u-sup', ['supervisor'], [], []],
    ['u-owner', ['owner', 'member'], ['g-a', 'g-b'], ['g-a']],
    ['u-mem', ['member'], [], ['g-b', 'g-c']],
    // The override gives g-c to u-new, who is in no roster; u-old keeps membership, loses ownership.
    ['u-old', ['member'], [], ['g-c']],
    ['u-new', ['owner'], ['g-c'], []],
    ['u-stranger', [], [], []],
  ])('%s', (contactId, roles, owned, member) => {
    const r = resolveRoles(store, config, contactId);
    expect([...r.roles].sort()).toEqual([...roles].sort());
    expect(r.ownedGroupIds).toEqual(owned);
    expect(r.memberGroups.map((g) => g.id).sort()).toEqual(member);
  });

  it('takes the supervisor’s units from the configuration', () => {
    expect(resolveRoles(store, config, 'u-sup').supervisor).toEqual({ units: ['党政办'] });
    expect(resolveRoles(store, config, 'u-owner').supervisor).toBeNull();
  });
});
