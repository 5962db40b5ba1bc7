/**
 * What owners said about recommendations, and which numbered recommendations each digest carried.
 * A digest numbers its recommendations 1..n; the owner answers "采纳 N" / "忽略 N"; the answer is
 * resolved against the digest most recently given to that owner (the weekly one queued on Monday, or
 * the one 周报 WEEK just answered, whatever its week), and only to that owner (an owner can never
 * change another owner's recommendation).
 */
import type {
  IssuableRecommendation,
  RecommendationHistoryEntry,
  RecommendationStatus,
} from '../model/recommendation-status.js';
import type { Store } from './store.js';
import {
  ISSUED_RECOMMENDATION_COLUMNS,
  type IssuedRecommendationRow,
  toIssuedRecommendation,
} from './to-issued-recommendation.js';

export interface IssuedRecommendation {
  ownerId: string;
  week: string;
  number: number;
  id: string;
  kind: string;
  groupIds: string[];
  magnitude: number;
  figures: Record<string, number>;
}

/** Every stored status, by recommendation id: the `history` input of `recommend`. */
export function readRecommendationHistory(store: Store): Map<string, RecommendationHistoryEntry> {
  const rows = store.db.prepare('SELECT id, status, week, magnitude FROM recommendation_status').all() as {
    id: string;
    status: RecommendationStatus;
    week: string;
    magnitude: number;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Records that a digest for `week` was given to the owner at `at`, and the recommendations it
 * carries, numbered 1..n in the given order (none is a digest too: "采纳 1" then finds nothing, rather
 * than an older digest's first). Re-issuing the same owner's digest for the same week replaces the
 * earlier numbering and makes it the latest.
 */
export function recordIssuedRecommendations(
  store: Store,
  issue: { ownerId: string; week: string; recommendations: readonly IssuableRecommendation[]; at: number },
): void {
  const del = store.db.prepare('DELETE FROM issued_recommendations WHERE owner_id = ? AND week = ?');
  const ins = store.db.prepare(
    `INSERT INTO issued_recommendations (owner_id, week, number, recommendation_id, kind, group_ids, magnitude, figures, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const issued = store.db.prepare(
    `INSERT INTO digest_issues (owner_id, week, issued_at) VALUES (?, ?, ?)
     ON CONFLICT (owner_id, week) DO UPDATE SET issued_at = excluded.issued_at`,
  );
  store.transaction(() => {
    issued.run(issue.ownerId, issue.week, issue.at);
    del.run(issue.ownerId, issue.week);
    issue.recommendations.forEach((r, i) => {
      ins.run(
        issue.ownerId,
        issue.week,
        i + 1,
        r.id,
        r.kind,
        JSON.stringify(r.groupIds),
        r.magnitude,
        JSON.stringify(r.evidence.figures),
        issue.at,
      );
    });
  });
}

/**
 * Recommendation `number` of the digest most recently given to the owner (latest `issued_at`; of two
 * given at the same moment, the later week), or undefined.
 */
export function findIssuedRecommendation(
  store: Store,
  ownerId: string,
  number: number,
): IssuedRecommendation | undefined {
  const row = store.db
    .prepare(
      `SELECT ${ISSUED_RECOMMENDATION_COLUMNS} FROM issued_recommendations
       WHERE owner_id = ? AND number = ?
         AND week = (SELECT week FROM digest_issues WHERE owner_id = ?
                     ORDER BY issued_at DESC, week DESC LIMIT 1)`,
    )
    .get(ownerId, number, ownerId) as IssuedRecommendationRow | undefined;
  return row ? toIssuedRecommendation(row) : undefined;
}

/** A status as stored: the recommendation, what was said about it, and when. */
export interface RecommendationStatusUpdate {
  id: string;
  ownerId: string | null;
  kind: string;
  groupIds: readonly string[];
  status: RecommendationStatus;
  /** The ISO week of the digest the answer is about. */
  week: string;
  magnitude: number;
  figures: Readonly<Record<string, number>>;
  /** UTC epoch ms. */
  at: number;
}

/** Stores (or replaces) the status of one recommendation. */
export function setRecommendationStatus(store: Store, u: RecommendationStatusUpdate): void {
  store.db
    .prepare(
      `INSERT INTO recommendation_status (id, owner_id, kind, group_ids, status, week, magnitude, figures, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, week = excluded.week,
         magnitude = excluded.magnitude, figures = excluded.figures, updated_at = excluded.updated_at`,
    )
    .run(
      u.id,
      u.ownerId,
      u.kind,
      JSON.stringify(u.groupIds),
      u.status,
      u.week,
      u.magnitude,
      JSON.stringify(u.figures),
      u.at,
    );
}

/**
 * The owner's answer to recommendation `number` of the digest they were given last: stores the status with the
 * digest's week and the magnitude it was about. Returns what was answered, or undefined when the
 * owner's latest digest has no such number (the caller then says so, politely).
 */
export function answerRecommendation(
  store: Store,
  answer: { ownerId: string; number: number; status: RecommendationStatus; at: number },
): IssuedRecommendation | undefined {
  const issued = findIssuedRecommendation(store, answer.ownerId, answer.number);
  if (issued) setRecommendationStatus(store, { ...issued, status: answer.status, at: answer.at });
  return issued;
}
