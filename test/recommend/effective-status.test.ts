import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { effectiveStatus, weeksBetween } from '../../src/recommend/effective-status.js';
import { recommend } from '../../src/recommend/recommend.js';
import type { RecommendationHistoryEntry } from '../../src/recommend/recommendation.js';
import { craftWeek, people } from './fixtures/crafted-week.js';

const dismissal = configSchema.parse({}).recommend.dismissal;
const ZONE = 'Asia/Shanghai';
const entry = (
  status: RecommendationHistoryEntry['status'],
  week: string,
  magnitude = 10,
): RecommendationHistoryEntry => ({
  id: 'x',
  status,
  week,
  magnitude,
});

describe('effectiveStatus', () => {
  it.each([
    ['no history', undefined, 10, 'open'],
    ['accepted stays accepted', entry('accepted', '2026-W40'), 10, 'accepted'],
    ['an open answer is open', entry('open', '2026-W46'), 10, 'open'],
    ['dismissed the same week', entry('dismissed', '2026-W47'), 10, 'dismissed'],
    ['dismissed 1 week ago', entry('dismissed', '2026-W46'), 10, 'dismissed'],
    ['dismissed 4 weeks ago', entry('dismissed', '2026-W43'), 10, 'dismissed'],
    ['dismissed 5 weeks ago: repeated again', entry('dismissed', '2026-W42'), 10, 'open'],
    ['dismissed, figures grew by 20%: still quiet', entry('dismissed', '2026-W46'), 12, 'dismissed'],
    ['dismissed, figures grew by 30%: repeated', entry('dismissed', '2026-W46'), 13, 'open'],
    ['dismissed, figures shrank', entry('dismissed', '2026-W46'), 3, 'dismissed'],
    ['dismissed at zero, now non-zero', entry('dismissed', '2026-W46', 0), 1, 'open'],
    ['dismissed in a week that cannot be read', entry('dismissed', 'garbage'), 10, 'open'],
  ] as const)('%s', (_, e, magnitude, expected) => {
    expect(effectiveStatus(magnitude, e, '2026-W47', dismissal, ZONE)).toBe(expected);
  });

  it('counts weeks across a year end', () => {
    expect(weeksBetween('2026-W52', '2027-W02', ZONE)).toBe(3);
    expect(weeksBetween('2026-W47', '2026-W47', ZONE)).toBe(0);
  });
});

describe('recommend with history', () => {
  const week = craftWeek([{ id: 'Z', owner: 'oZ', members: people(1, 30), lastHuman: null }], []);
  const [zombie] = recommend(week);
  const id = zombie?.id as string;

  it('keeps a dismissed recommendation out for 4 weeks, then brings it back', () => {
    const history = (w: string, magnitude = 30) =>
      new Map([[id, { id, status: 'dismissed' as const, week: w, magnitude }]]);
    expect(recommend({ ...week, history: history('2026-W44') })[0]?.status).toBe('dismissed');
    expect(recommend({ ...week, history: history('2026-W42') })[0]?.status).toBe('open');
  });

  it('repeats a dismissed recommendation early when its figures grew', () => {
    const history = new Map([[id, { id, status: 'dismissed' as const, week: '2026-W46', magnitude: 20 }]]);
    expect(recommend({ ...week, history })[0]?.status).toBe('open');
  });
});
