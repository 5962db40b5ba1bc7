import type { IssuedRecommendation } from './recommendation-status.js';

/** A row of `issued_recommendations` as SQLite returns it (list and figures are JSON). */
export interface IssuedRecommendationRow {
  owner_id: string;
  week: string;
  number: number;
  recommendation_id: string;
  kind: string;
  group_ids: string;
  magnitude: number;
  figures: string;
}

/** The columns toIssuedRecommendation reads, for SELECTs that must not fetch more. */
export const ISSUED_RECOMMENDATION_COLUMNS =
  'owner_id, week, number, recommendation_id, kind, group_ids, magnitude, figures';

export function toIssuedRecommendation(row: IssuedRecommendationRow): IssuedRecommendation {
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
