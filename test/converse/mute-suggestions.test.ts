import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { cadreGroups } from '../../src/converse/cadre-groups.js';
import { muteSuggestions } from '../../src/converse/mute-suggestions.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';
import { craftOrg, NOTICES, post } from './fixtures/craft-org.js';

const config = configSchema.parse({});
const C = 'u-c';
const others = ['u-1', 'u-2', 'u-3', 'u-4', 'u-5', 'u-6'];
const at = (iso: string) => Date.parse(`${iso}+08:00`);
const W46 = at('2026-11-10T10:00:00');
const W41 = at('2026-10-06T10:00:00');

let store: Store;

beforeAll(() => {
  store = openTempStore();
  const group = (id: string, members = others.slice(0, 5), ownerId: string | null = 'u-1') => ({
    id,
    name: id.replace('g-', '群'),
    ownerId,
    members: [C, ...members],
  });
  craftOrg(store, {
    at: at('2026-09-01T08:00:00'),
    contacts: { [C]: '陈晨', ...Object.fromEntries(others.map((o, i) => [o, `同事${i + 1}`])) },
    groups: [
      group('g-big', others),
      group('g-relay'),
      group('g-unique'),
      group('g-pairA'),
      group('g-pairB'),
      group('g-own', others.slice(0, 5), C),
      group('g-quiet'),
      group('g-tiny', ['u-1', 'u-2']),
      group('g-muted'),
      group('g-alsoY'),
      group('g-x'),
      { id: 'g-foreign', name: '外部群', ownerId: 'u-1', members: others },
      group('g-old'),
    ],
  });
  const both = (text: string, time: number, ...groups: string[]) =>
    groups.map((g, i) => post(g, 'u-1', time + i * 60_000, text));
  store.messages.insertMany([
    ...both(NOTICES[0] as string, W46, 'g-big', 'g-relay', 'g-old'),
    ...both(NOTICES[1] as string, W46 + 3_600_000, 'g-big', 'g-relay'),
    ...both(NOTICES[2] as string, W46, 'g-unique'),
    ...both(NOTICES[3] as string, W46 + 7_200_000, 'g-unique', 'g-big'),
    ...both(NOTICES[4] as string, W46, 'g-pairA', 'g-pairB'),
    ...both(NOTICES[5] as string, W46 + 10_000_000, 'g-own', 'g-big'),
    ...['收到', '好的', '明白'].map((t, i) => post('g-quiet', 'u-2', W46 + i * 60_000, t)),
    ...both(NOTICES[6] as string, W46 + 20_000_000, 'g-tiny', 'g-big'),
    ...both(NOTICES[7] as string, W46, 'g-muted', 'g-alsoY'),
    ...both(NOTICES[8] as string, W46, 'g-x', 'g-foreign'),
    ...both(NOTICES[9] as string, W41, 'g-old'),
  ]);
  store.preferences.mute(C, ['g-muted'], W46);
});

afterAll(() => store.close());

describe('muteSuggestions (the mute-safety rule)', () => {
  it('suggests exactly the groups whose every notice reached the cadre in a kept group', () => {
    const result = muteSuggestions(store, config, C, '2026-W46');
    expect(result.weeks).toEqual(['2026-W43', '2026-W44', '2026-W45', '2026-W46']);
    const ids = result.suggestions.map((s) => s.groupId);
    expect(ids.sort()).toEqual(['g-old', 'g-pairA', 'g-quiet', 'g-relay', 'g-tiny']);
    expect(result).toMatchObject({ unsafe: 5, owned: 1, muted: 1 });
  });

  it.each([
    ['g-unique', 'a notice posted there only'],
    ['g-x', 'a notice whose other copy went to a group the cadre is not in'],
    ['g-alsoY', 'a notice whose other copy went only to a group already muted'],
    ['g-pairB', 'a notice whose only other copy is in a group suggested before it'],
    ['g-big', 'notices whose other copies are all in groups suggested before it'],
    ['g-own', 'a group the cadre owns'],
    ['g-muted', 'a group already muted'],
  ])('never suggests %s (%s)', (groupId) => {
    const ids = muteSuggestions(store, config, C, '2026-W46').suggestions.map((s) => s.groupId);
    expect(ids).not.toContain(groupId);
  });

  it('explains where the notices reach the cadre instead, and hides figures of small groups', () => {
    const { suggestions } = muteSuggestions(store, config, C, '2026-W46');
    const relay = suggestions.find((s) => s.groupId === 'g-relay');
    expect(relay).toMatchObject({ notices: 2, hidden: false });
    expect(relay?.coveredBy.map((c) => c.groupId)).toContain('g-big');
    expect(suggestions.find((s) => s.groupId === 'g-tiny')?.hidden).toBe(true);
    expect(suggestions.find((s) => s.groupId === 'g-quiet')).toMatchObject({ notices: 0, messages: 3 });
  });

  it('looks back over the configured number of weeks: an old unique notice counts when inside it', () => {
    const four = muteSuggestions(store, config, C, '2026-W46', { weeks: 4 }).suggestions;
    const six = muteSuggestions(store, config, C, '2026-W46', { weeks: 6 }).suggestions;
    expect(four.map((s) => s.groupId)).toContain('g-old');
    expect(six.map((s) => s.groupId)).not.toContain('g-old');
  });

  it('counts notices that also reached the cadre in any other group of theirs', () => {
    const groups = new Map(cadreGroups(store, config, C, '2026-W46').groups.map((g) => [g.id, g]));
    expect(groups.has('g-foreign')).toBe(false);
    expect(groups.get('g-alsoY')).toMatchObject({ alsoElsewhere: 1, muted: false });
    expect(groups.get('g-x')).toMatchObject({ alsoElsewhere: 0 });
    expect(groups.get('g-unique')?.notices.length).toBe(2);
    expect(groups.get('g-unique')?.alsoElsewhere).toBe(1);
    expect(groups.get('g-own')?.owned).toBe(true);
  });

  it('a stranger has no groups and no suggestions', () => {
    expect(muteSuggestions(store, config, 'u-nobody', '2026-W46').suggestions).toEqual([]);
    expect(cadreGroups(store, config, 'u-nobody', '2026-W46').groups).toEqual([]);
  });
});
