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
import type { StoreCore } from './store-core.js';

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
const ISSUED_RECOMMENDATION_COLUMNS =
  'owner_id, week, number, recommendation_id, kind, group_ids, magnitude, figures';

function toIssuedRecommendation(row: IssuedRecommendationRow): IssuedRecommendation {
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

/** A stored JSON list of group ids (anything else is read as none). Shared with the PostgreSQL reads. */
export function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The recommendation_status, issued_recommendations and digest_issues tables. */
export class Recommendations {
  constructor(private readonly store: StoreCore) {}

  /** Every stored status, by recommendation id: the `history` input of `recommend`. */
  history(): Map<string, RecommendationHistoryEntry> {
    const rows = this.store.sql
      .get('SELECT id, status, week, magnitude FROM recommendation_status')
      .all() as {
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
  recordIssued(issue: {
    ownerId: string;
    week: string;
    recommendations: readonly IssuableRecommendation[];
    at: number;
  }): void {
    const sql = this.store.sql;
    const del = sql.get('DELETE FROM issued_recommendations WHERE owner_id = ? AND week = ?');
    const ins = sql.get(
      `INSERT INTO issued_recommendations (owner_id, week, number, recommendation_id, kind, group_ids, magnitude, figures, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const issued = sql.get(
      `INSERT INTO digest_issues (owner_id, week, issued_at) VALUES (?, ?, ?)
     ON CONFLICT (owner_id, week) DO UPDATE SET issued_at = excluded.issued_at`,
    );
    this.store.transaction(() => {
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
  issued(ownerId: string, number: number): IssuedRecommendation | undefined {
    const row = this.store.sql
      .get(
        `SELECT ${ISSUED_RECOMMENDATION_COLUMNS} FROM issued_recommendations
       WHERE owner_id = ? AND number = ?
         AND week = (SELECT week FROM digest_issues WHERE owner_id = ?
                     ORDER BY issued_at DESC, week DESC LIMIT 1)`,
      )
      .get(ownerId, number, ownerId) as IssuedRecommendationRow | undefined;
    return row ? toIssuedRecommendation(row) : undefined;
  }

  /**
   * The most recently given digest entry that issued recommendation `id` to this owner, or undefined — also when
   * the recommendation exists but was issued to someone else, so a caller cannot tell the two apart.
   */
  issuedById(ownerId: string, id: string): IssuedRecommendation | undefined {
    const row = this.store.sql
      .get(
        `SELECT ${ISSUED_RECOMMENDATION_COLUMNS}
       FROM issued_recommendations WHERE owner_id = ? AND recommendation_id = ?
       ORDER BY issued_at DESC, week DESC LIMIT 1`,
      )
      .get(ownerId, id) as IssuedRecommendationRow | undefined;
    return row ? toIssuedRecommendation(row) : undefined;
  }

  /** Stores (or replaces) the status of one recommendation. */
  setStatus(u: RecommendationStatusUpdate): void {
    this.store.sql
      .get(
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
  answer(answer: {
    ownerId: string;
    number: number;
    status: RecommendationStatus;
    at: number;
  }): IssuedRecommendation | undefined {
    const issued = this.issued(answer.ownerId, answer.number);
    if (issued) this.setStatus({ ...issued, status: answer.status, at: answer.at });
    return issued;
  }

  /** Every stored recommendation status, newest answer first. Who answered is not read. */
  statuses(): RecommendationStatusRow[] {
    const rows = this.store.sql
      .get(
        `SELECT id, kind, group_ids AS groupIds, status, week, updated_at AS updatedAt
       FROM recommendation_status ORDER BY updated_at DESC, id`,
      )
      .all() as (Omit<RecommendationStatusRow, 'groupIds'> & { groupIds: string })[];
    return rows.map((r) => ({ ...r, groupIds: parseIds(r.groupIds) }));
  }
}
