import { createHash } from 'node:crypto';
import type { RecommendationKind } from './recommendation.js';

/**
 * The stable id of a recommendation: the kind and a hash of the kind, the sorted group ids and the
 * addressee, so the same advice about the same groups to the same owner keeps its id from week to
 * week and run to run (its status hangs on it). E.g. 'merge-3fa2c1b9d0e4'.
 */
export function recommendationId(
  kind: RecommendationKind,
  groupIds: readonly string[],
  ownerId: string | null,
): string {
  const key = [kind, [...groupIds].sort().join('\u0001'), ownerId ?? ''].join('\u0000');
  return `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
