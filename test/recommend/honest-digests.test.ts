import { describe, expect, it } from 'vitest';
import type { CadreGroup } from '../../src/converse/cadre-groups.js';
import { converseText } from '../../src/converse/converse-text.js';
import { suggestFrom } from '../../src/converse/mute-suggestions.js';
import { reasonText } from '../../src/recommend/reason-text.js';
import type { Draft } from '../../src/recommend/rule-context.js';
import { Store } from '../../src/store/store.js';
import { ownerDigestsNow } from '../../src/weeks/owner-digests.js';
import { recommendStoredWeek } from '../../src/weeks/stored-week.js';
import { buildDashboardDb, dashboardConfig, WEEK } from '../web/dashboard-fixture.js';

const rollCallDraft = (figures: Record<string, number>): Draft => ({
  kind: 'replace-rollcall',
  groupIds: ['g'],
  ownerId: 'o',
  keepGroupId: null,
  magnitude: 1,
  evidence: { basis: null, figures, dates: [], excerpts: [] },
  savings: { messagesPerMemberPerWeek: 1, minutesPerWeek: 1 },
});

describe('honest digests', () => {
  it('give roll-calls and 收到 floods each their own remedy', () => {
    const name = () => '安全生产群';
    const rollCalls = reasonText(rollCallDraft({ rollCalls: 2, ackFloods: 0 }), 'zh-CN', name);
    const acks = reasonText(rollCallDraft({ rollCalls: 0, ackFloods: 3 }), 'zh-CN', name);
    expect(rollCalls).toContain('在线表格');
    expect(rollCalls).not.toContain('收到');
    expect(acks).toContain('不再要求回复“收到”');
    expect(acks).not.toContain('接龙');
    expect(reasonText(rollCallDraft({ rollCalls: 0, ackFloods: 3 }), 'en', name)).not.toContain('roll-call');
  });

  it('我的群 sets the cadre’s own count against the limit', () => {
    expect(converseText('zh-CN').groupsLimit(7, 5)).toBe('您在 7 个工作群，超过每人 5 个的上限 2 个。');
    expect(converseText('en').groupsLimit(5, 5)).toContain('within the limit of 5');
  });

  it('never suggest muting a group the week’s advice tells its owner to keep', () => {
    const group = (id: string, alsoIn: string[]): CadreGroup => ({
      id,
      name: id,
      memberCount: 20,
      owned: false,
      muted: false,
      messages: 10,
      notices: [{ alsoIn } as unknown as CadreGroup['notices'][number]],
      alsoElsewhere: 1,
      hidden: false,
    });
    // Twins A and B carry the same notice: either could be muted, and the greedy rule takes one.
    const groups = [group('A', ['A', 'B']), group('B', ['A', 'B'])];
    const free = suggestFrom(groups, 'me', ['2026-W47']);
    expect(free.suggestions).toHaveLength(1);
    // The owner is told to keep A (the merge's survivor): only B may be muted, and A is counted.
    for (const keep of ['A', 'B']) {
      const advised = suggestFrom(groups, 'me', ['2026-W47'], new Set([keep]));
      expect(advised.suggestions.map((s) => s.groupId)).toEqual(keep === 'A' ? ['B'] : ['A']);
      expect(advised.advisedKeep).toBe(1);
    }
  });

  it('order each owner’s recommendations by minutes saved, timing advice last, as the header says', async () => {
    const db = await buildDashboardDb({ plain: true });
    const config = dashboardConfig(db);
    const store = new Store(db, { readonly: true });
    try {
      const recs = new Map(recommendStoredWeek(store, config, WEEK).recommendations.map((r) => [r.id, r]));
      const digests = ownerDigestsNow(store, config, WEEK);
      let checked = 0;
      for (const d of digests) {
        const list = d.recommendationIds.map((id) => recs.get(id));
        expect(d.parts.join('\n')).not.toContain('按能减轻的负担排序');
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1], list[i]];
          if (!a || !b) continue;
          const timingA = Number(a.kind === 'quiet-hours');
          const timingB = Number(b.kind === 'quiet-hours');
          expect(
            timingA < timingB ||
              (timingA === timingB && a.savings.minutesPerWeek >= b.savings.minutesPerWeek),
          ).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(3);
    } finally {
      store.close();
    }
  }, 120_000);
});
