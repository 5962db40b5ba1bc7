import { describe, expect, it } from 'vitest';
import type { WeekFindings } from '../../src/analysis/registry.js';
import type { StoredMessage } from '../../src/model/message.js';
import { recommend } from '../../src/recommend/recommend.js';
import {
  type CraftedWeek,
  cluster,
  craftWeek,
  type GroupSpec,
  msg,
  noticeText,
  people,
} from './fixtures/crafted-week.js';

type Planted = Partial<Omit<WeekFindings, 'volume' | 'zombies' | 'overlaps'>>;

/** Posts the same notice in each group (in order, five minutes apart) and returns its cluster. */
function sameNotice(posts: [group: string, sender: string][], day: number, hour = 10): StoredMessage[] {
  const text = noticeText();
  return posts.map(([group, from], i) =>
    msg({
      group,
      from,
      text,
      at: `11-${String(16 + day).padStart(2, '0')} ${hour}:${String(i * 5).padStart(2, '0')}`,
    }),
  );
}

function ownNotices(group: string, from: string, count: number): StoredMessage[] {
  return Array.from({ length: count }, (_, i) =>
    msg({ group, from, text: noticeText(), at: `11-18 ${String(9 + i).padStart(2, '0')}:30` }),
  );
}

function chat(group: string, count: number, hour = 10, day = 17): StoredMessage[] {
  return Array.from({ length: count }, (_, i) =>
    msg({
      group,
      from: `p${String((i % 9) + 1).padStart(2, '0')}`,
      text: `第${i}件小事`,
      at: `11-${day} ${hour}:${String(i % 60).padStart(2, '0')}`,
    }),
  );
}

interface Case {
  name: string;
  build: () => { groups: GroupSpec[]; messages: StoredMessage[]; planted?: Planted };
  /** Expected `kind owner` pairs, sorted. */
  expected: string[];
}

const twins = (): GroupSpec[] => [
  { id: 'A', owner: 'oA', members: people(1, 20) },
  { id: 'B', owner: 'oB', members: [...people(1, 19), 'q01'] },
];

function withClusters(messages: StoredMessage[][]): { messages: StoredMessage[]; planted: Planted } {
  return {
    messages: messages.flat(),
    planted: { duplicates: messages.filter((m) => m.length > 1).map(cluster) },
  };
}

