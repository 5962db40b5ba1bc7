import type { RecommendationStatus } from '../model/recommendation-status.js';
import type { Store } from './store.js';

/** One stored answer about a recommendation (the latest one: an answer replaces the one before). */
export interface RecommendationStatusRow {
  id: string;
  kind: string;
  groupIds: string[];
  status: RecommendationStatus;
  /** The ISO week of the digest the answer was about. */
  week: string;
  /** UTC epoch ms of the answer. */
  updatedAt: number;
}

/** Every stored recommendation status, newest answer first. Who answered is not read. */
export function readRecommendationStatuses(store: Store): RecommendationStatusRow[] {
  const rows = store.db
    .prepare(
      `SELECT id, kind, group_ids AS groupIds, status, week, updated_at AS updatedAt
       FROM recommendation_status ORDER BY updated_at DESC, id`,
    )
    .all() as (Omit<RecommendationStatusRow, 'groupIds'> & { groupIds: string })[];
  return rows.map((r) => ({ ...r, groupIds: parseIds(r.groupIds) }));
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
