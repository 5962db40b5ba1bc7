import type { IssuedRecommendation } from './recommendation-status.js';
import type { Store } from './store.js';
import {
  ISSUED_RECOMMENDATION_COLUMNS,
  type IssuedRecommendationRow,
  toIssuedRecommendation,
} from './to-issued-recommendation.js';

/**
 * The most recently given digest entry that issued recommendation `id` to this owner, or undefined — also when
 * the recommendation exists but was issued to someone else, so a caller cannot tell the two apart.
 */
export function findIssuedRecommendationById(
  store: Store,
  ownerId: string,
  id: string,
): IssuedRecommendation | undefined {
  const row = store.db
    .prepare(
      `SELECT ${ISSUED_RECOMMENDATION_COLUMNS}
       FROM issued_recommendations WHERE owner_id = ? AND recommendation_id = ?
       ORDER BY issued_at DESC, week DESC LIMIT 1`,
    )
    .get(ownerId, id) as IssuedRecommendationRow | undefined;
  return row ? toIssuedRecommendation(row) : undefined;
}
