import { describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../src/analysis/weekly-report.js';
import { recommend } from '../../src/recommend/recommend.js';
import { withRecommendations } from '../../src/recommend/with-recommendations.js';
import { craftWeek, people } from './fixtures/crafted-week.js';

describe('withRecommendations', () => {
  const week = craftWeek(
    [
      { id: 'Z1', owner: 'o1', members: people(1, 9), lastHuman: null },
      { id: 'Z2', owner: 'o2', members: people(1, 9), lastHuman: null },
    ],
    [],
  );
  const recs = recommend(week);
  const report = (groupId?: string) =>
    buildWeeklyReport({
      data: week.data,
      findings: week.findings,
      previous: null,
      timezone: 'Asia/Shanghai',
      groupId,
    });

  it('fills the report with kind, groups, owner and reason (plus id, status, savings)', () => {
    const filled = withRecommendations(report(), recs);
    expect(filled.recommendations).toHaveLength(2);
    expect(filled.recommendations[0]).toMatchObject({
      kind: 'archive',
      ownerId: recs[0]?.ownerId,
      reason: recs[0]?.reason,
    });
    expect(report().recommendations).toEqual([]);
  });

  it('keeps only those about the report’s groups, and leaves dismissed ones out', () => {
    expect(withRecommendations(report('Z2'), recs).recommendations.map((r) => r.groupIds)).toEqual([['Z2']]);
    const dismissed = recs.map((r, i) => (i === 0 ? { ...r, status: 'dismissed' as const } : r));
    expect(withRecommendations(report(), dismissed).recommendations).toHaveLength(1);
  });
});
