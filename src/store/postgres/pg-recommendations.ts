/**
 * The recommendation tables of the central PostgreSQL store (the same as SQLite's, pg-migrations.ts
 * 3 and 6): what a digest queued centrally carried, so that 采纳 N answers it wherever the answer is
 * read. Each statement mirrors Recommendations (src/store/recommendations.ts).
 */
import type pg from 'pg';
import type { IssuableRecommendation } from '../../model/recommendation-status.js';

/**
 * As Recommendations.recordIssued: the owner's digest of `week` was given at `at` and carries these
 * recommendations, numbered 1..n in order; re-issuing replaces the numbering and makes it the latest.
 * One transaction on `client` (which must not be inside another).
 */
export async function recordIssuedCentrally(
  client: pg.ClientBase,
  issue: { ownerId: string; week: string; recommendations: readonly IssuableRecommendation[]; at: number },
): Promise<void> {
  const { ownerId, week, at, recommendations: list } = issue;
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO digest_issues (owner_id, week, issued_at) VALUES ($1, $2, $3)
       ON CONFLICT (owner_id, week) DO UPDATE SET issued_at = excluded.issued_at`,
      [ownerId, week, at],
    );
    await client.query('DELETE FROM issued_recommendations WHERE owner_id = $1 AND week = $2', [
      ownerId,
      week,
    ]);
    if (list.length > 0) {
      await client.query(
        `INSERT INTO issued_recommendations (owner_id, week, number, recommendation_id, kind, group_ids, magnitude,
           figures, issued_at)
         SELECT $1, $2, n, i, k, g, m, f, $3
         FROM unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[]) AS t(n, i, k, g, m, f)`,
        [
          ownerId,
          week,
          at,
          list.map((_, i) => i + 1),
          list.map((r) => r.id),
          list.map((r) => r.kind),
          list.map((r) => JSON.stringify(r.groupIds)),
          list.map((r) => r.magnitude),
          list.map((r) => JSON.stringify(r.evidence.figures)),
        ],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