const CASES: Case[] = [
  {
    name: 'an ordinary week recommends nothing',
    build: () => ({
      groups: twins(),
      messages: [...chat('A', 12), ...ownNotices('A', 'oA', 2), ...chat('B', 12)],
    }),
    expected: [],
  },
  {
    name: 'merge: near-identical rosters that got the same notices (one per owner)',
    build: () => ({
      groups: twins(),
      ...withClusters(
        [0, 1, 2].map((d) =>
          sameNotice(
            [
              ['A', 'oA'],
              ['B', 'oB'],
            ],
            d,
          ),
        ),
      ),
    }),
    expected: ['merge oA', 'merge oB'],
  },
  {
    name: 'no merge: the same rosters but no shared notices',
    build: () => ({ groups: twins(), messages: [...ownNotices('A', 'oA', 3), ...ownNotices('B', 'oB', 3)] }),
    expected: [],
  },
  {
    name: 'no merge: shared notices but rosters far apart',
    build: () => ({
      groups: [
        { id: 'A', owner: 'oA', members: people(1, 20) },
        { id: 'B', owner: 'oB', members: people(15, 34) },
      ],
      ...withClusters(
        [0, 1, 2].map((d) =>
          sameNotice(
            [
              ['A', 'oA'],
              ['B', 'oB'],
            ],
            d,
          ),
        ),
      ),
    }),
    expected: [],
  },
  {
    name: 'no merge: near twins sharing one notice among many',
    build: () => {
      const shared = withClusters([
        sameNotice(
          [
            ['A', 'oA'],
            ['B', 'oB'],
          ],
          0,
        ),
      ]);
      return {
        groups: twins(),
        messages: [...shared.messages, ...ownNotices('A', 'oA', 5), ...ownNotices('B', 'oB', 5)],
        planted: shared.planted,
      };
    },
    expected: [],
  },
  {
    name: 'archive: a zombie group',
    build: () => ({
      groups: [{ id: 'Z', owner: 'oZ', members: people(1, 30), lastHuman: null }],
      messages: [],
    }),
    expected: ['archive oZ'],
  },
  {
    name: 'no archive: a silent group younger than the zombie window',
    build: () => ({
      groups: [
        { id: 'Z', owner: 'oZ', members: people(1, 30), created: '2026-11-10 09:00', lastHuman: null },
      ],
      messages: [],
    }),
    expected: [],
  },
  {
    name: 'no archive: a group quiet for 17 days only',
    build: () => ({
      groups: [{ id: 'Z', owner: 'oZ', members: people(1, 30), lastHuman: '2026-11-06 10:00' }],
      messages: [],
    }),
    expected: [],
  },
  {
    name: 'archive: a relay group whose every notice reaches its members in the host',
    build: () => ({
      groups: [
        { id: 'H', owner: 'oH', members: people(1, 20) },
        { id: 'G', owner: 'oG', members: people(1, 8) },
      ],
      ...withClusters(
        [0, 1, 2].map((d) =>
          sameNotice(
            [
              ['H', 'oH'],
              ['G', 'oG'],
            ],
            d,
          ),
        ),
      ),
    }),
    expected: ['archive oG'],
  },
  {
    name: 'no archive: the relay group also carries a notice of its own',
    build: () => {
      const shared = withClusters(
        [0, 1, 2].map((d) =>
          sameNotice(
            [
              ['H', 'oH'],
              ['G', 'oG'],
            ],
            d,
          ),
        ),
      );
      return {
        groups: [
          { id: 'H', owner: 'oH', members: people(1, 20) },
          { id: 'G', owner: 'oG', members: people(1, 8) },
        ],
        messages: [...shared.messages, ...ownNotices('G', 'oG', 1)],
        planted: shared.planted,
      };
    },
    expected: [],
  },
  {
    name: 'no archive: half of the group is not in the host',
    build: () => ({
      groups: [
        { id: 'H', owner: 'oH', members: people(1, 20) },
        { id: 'G', owner: 'oG', members: [...people(1, 4), ...people(41, 44)] },
      ],
      ...withClusters(
        [0, 1, 2].map((d) =>
          sameNotice(
            [
              ['H', 'oH'],
              ['G', 'oG'],
            ],
            d,
          ),
        ),
      ),
    }),
    expected: [],
  },
  {
    name: 'dedupe-notices: an owner posts the same notices into two of their groups that share members',
    build: () => ({
      groups: [
        { id: 'G1', owner: 'o', members: people(1, 12) },
        { id: 'G2', owner: 'o', members: people(9, 20) },
      ],
      ...withClusters(
        [0, 1].map((d) =>
          sameNotice(
            [
              ['G1', 'o'],
              ['G2', 'o'],
            ],
            d,
          ),
        ),
      ),
    }),
    expected: ['dedupe-notices o'],
  },
  {
    name: 'no dedupe: the two groups share nobody',
    build: () => ({
      groups: [
        { id: 'G1', owner: 'o', members: people(1, 12) },
        { id: 'G2', owner: 'o', members: people(13, 24) },
      ],
      ...withClusters(
        [0, 1].map((d) =>
          sameNotice(
            [
              ['G1', 'o'],
              ['G2', 'o'],
            ],
            d,
          ),
        ),
      ),
    }),
    expected: [],
  },
  {
    name: 'no dedupe: someone other than the owner forwards',
    build: () => ({
      groups: [
        { id: 'G1', owner: 'o', members: people(1, 12) },
        { id: 'G2', owner: 'o', members: people(9, 20) },
      ],
      ...withClusters(
        [0, 1].map((d) =>
          sameNotice(
            [
              ['G1', 'p09'],
              ['G2', 'p09'],
            ],
            d,
          ),
        ),
      ),
    }),
    expected: [],
  },
  {
    name: 'quiet-hours: 40% of a group’s messages after hours',
    build: () => ({ groups: twins(), messages: [...chat('A', 18, 10), ...chat('A', 12, 21)] }),
    expected: ['quiet-hours oA'],
  },
  {
    name: 'no quiet-hours: 17% after hours',
    build: () => ({ groups: twins(), messages: [...chat('A', 25, 10), ...chat('A', 5, 21)] }),
    expected: [],
  },
  {
    name: 'no quiet-hours: too few messages after hours to judge',
    build: () => ({ groups: twins(), messages: [...chat('A', 2, 10), ...chat('A', 8, 21)] }),
    expected: [],
  },
];

