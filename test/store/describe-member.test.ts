import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { Store } from '../../src/store/store.js';
import { memberStore, T0 } from './member-privacy-fixture.js';

const config = configSchema.parse({});
const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('describeMember', () => {
  it('tells a member everything stored about them, as counts', () => {
    const s = memberStore('notices');
    open.push(s);
    const d = s.privacy.describe('u-lina', config);
    expect(d).toMatchObject({
      contactId: 'u-lina',
      known: true,
      name: '李娜',
      unit: '东湖社区',
      optedOutAt: null,
      forgottenAt: null,
      mentionedIn: 1,
      outgoing: 1,
      policy: { keepText: 'notices', textDays: 30, recordDays: 365 },
    });
    expect(d.groups).toEqual([
      { id: 'g-2', name: '东湖社区工作群', member: true, owner: false, messages: 3 },
      { id: 'g-1', name: '街道党建工作群', member: true, owner: false, messages: 1 },
    ]);
    expect(d.messages).toEqual({
      total: 4,
      byType: { file: 1, recalled: 1, text: 2 },
      byClass: { ack: 1, none: 2, notice: 1 },
      // The notice keeps its text; the acknowledgement does not; a recall's id is not text.
      withText: 1,
      firstAt: T0 + 60_000,
      lastAt: T0 + 200_000,
    });
  });

  it('shows an owner their groups, and says when nothing is stored', () => {
    const s = memberStore();
    open.push(s);
    expect(s.privacy.describe('u-wang', config).groups.map((g) => [g.id, g.owner, g.messages])).toEqual([
      ['g-1', true, 2],
    ]);
    const nobody = s.privacy.describe('u-nobody', config);
    expect(nobody).toMatchObject({ known: false, name: null, groups: [], mentionedIn: 0 });
    expect(nobody.messages.total).toBe(0);
  });
});
