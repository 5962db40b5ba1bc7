import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/recommend/recommendation.js';
import { openTempStore } from '../fixtures/temp-store.js';

function rec(id: string, magnitude: number): Recommendation {
  return {
    id,
    kind: 'merge',
    groupIds: ['a', 'b'],
    ownerId: 'o1',
    keepGroupId: 'a',
    magnitude,
    evidence: { basis: null, figures: { sharedNotices: magnitude }, dates: [], excerpts: [] },
    savings: { messagesPerMemberPerWeek: 1, minutesPerWeek: 2 },
    reason: 'r',
    status: 'open',
  };
}

describe('recommendation status in the store', () => {
  it('resolves "采纳 N" against the owner\'s latest digest and remembers the answer', () => {
    const store = openTempStore();
    try {
      store.recommendations.recordIssued({
        ownerId: 'o1',
        week: '2026-W46',
        recommendations: [rec('r1', 3), rec('r2', 4)],
        at: 1,
      });
      store.recommendations.recordIssued({
        ownerId: 'o1',
        week: '2026-W47',
        recommendations: [rec('r2', 5), rec('r3', 6)],
        at: 2,
      });
      expect(store.recommendations.issued('o1', 1)?.id).toBe('r2');
      const answered = store.recommendations.answer({ ownerId: 'o1', number: 2, status: 'dismissed', at: 3 });
      expect(answered).toMatchObject({
        id: 'r3',
        week: '2026-W47',
        magnitude: 6,
        figures: { sharedNotices: 6 },
      });
      expect(store.recommendations.history().get('r3')).toEqual({
        id: 'r3',
        status: 'dismissed',
        week: '2026-W47',
        magnitude: 6,
      });
      store.recommendations.answer({ ownerId: 'o1', number: 2, status: 'accepted', at: 4 });
      expect(store.recommendations.history().get('r3')?.status).toBe('accepted');
    } finally {
      store.close();
    }
  });

  it('refuses numbers the digest did not carry and owners who got no digest', () => {
    const store = openTempStore();
    try {
      store.recommendations.recordIssued({
        ownerId: 'o1',
        week: '2026-W47',
        recommendations: [rec('r1', 3)],
        at: 1,
      });
      expect(
        store.recommendations.answer({ ownerId: 'o1', number: 2, status: 'accepted', at: 2 }),
      ).toBeUndefined();
      expect(
        store.recommendations.answer({ ownerId: 'o2', number: 1, status: 'accepted', at: 2 }),
      ).toBeUndefined();
      expect(store.recommendations.history().size).toBe(0);
    } finally {
      store.close();
    }
  });

  it('re-issuing a week replaces its numbering', () => {
    const store = openTempStore();
    try {
      store.recommendations.recordIssued({
        ownerId: 'o1',
        week: '2026-W47',
        recommendations: [rec('r1', 3), rec('r2', 3)],
        at: 1,
      });
      store.recommendations.recordIssued({
        ownerId: 'o1',
        week: '2026-W47',
        recommendations: [rec('r2', 3)],
        at: 2,
      });
      expect(store.recommendations.issued('o1', 1)?.id).toBe('r2');
      expect(store.recommendations.issued('o1', 2)).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
