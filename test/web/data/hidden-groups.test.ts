import { describe, expect, it } from 'vitest';
import { hiddenGroups } from '../../../src/web/data/hidden-groups.js';

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('hiddenGroups', () => {
  it.each([
    ['every group of 5+ members in its unit is shown', { a: ['U', 8], b: ['U', 5], c: ['V', 20] }, []],
    [
      'a group of 3 and, to protect it from subtraction, the next smallest of its unit',
      { a: ['U', 3], b: ['U', 9], c: ['U', 30], d: ['V', 6] },
      ['a', 'b'],
    ],
    [
      'two small groups together covering 5+ people need no third',
      { a: ['U', 3], b: ['U', 4], c: ['U', 30] },
      ['a', 'b'],
    ],
    ['a small group alone in its unit', { a: ['U', 2], c: ['V', 30] }, ['a']],
    ['a group without a roster counts as small', { a: ['U', 0], b: ['U', 12], c: ['U', 40] }, ['a', 'b']],
    [
      'groups without a unit form a unit of their own',
      { a: [null, 4], b: [null, 6], c: ['U', 4], d: ['U', 50] },
      ['a', 'b', 'c', 'd'],
    ],
  ] as [string, Record<string, [string | null, number]>, string[]][])('%s', (_, groups, expected) => {
    const members = new Map(Object.entries(groups).map(([id, [, n]]) => [id, people(id, n)]));
    const units = new Map(Object.entries(groups).map(([id, [unit]]) => [id, unit]));
    expect([...hiddenGroups(members, units, 5)].sort()).toEqual(expected);
  });

  it('counts people once when the hidden groups share members', () => {
    const members = new Map([
      ['a', ['p1', 'p2', 'p3']],
      ['b', ['p1', 'p2', 'p3', 'p4']],
      ['c', people('c', 30)],
    ]);
    const units = new Map([...members.keys()].map((id) => [id, 'U']));
    expect([...hiddenGroups(members, units, 5)].sort()).toEqual(['a', 'b', 'c']);
  });
});