const [m1, m2, m3] = [
  msg({ group: 'A', from: 'oA', text: noticeText(), at: '11-17 10:00' }),
  msg({ group: 'A', from: 'p01', text: '1. 张伟', at: '11-17 10:05' }),
  msg({ group: 'A', from: 'p02', text: '收到', at: '11-17 10:06' }),
];
const FINDING_CASES: Case[] = [
  {
    name: 'replace-rollcall: a roll-call',
    build: () => ({
      groups: twins(),
      messages: [m1, m2],
      planted: {
        rollCalls: [
          {
            groupId: 'A',
            kind: 'number-off',
            messageIds: [m1.id, m2.id],
            requestMessageId: m1.id,
            participants: 1,
            posts: 1,
            linesReposted: 0,
            firstAt: m1.time,
            lastAt: m2.time,
            title: '报数',
          },
        ],
      },
    }),
    expected: ['replace-rollcall oA'],
  },
  {
    name: 'replace-rollcall: an acknowledgement flood alone',
    build: () => ({
      groups: twins(),
      messages: [m1, m3],
      planted: {
        ackFloods: [
          {
            groupId: 'A',
            triggerMessageId: m1.id,
            messageIds: [m3.id],
            repliers: 3,
            firstAt: m3.time,
            lastAt: m3.time,
          },
        ],
      },
    }),
    expected: ['replace-rollcall oA'],
  },
  {
    name: 'curb-likes: a like flood',
    build: () => ({
      groups: twins(),
      messages: [m1, m3],
      planted: {
        likeSpam: [
          {
            groupId: 'B',
            triggerMessageId: m1.id,
            messageIds: [m3.id],
            repliers: 3,
            triggerByLeader: true,
            firstAt: m3.time,
            lastAt: m3.time,
          },
        ],
      },
    }),
    expected: ['curb-likes oB'],
  },
  {
    name: 'stop-photo-proof: a photo demand',
    build: () => ({
      groups: twins(),
      messages: [m1],
      planted: {
        photoProof: [
          {
            groupId: 'A',
            demandMessageId: m1.id,
            demandAt: m1.time,
            messageIds: ['x1', 'x2', 'x3'],
            senders: 3,
            flood: true,
          },
        ],
      },
    }),
    expected: ['stop-photo-proof oA'],
  },
  {
    name: 'avoid-rush: a same-day demand',
    build: () => ({
      groups: twins(),
      messages: [m1],
      planted: {
        rushedRequests: [
          {
            groupId: 'A',
            messageId: m1.id,
            postedAt: m1.time,
            deadline: m1.time + 3_600_000,
            hoursGiven: 1,
            offHours: false,
            phrase: '1小时内',
          },
        ],
      },
    }),
    expected: ['avoid-rush oA'],
  },
];

function run(c: Case): CraftedWeek & { kinds: string[] } {
  const { groups, messages, planted } = c.build();
  const week = craftWeek(groups, messages, planted);
  const kinds = recommend(week)
    .map((r) => `${r.kind} ${r.ownerId}`)
    .sort();
  return { ...week, kinds };
}

describe('recommend: each kind when planted, none when not', () => {
  it.each([...CASES, ...FINDING_CASES].map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(run(c).kinds).toEqual(c.expected);
  });
});

