/**
 * A recommendation: one concrete change an owner can make, with the evidence behind it and the
 * burden it would remove. Produced by `recommend` (src/recommend/recommend.ts), one week at a time.
 */
import type { Config } from '../config/schema.js';
import type { RecommendationHistoryEntry, RecommendationStatus } from '../model/recommendation-status.js';

export type { RecommendationHistoryEntry, RecommendationStatus };

export const RECOMMENDATION_KINDS = [
  'merge',
  'archive',
  'dedupe-notices',
  'replace-rollcall',
  'curb-likes',
  'stop-photo-proof',
  'quiet-hours',
  'avoid-rush',
] as const;

export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export type RecommendConfig = Config['recommend'];

/** A short excerpt of the notice or request a recommendation cites — never of a member's reply. */
export interface EvidenceExcerpt {
  messageId: string;
  groupId: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** At most 30 characters, whitespace collapsed, ending in … when cut. */
  text: string;
}

export interface RecommendationEvidence {
  /**
   * What the advice rests on, for archive: 'zombie' or 'relay'; for the others null.
   * Kept apart from `figures` so renderers can choose their sentence.
   */
  basis: 'zombie' | 'relay' | null;
  /** Kind-specific figures (counts, shares as 0..1); names are documented in docs/RECOMMENDATIONS.md. */
  figures: Record<string, number>;
  /** Local dates (YYYY-MM-DD) of the cited events, ascending, at most 7. */
  dates: string[];
  excerpts: EvidenceExcerpt[];
}

/** The burden the change would remove (quiet-hours: moves off-hours). Model: docs/RECOMMENDATIONS.md. */
export interface RecommendationSavings {
  /** Messages each member of the groups concerned would no longer receive in a week like this one. */
  messagesPerMemberPerWeek: number;
  /** Minutes of everyone's time together, per week. */
  minutesPerWeek: number;
}

export interface Recommendation {
  /** Stable across runs and weeks: a hash of kind, sorted group ids and the addressee. */
  id: string;
  kind: RecommendationKind;
  /** Sorted group ids the advice is about. */
  groupIds: string[];
  /** The addressee: the owner of the group(s); null when the store knows no owner. */
  ownerId: string | null;
  /**
   * merge: the group that survives; archive (relay): the group its members get the notices in;
   * dedupe-notices: the group that reaches (most of) everyone. Null for the other kinds.
   */
  keepGroupId: string | null;
  /** The headline figure compared when deciding whether a dismissed recommendation grew. */
  magnitude: number;
  evidence: RecommendationEvidence;
  savings: RecommendationSavings;
  /** One line, in the configured locale. */
  reason: string;
  /** Effective status this week: 'dismissed' means it stays out of digests (see applyHistory). */
  status: RecommendationStatus;
}
