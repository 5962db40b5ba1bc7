import { weekBounds } from '../calendar/weeks.js';
import type { RecommendationHistoryEntry, RecommendationStatus, RecommendConfig } from './recommendation.js';

const WEEK = 7 * 86_400_000;

/** Whole weeks from `earlier` to `later` (ISO weeks); NaN when either is not a valid week. */
export function weeksBetween(earlier: string, later: string, timezone: string): number {
  try {
    return Math.round((weekBounds(later, timezone).from - weekBounds(earlier, timezone).from) / WEEK);
  } catch {
    return Number.NaN;
  }
}

/**
 * This week's status of a recommendation, given what its owner last said about it:
 * - accepted stays accepted (the digest follows it up instead of asking again);
 * - dismissed stays dismissed — out of the digests — for `dismissal.weeks` weeks after the week of the
 *   digest it was dismissed from, unless its magnitude grew by more than `dismissal.growth` since;
 *   afterwards (or once it grew) it is open again;
 * - anything else is open.
 */
export function effectiveStatus(
  magnitude: number,
  entry: RecommendationHistoryEntry | undefined,
  week: string,
  dismissal: RecommendConfig['dismissal'],
  timezone: string,
): RecommendationStatus {
  if (!entry) return 'open';
  if (entry.status === 'accepted') return 'accepted';
  if (entry.status !== 'dismissed') return 'open';
  const since = weeksBetween(entry.week, week, timezone);
  const grew = magnitude > entry.magnitude * (1 + dismissal.growth);
  return Number.isFinite(since) && since <= dismissal.weeks && !grew ? 'dismissed' : 'open';
}