describe('recommend: what a recommendation says', () => {
  it('merge names the survivor (same size: where the notices were first posted) and cites notices', () => {
    const c = CASES.find((x) => x.name.startsWith('merge')) as Case;
    const { data, findings, config } = run(c);
    const [r] = recommend({ data, findings, config });
    expect(r?.keepGroupId).toBe('A');
    expect(r?.groupIds).toEqual(['A', 'B']);
    expect(r?.evidence.figures.sharedNotices).toBe(3);
    expect(r?.evidence.excerpts).toHaveLength(2);
    // 3 notices × 19 people in both groups, each got one redundant copy.
    expect(r?.evidence.figures.redundantCopies).toBe(57);
    expect(r?.savings.messagesPerMemberPerWeek).toBeCloseTo(57 / 21, 1);
    expect(r?.savings.minutesPerWeek).toBeCloseTo((57 * config.recommend.model.noticeReadSeconds) / 60, 1);
    expect(r?.reason).toContain('保留「A」');
  });

  it('the larger group survives a merge whatever the posting order', () => {
    const groups: GroupSpec[] = [
      { id: 'A', owner: 'oA', members: people(1, 18) },
      { id: 'B', owner: 'oB', members: people(1, 22) },
    ];
    const { messages, planted } = withClusters(
      [0, 1].map((d) =>
        sameNotice(
          [
            ['A', 'oA'],
            ['B', 'oB'],
          ],
          d,
        ),
      ),
    );
    const week = craftWeek(groups, messages, planted);
    expect(recommend(week).map((r) => r.keepGroupId)).toEqual(['B', 'B']);
  });

  it('relay archive names the host and excerpts only notices', () => {
    const c = CASES.find((x) => x.name.startsWith('archive: a relay')) as Case;
    const [r] = recommend(run(c));
    expect(r).toMatchObject({
      kind: 'archive',
      groupIds: ['G'],
      keepGroupId: 'H',
      evidence: { basis: 'relay' },
    });
    expect(r?.evidence.excerpts.every((e) => e.text.startsWith('关于报送'))).toBe(true);
  });

  it('replace-rollcall cites the roll-call title, never the list lines members wrote', () => {
    const c = FINDING_CASES[0] as Case;
    const [r] = recommend(run(c));
    expect(r?.evidence.excerpts.map((e) => e.text)).toEqual(['报数']);
    expect(JSON.stringify(r)).not.toContain('张伟');
  });

  it('reasons follow the locale', () => {
    const c = CASES.find((x) => x.name.startsWith('archive: a zombie')) as Case;
    const week = run(c);
    expect(recommend({ ...week, locale: 'en' })[0]?.reason).toMatch(/^Nobody has ever written in "Z"/);
    expect(recommend({ ...week, locale: 'zh-CN' })[0]?.reason).toMatch(/^「Z」一直无人发言/);
  });
});

describe('recommend: stable ids', () => {
  const build = () => {
    const c = CASES.find((x) => x.name.startsWith('merge')) as Case;
    const { groups, messages, planted } = c.build();
    return { groups, messages, planted };
  };

  it('gives the same ids on every run and whatever the order groups are listed in', () => {
    const { groups, messages, planted } = build();
    const first = recommend(craftWeek(groups, messages, planted)).map((r) => r.id);
    const again = recommend(craftWeek([...groups].reverse(), messages, planted)).map((r) => r.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => /^merge-[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('keeps an id when the figures change, but not when the owner does', () => {
    const { groups, messages, planted } = build();
    const ids = recommend(craftWeek(groups, messages, planted)).map((r) => r.id);
    const fewer = planted?.duplicates?.slice(0, 2) ?? [];
    const kept = new Set(fewer.flatMap((c) => c.messageIds));
    const smaller = recommend(
      craftWeek(
        groups,
        messages.filter((m) => kept.has(m.id)),
        { duplicates: fewer },
      ),
    ).map((r) => r.id);
    expect(smaller).toEqual(ids);
    const moved = groups.map((g) => (g.id === 'B' ? { ...g, owner: 'oC' } : g));
    const other = recommend(craftWeek(moved, messages, planted)).map((r) => r.id);
    expect(other).toContain(ids[0]);
    expect(other).not.toContain(ids[1]);
  });
});
