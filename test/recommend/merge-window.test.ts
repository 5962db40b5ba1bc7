import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/model/message.js';
import { recommend } from '../../src/recommend/recommend.js';
import { summariseWeekEvidence, type WeekEvidence } from '../../src/recommend/week-evidence.js';
import { cluster, craftWeek, type GroupSpec, msg, noticeText, people } from './fixtures/crafted-week.js';

/** The same notice in each group, five minutes apart, on day `day` of the week. */
function sameNotice(groups: string[], day: number): StoredMessage[] {
  const text = noticeText();
  return groups.map((group, i) =>
    msg({ group, from: 'p01', text, at: `11-${16 + day} 10:${String(i * 5).padStart(2, '0')}` }),
  );
}

function chat(group: string, n = 6): StoredMessage[] {
  return Array.from({ length: n }, (_, i) =>
    msg({
      group,
      from: `p0${(i % 5) + 2}`,
      text: `第${i}件小事`,
      at: `11-17 11:${String(i).padStart(2, '0')}`,
    }),
  );
}

function own(group: string, n: number): StoredMessage[] {
  return Array.from({ length: n }, (_, i) =>
    msg({ group, from: 'p01', text: noticeText(), at: `11-18 ${String(9 + i).padStart(2, '0')}:30` }),
  );
}

const twins: GroupSpec[] = [
  { id: 'A', owner: 'oA', members: people(1, 20) },
  { id: 'B', owner: 'oB', members: [...people(1, 19), 'q01'] },
];

/** A week's evidence summary built from crafted messages (shared notices become clusters). */
function evidence(groups: GroupSpec[], copies: StoredMessage[][], extra: StoredMessage[] = []): WeekEvidence {
  const week = craftWeek(groups, [...copies.flat(), ...extra], {
    duplicates: copies.filter((c) => c.length > 1).map(cluster),
  });
  return summariseWeekEvidence(week.data, week.findings, week.config.recommend);
}

function kinds(
  groups: GroupSpec[],
  messages: StoredMessage[],
  earlier: WeekEvidence[],
  config: Record<string, unknown> = {},
  copies: StoredMessage[][] = [],
): string[] {
  const week = craftWeek(
    groups,
    [...messages, ...copies.flat()],
    { duplicates: copies.map(cluster) },
    config,
  );
  return recommend({ ...week, earlier })
    .map((r) => `${r.kind}${r.evidence.basis ? `:${r.evidence.basis}` : ''} ${r.groupIds.join('+')}`)
    .filter((k, i, all) => all.indexOf(k) === i)
    .sort();
}

describe('merge and relay advice judge a window of weeks', () => {
  const quietWeek = [...chat('A'), ...chat('B'), ...own('A', 1), ...own('B', 0)];

  it('twins that shared notices in earlier weeks are a merge even in a week without a shared one', () => {
    const before = [evidence(twins, [sameNotice(['A', 'B'], 0), sameNotice(['A', 'B'], 1)], chat('A'))];
    // This week A got one notice of its own: alone, one week says "no merge"…
    expect(kinds(twins, quietWeek, [])).toEqual([]);
    // …but over the window 2 of A's 3 notices reached both.
    expect(kinds(twins, quietWeek, before)).toEqual(['merge A+B']);
    // windowWeeks 1 judges this week only.
    expect(kinds(twins, quietWeek, before, { recommend: { windowWeeks: 1 } })).toEqual([]);
  });

  it('cites the window and this week side by side', () => {
    const before = [evidence(twins, [sameNotice(['A', 'B'], 0), sameNotice(['A', 'B'], 1)], chat('B'))];
    const week = craftWeek(twins, quietWeek);
    const merge = recommend({ ...week, earlier: before }).find((r) => r.kind === 'merge');
    expect(merge?.evidence.figures).toMatchObject({ sharedNotices: 2, weekSharedNotices: 0, windowWeeks: 2 });
    // Redundant copies per week: 2 notices × 19 shared members over 2 weeks.
    expect(merge?.evidence.figures.redundantCopies).toBe(19);
    expect(merge?.magnitude).toBe(2);
  });

  it('near-identical active groups with no notice telling them apart are a merge', () => {
    expect(kinds(twins, [...chat('A'), ...chat('B')], [])).toEqual(['merge A+B']);
    // One of them silent for the whole window: not both active, no advice.
    expect(kinds(twins, chat('A'), [])).toEqual([]);
  });

  it('twins with notices of their own over the window are not a merge (hard negative)', () => {
    const before = [evidence(twins, [sameNotice(['A', 'B'], 0)], [...own('A', 3), ...own('B', 3)])];
    expect(kinds(twins, [...own('A', 2), ...own('B', 2)], before)).toEqual([]);
  });

  it('a large group that merely contains a small one is not a merge, however many notices they share', () => {
    const groups: GroupSpec[] = [
      { id: 'ALL', owner: 'o1', members: people(1, 60) },
      { id: 'TEAM', owner: 'o2', members: people(1, 12) },
    ];
    const copies = [0, 1, 2].map((d) => sameNotice(['ALL', 'TEAM'], d));
    const before = [
      evidence(
        groups,
        [0, 1].map((d) => sameNotice(['ALL', 'TEAM'], d)),
      ),
    ];
    const got = kinds(groups, [...chat('ALL'), ...chat('TEAM'), ...own('ALL', 2)], before, {}, copies);
    expect(got.filter((k) => k.startsWith('merge'))).toEqual([]);
  });

  it('a relay with one notice a week is found over the window', () => {
    const groups: GroupSpec[] = [
      { id: 'HOST', owner: 'o1', members: people(1, 30) },
      { id: 'GRID', owner: 'o2', members: people(1, 10) },
    ];
    const week = [sameNotice(['HOST', 'GRID'], 1)];
    const messages = [...chat('HOST'), ...chat('GRID'), ...own('HOST', 3)];
    expect(kinds(groups, messages, [], {}, week)).toEqual([]);
    const before = [evidence(groups, [sameNotice(['HOST', 'GRID'], 2)], own('HOST', 2))];
    expect(kinds(groups, messages, before, {}, week)).toEqual(['archive:relay GRID']);
    // A notice of its own in an earlier week shows it has a purpose of its own.
    const own2 = [evidence(groups, [sameNotice(['HOST', 'GRID'], 2)], own('GRID', 1))];
    expect(kinds(groups, messages, own2, {}, week)).toEqual([]);
  });
});
