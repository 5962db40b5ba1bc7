/**
 * The shapes the store keeps about recommendations (src/store/recommendation-status.ts), below the
 * recommend stage that makes them: the store reads and writes these without importing recommend/.
 */

/** An owner's answer: 'dismissed' keeps a recommendation out of digests until it grows. */
export type RecommendationStatus = 'open' | 'accepted' | 'dismissed';

/** What the store remembers about a recommendation an owner answered (or that was issued). */
export interface RecommendationHistoryEntry {
  id: string;
  status: RecommendationStatus;
  /** The ISO week of the digest the owner answered. */
  week: string;
  /** The recommendation's magnitude in that week. */
  magnitude: number;
}

/** What recording a digest's numbered recommendations needs of each (a Recommendation has it). */
export interface IssuableRecommendation {
  id: string;
  kind: string;
  groupIds: readonly string[];
  magnitude: number;
  evidence: { figures: Record<string, number> };
}
