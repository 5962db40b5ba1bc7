import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/model/group.js';
import { recommendationEffects, type WeekBurden } from '../../src/recommend/recommendation-effect.js';
import type { GroupFacts } from '../../src/store/groups.js';
import type { RecommendationStatusRow } from '../../src/store/recommendations.js';

const people = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `p${i + from}`);
const T0 = Date.parse('2026-11-23T00:00:00+08:00');
const WEEK = 7 * 86_400_000;

function burden(i: number, messages: Record<string, number>, members: Record<string, string[]>): WeekBurden {
  return {
    week: `2026-W${47 + i}`,
    to: T0 + i * WEEK,
    messages: new Map(Object.entries(messages)),
    acks: new Map([['A', 5 - i]]),
    // One notice a week reaches both A and B while both are alive.
    clusters: [
      new Map(
        Object.keys(messages)
          .filter((g) => messages[g] ?? 0)
          .map((g) => [g, 1]),
      ),
    ],
    members: new Map(Object.entries(members)),
  };
}

const facts = (id: string, dissolvedAtSnapshot?: number): GroupFacts => ({
  ...({ id, name: `群${id}`, ownerId: null, unit: null, createdAt: 0, firstSeen: 0, lastSeen: 0 } as Group),
  snapshots:
    dissolvedAtSnapshot === undefined
      ? [{ takenAt: 1, members: 10 }]
      : [
          { takenAt: 1, members: 10 },
          { takenAt: dissolvedAtSnapshot, members: 0 },
        ],
  botLeaves: [],
});

const row = (id: string, kind: string, groupIds: string[], week = '2026-W47'): RecommendationStatusRow => ({
  id,
  kind,
  groupIds,
  status: 'accepted',
  week,
  updatedAt: 0,
});

describe('the effect of accepted recommendations', () => {
  const members = { A: people(10), B: people(10, 2), Z: people(8, 20) };
  it('a merge whose merged-away group went quiet is carried out, with the burden before and after', () => {
    const weeks = [
      burden(0, { A: 40, B: 30 }, members),
      burden(1, { A: 45, B: 0 }, members),
      burden(2, { A: 44, B: 0 }, members),
    ];
    const [e] = recommendationEffects(
      [row('m1', 'merge', ['A', 'B'])],
      weeks,
      new Map([
        ['A', facts('A')],
        ['B', facts('B')],
      ]),
      5,
    );
    expect(e?.state).toBe('carried-out');
    expect(e?.before).toMatchObject({ week: '2026-W47', redundantCopies: 9, acks: 5, carriedOut: false });
    expect(e?.before?.messagesPerMember).toBeCloseTo(70 / 11, 1);
    expect(e?.after.map((w) => w.redundantCopies)).toEqual([0, 0]);
    expect(e?.after.every((w) => w.carriedOut)).toBe(true);
    expect(e?.groupNames).toEqual(['群A', '群B']);
  });

  it('accepted and still running two weeks later is not carried out; one week later it is pending', () => {
    const busy = [0, 1, 2].map((i) => burden(i, { A: 40, B: 30 }, members));
    const f = new Map([
      ['A', facts('A')],
      ['B', facts('B')],
    ]);
    expect(recommendationEffects([row('m1', 'merge', ['A', 'B'])], busy, f, 5)[0]?.state).toBe(
      'not-carried-out',
    );
    expect(recommendationEffects([row('m1', 'merge', ['A', 'B'])], busy.slice(0, 2), f, 5)[0]?.state).toBe(
      'pending',
    );
  });

  it('an archive is carried out when the group is dissolved, not merely quiet', () => {
    const weeks = [0, 1, 2].map((i) => burden(i, { A: 10 }, members));
    const quiet = recommendationEffects([row('z', 'archive', ['Z'])], weeks, new Map([['Z', facts('Z')]]), 5);
    expect(quiet[0]?.state).toBe('not-carried-out');
    const gone = recommendationEffects(
      [row('z', 'archive', ['Z'])],
      weeks,
      new Map([['Z', facts('Z', T0 + 86_400_000)]]),
      5,
    );
    expect(gone[0]?.state).toBe('carried-out');
    expect(gone[0]?.after[0]?.carriedOut).toBe(true);
  });

  it('hide messages per member for fewer than minPeople people, and skip what was not accepted', () => {
    const small = { A: people(2), B: people(2) };
    const weeks = [burden(0, { A: 4, B: 4 }, small), burden(1, { A: 4, B: 0 }, small)];
    const out = recommendationEffects(
      [row('m1', 'merge', ['A', 'B']), { ...row('m2', 'merge', ['A', 'B']), status: 'dismissed' }],
      weeks,
      new Map(),
      5,
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.before?.messagesPerMember).toBeNull();
  });
});
