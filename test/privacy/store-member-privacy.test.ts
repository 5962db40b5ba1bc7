import { afterEach, describe, expect, it } from 'vitest';
import { storeMemberPrivacy } from '../../src/app/member-privacy.js';
import { configSchema } from '../../src/config/schema.js';
import type { Store } from '../../src/store/store.js';
import { memberStore, T0 } from '../store/member-privacy-fixture.js';

const config = configSchema.parse({});
const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('storeMemberPrivacy (退出记录 / 恢复记录 / 我的数据)', () => {
  it('opts out and in once each, and describes only the member asked about', () => {
    const s = memberStore('notices');
    open.push(s);
    const privacy = storeMemberPrivacy(s, config);
    expect(privacy.describeMember('u-lina')).toEqual({
      contact: { name: '李娜', unit: '东湖社区' },
      optedOutSince: null,
      groups: 2,
      messages: 4,
      messagesWithText: 1,
      firstMessageAt: T0 + 60_000,
      lastMessageAt: T0 + 200_000,
    });
    expect(privacy.optOut('u-lina', T0 + 5)).toBe(true);
    expect(privacy.optOut('u-lina', T0 + 6)).toBe(false);
    expect(privacy.describeMember('u-lina').optedOutSince).toBe(T0 + 5);
    expect(privacy.describeMember('u-wang').optedOutSince).toBeNull();
    expect(privacy.optIn('u-lina', T0 + 7)).toBe(true);
    expect(privacy.optIn('u-lina', T0 + 8)).toBe(false);
    expect(privacy.describeMember('u-nobody')).toMatchObject({ contact: null, groups: 0, messages: 0 });
  });
});
