import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/recommend/recommendation.js';
import { type OwnerDigestInput, renderOwnerDigest } from '../../src/render/render-owner-digest.js';

function rec(over: Partial<Recommendation> & Pick<Recommendation, 'kind' | 'reason'>): Recommendation {
  return {
    id: `${over.kind}-000000000000`,
    groupIds: ['g1'],
    ownerId: 'o1',
    keepGroupId: null,
    magnitude: 1,
    evidence: { basis: null, figures: {}, dates: [], excerpts: [] },
    savings: { messagesPerMemberPerWeek: 0, minutesPerWeek: 0 },
    status: 'open',
    ...over,
  };
}

const merge = rec({
  kind: 'merge',
  groupIds: ['g1', 'g2'],
  keepGroupId: 'g2',
  reason:
    '「安全生产专班」、「安全生产工作群」成员高度重合，本周 5 条通知重复发送，建议合并，保留「安全生产工作群」。',
  evidence: {
    basis: null,
    figures: { jaccard: 0.913, sharedMembers: 21, sharedNotices: 5, redundantCopies: 105 },
    dates: ['2026-11-17', '2026-11-19'],
    excerpts: [
      { messageId: 'm1', groupId: 'g1', date: '2026-11-17', text: '关于报送燃气用户入户检查进度表的通知' },
    ],
  },
  savings: { messagesPerMemberPerWeek: 4.6, minutesPerWeek: 52.5 },
});
const zombie = rec({
  kind: 'archive',
  groupIds: ['g3'],
  reason: '「疫情防控工作群」一直无人发言，建议解散或归档。',
  evidence: {
    basis: 'zombie',
    figures: { members: 80, quietDays: 1688, neverUsed: 1 },
    dates: [],
    excerpts: [],
  },
});
const quiet = rec({
  kind: 'quiet-hours',
  reason: '「安全生产专班」本周 31% 的消息在非工作时间发出，建议非紧急通知在工作时间发送。',
  evidence: {
    basis: null,
    figures: { offHoursMessages: 26, messages: 83, offHoursShare: 0.313, offHoursNotices: 2 },
    dates: ['2026-11-18'],
    excerpts: [],
  },
  savings: { messagesPerMemberPerWeek: 26, minutesPerWeek: 38.1 },
});

const input: OwnerDigestInput = {
  week: '2026-W47',
  firstDay: '2026-11-16',
  lastDay: '2026-11-22',
  owner: { id: 'o1', name: '王主任' },
  groups: [
    {
      id: 'g1',
      name: '安全生产专班',
      members: 22,
      messages: 83,
      offHoursMessages: 26,
      atAllMessages: 4,
      previous: { messages: 75, offHoursMessages: 20, atAllMessages: 3 },
      zombie: false,
    },
    {
      id: 'g3',
      name: '疫情防控工作群',
      members: 80,
      messages: 0,
      offHoursMessages: 0,
      atAllMessages: 0,
      previous: { messages: 0, offHoursMessages: 0, atAllMessages: 0 },
      zombie: true,
    },
  ],
  burden: { duplicates: 6, rollCalls: 1, ackFloods: 3, likeSpam: 0, photoProof: 0, rushed: 1 },
  recommendations: [merge, zombie, quiet],
  accepted: [],
  detailed: 2,
  maxPartChars: 1800,
  dismissWeeks: 4,
};

describe('renderOwnerDigest', () => {
  it('renders a small digest in Chinese', () => {
    expect(renderOwnerDigest(input, 'zh-CN')).toMatchSnapshot();
  });

  it('renders the same digest in English', () => {
    const en = {
      ...input,
      recommendations: input.recommendations.map((r) => ({ ...r, reason: `(en) ${r.kind}` })),
      accepted: [
        rec({ kind: 'curb-likes', reason: 'Discourage praise-only replies in "g1".', status: 'accepted' }),
      ],
    };
    expect(renderOwnerDigest(en, 'en')).toMatchSnapshot();
  });

  it('says so when there is nothing to recommend, and has no comparison without last week', () => {
    const parts = renderOwnerDigest(
      { ...input, recommendations: [], groups: input.groups.map((g) => ({ ...g, previous: null })) },
      'zh-CN',
    );
    expect(parts.join('\n')).toContain('本周没有新的建议');
    expect(parts.join('\n')).not.toContain('（上周');
    expect(parts.join('\n')).not.toContain('采纳');
  });

  it('splits a long digest into parts of at most 1,800 characters, at line boundaries', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...merge,
      id: `merge-${String(i).padStart(12, '0')}`,
      reason: `${i + 1}号：${merge.reason}`,
    }));
    const groups = Array.from({ length: 40 }, (_, i) => ({
      ...(input.groups[0] as OwnerDigestInput['groups'][number]),
      id: `g${i}`,
      name: `第${i}工作小组群`,
    }));
    const parts = renderOwnerDigest({ ...input, groups, recommendations: many, detailed: 10 }, 'zh-CN');
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, p] of parts.entries()) {
      expect(p.length).toBeLessThanOrEqual(1800);
      expect(p.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
    }
    const lines = parts.flatMap((p) => p.replace(/^\(\d+\/\d+\) /, '').split('\n'));
    for (let i = 1; i <= 60; i++) expect(lines.some((l) => l.startsWith(`${i}. ${i}号：`))).toBe(true);
  });
});
