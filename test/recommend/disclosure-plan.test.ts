import { describe, expect, it } from 'vitest';
import { type DisclosureCell, planDisclosure } from '../../src/recommend/disclosure-plan.js';

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const cells = (groups: Record<string, [string | null, number]>): DisclosureCell[] =>
  Object.entries(groups).map(([id, [unit, n]]) => ({
    groupId: id,
    unit,
    members: people(id, n),
    counted: true,
  }));
const hidden = (groups: Record<string, [string | null, number]>) =>
  [...planDisclosure(cells(groups), 5).hiddenGroups].sort();

describe('planDisclosure', () => {
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
    // Issue 13 item 1: the unit of a lone small group is hidden, and so is the group of the unit hidden
    // with it (it used to be shown, so total − other units − that group gave the small group away).
    [
      'a small group alone in its unit, and the group of the unit hidden with it',
      { a: ['U', 2], c: ['V', 30] },
      ['a', 'c'],
    ],
    ['a group without a roster counts as small', { a: ['U', 0], b: ['U', 12], c: ['U', 40] }, ['a', 'b']],
    [
      'groups without a unit form a unit of their own',
      { a: [null, 4], b: [null, 6], c: ['U', 4], d: ['U', 50] },
      ['a', 'b', 'c', 'd'],
    ],
  ] as [string, Record<string, [string | null, number]>, string[]][])('%s', (_, groups, expected) => {
    expect(hidden(groups)).toEqual(expected);
  });

  it('counts people once when the hidden groups share members', () => {
    const plan = planDisclosure(
      [
        { groupId: 'a', unit: 'U', members: ['p1', 'p2', 'p3'], counted: true },
        { groupId: 'b', unit: 'U', members: ['p1', 'p2', 'p3', 'p4'], counted: true },
        { groupId: 'c', unit: 'U', members: people('c', 30), counted: true },
      ],
      5,
    );
    expect([...plan.hiddenGroups].sort()).toEqual(['a', 'b', 'c']);
  });

  it('hides the smallest other unit with a small unit, with as few of its groups as it takes', () => {
    const plan = planDisclosure(cells({ a: ['U', 3], b: ['V', 6], c: ['V', 40], d: ['W', 9] }), 5);
    expect([...plan.hiddenUnits].sort()).toEqual(['U', 'V']);
    expect([...plan.hiddenGroups].sort()).toEqual(['a', 'b']);
    expect(plan.totalHidden).toBe(false);
  });

  it('hides the total when nothing else can protect a small unit', () => {
    const plan = planDisclosure(cells({ a: ['U', 3], b: ['U', 1] }), 5);
    expect(plan.totalHidden).toBe(true);
    expect(plan.unitHidden('U')).toBe(true);
  });
});
