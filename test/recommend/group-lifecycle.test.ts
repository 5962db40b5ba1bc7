import { describe, expect, it } from 'vitest';
import { bornAt, dissolvedAt, existsAt } from '../../src/recommend/group-lifecycle.js';
import type { GroupFacts } from '../../src/store/groups.js';

const T = (day: number) => Date.UTC(2026, 10, day);

function facts(over: Partial<GroupFacts> = {}): GroupFacts {
  return {
    id: 'g',
    name: 'g',
    ownerId: 'o',
    unit: null,
    createdAt: T(1),
    firstSeen: T(1),
    lastSeen: T(1),
    snapshots: [{ takenAt: T(1), members: 10 }],
    botLeaves: [],
    ...over,
  };
}

describe('group lifecycle', () => {
  it('is born at its creation, or when first seen if that is earlier or creation is unknown', () => {
    expect(bornAt(facts({ createdAt: T(3), firstSeen: T(5) }))).toBe(T(3));
    expect(bornAt(facts({ createdAt: null, firstSeen: T(5) }))).toBe(T(5));
    expect(bornAt(facts({ createdAt: T(9), firstSeen: T(5) }))).toBe(T(5));
  });

  it.each([
    ['a group with a roster is alive', facts(), T(20), null],
    [
      'a roster gone empty dissolves it',
      facts({
        snapshots: [
          { takenAt: T(1), members: 10 },
          { takenAt: T(10), members: 0 },
        ],
      }),
      T(20),
      T(10),
    ],
    [
      '…but not before the empty roster was recorded',
      facts({
        snapshots: [
          { takenAt: T(1), members: 10 },
          { takenAt: T(10), members: 0 },
        ],
      }),
      T(9),
      null,
    ],
    [
      'a group that was always empty is not "dissolved"',
      facts({ snapshots: [{ takenAt: T(1), members: 0 }] }),
      T(20),
      null,
    ],
    [
      'a roster that filled again is alive',
      facts({
        snapshots: [
          { takenAt: T(1), members: 10 },
          { takenAt: T(10), members: 0 },
          { takenAt: T(12), members: 3 },
        ],
      }),
      T(20),
      null,
    ],
    [
      'the bot leaving dissolves it',
      facts({ botLeaves: [{ time: T(8), nextActivityAt: null }] }),
      T(20),
      T(8),
    ],
    [
      'the bot back before the cutoff: alive',
      facts({ botLeaves: [{ time: T(8), nextActivityAt: T(11) }] }),
      T(20),
      null,
    ],
    [
      'the bot back only after the cutoff: dissolved then',
      facts({ botLeaves: [{ time: T(8), nextActivityAt: T(25) }] }),
      T(20),
      T(8),
    ],
    [
      'left, came back, left again',
      facts({
        botLeaves: [
          { time: T(8), nextActivityAt: T(9) },
          { time: T(14), nextActivityAt: null },
        ],
      }),
      T(20),
      T(14),
    ],
  ])('%s', (_, g, cutoff, expected) => {
    expect(dissolvedAt(g, cutoff)).toBe(expected);
  });

  it('exists between birth and dissolution only', () => {
    const g = facts({ createdAt: T(5), firstSeen: T(5), botLeaves: [{ time: T(15), nextActivityAt: null }] });
    expect([T(4), T(6), T(16)].map((t) => existsAt(g, t))).toEqual([false, true, false]);
  });
});
