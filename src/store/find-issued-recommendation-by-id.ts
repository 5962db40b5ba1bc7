import type { IssuedRecommendation } from './recommendation-status.js';
import type { Store } from './store.js';

/**
 * The latest digest entry that issued recommendation `id` to this owner, or undefined — also when
 * the recommendation exists but was issued to someone else, so a caller cannot tell the two apart.
 */
export function findIssuedRecommendationById(
  store: Store,
  ownerId: string,
  id: string,
): IssuedRecommendation | undefined {
  const row = store.db
    .prepare(
      `SELECT owner_id, week, number, recommendation_id, kind, group_ids, magnitude, figures
       FROM issued_recommendations WHERE owner_id = ? AND recommendation_id = ?
       ORDER BY week DESC LIMIT 1`,
    )
    .get(ownerId, id) as
    | {
        owner_id: string;
        week: string;
        number: number;
        recommendation_id: string;
        kind: string;
        group_ids: string;
        magnitude: number;
        figures: string;
      }
    | undefined;
  if (!row) return undefined;
  return {
    ownerId: row.owner_id,
    week: row.week,
    number: row.number,
    id: row.recommendation_id,
    kind: row.kind,
    groupIds: JSON.parse(row.group_ids) as string[],
    magnitude: row.magnitude,
    figures: JSON.parse(row.figures) as Record<string, number>,
  };
}
