/**
 * What a ship round carries besides the recorded rows (issue 18; docs/SCALING.md, "Answers and
 * erasure across hosts"):
 * - down: the numbered recommendations of the digests this account's host sends for the central
 *   store (so that 采纳 N / 忽略 N in private chat with that host's bot finds them), and the members
 *   forgotten centrally (so that the host's spool is erased too);
 * - up: the owners' answers (recommendation_status rows) given on the host, so that the next central
 *   digest and audit see them; members forgotten on the host are erased centrally in ship.ts.
 */
import type pg from 'pg';
import type { Db } from '../open-database.js';
import type { IssuedRecommendationRow } from '../recommendations.js';
import type { PgDatabase } from './pg-database.js';

/** ship_cursors.source_table of the answers shipped up: the greatest updated_at already central. */
export const STATUS_CURSOR = 'recommendation_status';
/** ship_cursors.source_table of the central erasures applied on the host: the greatest seq done. */
export const FORGOTTEN_CURSOR = 'forgotten_members';

/**
 * One advisory key orders erasures against ship rounds. A forget (forgetMemberPg) takes it exclusively
 * for its whole transaction; a round holds it shared from reading forgotten_members until its rows are
 * shipped. So a sequence number never commits below one a round has read, and no round ships rows of a
 * member forgotten after it applied the erasures: a forget waits for the rounds in flight to finish
 * shipping, and a round starting meanwhile waits for the forget, then erases the member first.
 */
export const FORGOTTEN_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':forgotten'))";
const ROUND_LOCK = "SELECT pg_advisory_lock_shared(hashtext(current_schema() || ':forgotten'))";
const ROUND_UNLOCK = "SELECT pg_advisory_unlock_shared(hashtext(current_schema() || ':forgotten'))";

/** Runs `fn` holding the erasure key shared (see FORGOTTEN_LOCK); released after, also on failure. */
export async function withErasuresHeld<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query(ROUND_LOCK);
  try {
    return await fn();
  } finally {
    // After a dropped connection the lock is gone with the session; the round's error is what counts.
    await client.query(ROUND_UNLOCK).catch(() => {});
  }
}

/** What the cursor reads and writes need: a pg client, or PgDatabase (its own reconnecting `query`). */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>;
}

/** A spool's cursor for `table` in ship_cursors (0 before its first round). */
export async function readNamedCursor(client: Queryable, spool: string, table: string): Promise<number> {
  const r = await client.query<{ last_id: string }>(
    'SELECT last_id FROM ship_cursors WHERE spool = $1 AND source_table = $2',
    [spool, table],
  );
  return r.rows[0] ? Number(r.rows[0].last_id) : 0;
}

export async function writeNamedCursor(
  client: Queryable,
  spool: string,
  table: string,
  lastId: number,
  now: number,
): Promise<void> {
  await client.query(
    `INSERT INTO ship_cursors (spool, source_table, last_id, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (spool, source_table) DO UPDATE SET last_id = excluded.last_id, updated_at = excluded.updated_at`,
    [spool, table, lastId, now],
  );
}

/** How long after its pull a digest's numbering is still looked for (see pullIssuedRecommendations). */
export const ISSUE_LOOKBACK_MS = 7 * 86_400_000;

/**
 * Copies into the spool the digest_issues and issued_recommendations of every central digest item of
 * `account` that waits to be pulled or was pulled by it in the last ISSUE_LOOKBACK_MS (a digest is
 * queued before its numbering is recorded: one pulled in between gets it at the next round), where
 * the spool does not hold that owner's
 * digest of that week as recently issued (a later local 周报 WEEK on the host is kept). Run before the
 * items are pulled, so an owner who got the digest can answer it; a repeat copies nothing.
 * Returns how many digests' numberings were copied.
 */
export async function pullIssuedRecommendations(
  db: Db,
  client: pg.ClientBase,
  account: string,
  now: number,
): Promise<number> {
  const issues = await client.query<{ owner_id: string; week: string; issued_at: string }>(
    `SELECT d.owner_id, d.week, d.issued_at FROM digest_issues d
     WHERE (d.owner_id, d.week) IN (
       SELECT recipient_id, split_part(dedupe_key, ':', 2) FROM central_outbox
       WHERE account = $1 AND starts_with(dedupe_key, 'digest:')
         AND (pulled_at IS NULL OR (pulled_by = $1 AND pulled_at >= $2)))`,
    [account, now - ISSUE_LOOKBACK_MS],
  );
  const localAt = db.prepare('SELECT issued_at FROM digest_issues WHERE owner_id = ? AND week = ?').pluck();
  const stale = issues.rows.filter((d) => {
    const at = localAt.get(d.owner_id, d.week) as number | undefined;
    return at === undefined || at < Number(d.issued_at);
  });
  if (stale.length === 0) return 0;
  // PostgreSQL returns the bigint issued_at as a string.
  const rows = await client.query<IssuedRecommendationRow & { issued_at: string }>(
    `SELECT owner_id, week, number, recommendation_id, kind, group_ids, magnitude, figures, issued_at
     FROM issued_recommendations
     WHERE (owner_id, week) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [stale.map((d) => d.owner_id), stale.map((d) => d.week)],
  );
  // As Recommendations.recordIssued: the issue replaces the owner's numbering of that week.
  const issue = db.prepare(
    `INSERT INTO digest_issues (owner_id, week, issued_at) VALUES (?, ?, ?)
     ON CONFLICT (owner_id, week) DO UPDATE SET issued_at = excluded.issued_at`,
  );
  const del = db.prepare('DELETE FROM issued_recommendations WHERE owner_id = ? AND week = ?');
  const ins = db.prepare(
    `INSERT INTO issued_recommendations (owner_id, week, number, recommendation_id, kind, group_ids, magnitude,
       figures, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const d of stale) {
      issue.run(d.owner_id, d.week, Number(d.issued_at));
      del.run(d.owner_id, d.week);
    }
    for (const r of rows.rows) {
      ins.run(
        r.owner_id,
        r.week,
        r.number,
        r.recommendation_id,
        r.kind,
        r.group_ids,
        r.magnitude,
        r.figures,
        Number(r.issued_at),
      );
    }
  })();
  return stale.length;
}

const STATUS_COLUMNS = [
  'id',
  'owner_id',
  'kind',
  'group_ids',
  'status',
  'week',
  'magnitude',
  'figures',
  'updated_at',
] as const;

/**
 * Ships the spool's recommendation_status rows answered since the cursor (updated_at not below it:
 * rows of the cursor's own millisecond are sent again, which changes nothing). Centrally the latest
 * updated_at wins; a tie keeps the central row. One transaction with the cursor's advance.
 * Returns rows sent and rows that changed the central store.
 */
export async function shipStatuses(
  db: Db,
  client: PgDatabase,
  spool: string,
  now: number,
): Promise<{ sent: number; applied: number }> {
  const cursor = await readNamedCursor(client.client, spool, STATUS_CURSOR);
  const rows = db
    .prepare(
      `SELECT ${STATUS_COLUMNS.join(', ')} FROM recommendation_status WHERE updated_at >= ? ORDER BY updated_at, id`,
    )
    .all(cursor) as Record<(typeof STATUS_COLUMNS)[number], unknown>[];
  if (rows.length === 0) return { sent: 0, applied: 0 };
  const through = Math.max(...rows.map((r) => Number(r.updated_at)));
  const applied = await client.transaction(async () => {
    const r = await client.query(
      `INSERT INTO recommendation_status (${STATUS_COLUMNS.join(', ')})
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::float8[], $8::text[], $9::bigint[])
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, week = excluded.week,
         magnitude = excluded.magnitude, figures = excluded.figures, updated_at = excluded.updated_at
       WHERE excluded.updated_at > recommendation_status.updated_at`,
      STATUS_COLUMNS.map((c) => rows.map((row) => row[c] ?? null)),
    );
    await writeNamedCursor(client.client, spool, STATUS_CURSOR, through, now);
    return r.rowCount ?? 0;
  });
  return { sent: rows.length, applied };
}

/**
 * Records centrally that `contactId` was forgotten (forgotten_members: the bare id, a sequence number
 * and the time; nothing else), for every host to erase it from its spool. Inside the caller's
 * transaction, which holds FORGOTTEN_LOCK from its start; a member forgotten again (after opting in)
 * gets a new sequence number.
 */
export async function recordForgotten(client: pg.ClientBase, contactId: string, now: number): Promise<void> {
  await client.query(
    `INSERT INTO forgotten_members (contact_id, forgotten_at) VALUES ($1, $2)
     ON CONFLICT (contact_id) DO UPDATE SET seq = nextval(pg_get_serial_sequence('forgotten_members', 'seq')),
       forgotten_at = excluded.forgotten_at`,
    [contactId, now],
  );
}

/**
 * Applies on the spool the central erasures recorded since this spool's cursor: each member not
 * already forgotten locally is forgotten through `forget` (the SQLite forget of the CLI). The caller
 * holds the erasure key shared (withErasuresHeld), so no forget is mid-transaction while the list is
 * read. The cursor advances after the local erasures: a crash repeats them, and a member already
 * forgotten is skipped. Returns how many members were erased on the spool.
 */
export async function applyCentralErasures(
  db: Db,
  client: PgDatabase,
  spool: string,
  forget: (contactId: string, now: number) => void,
  now: number,
): Promise<number> {
  const cursor = await readNamedCursor(client.client, spool, FORGOTTEN_CURSOR);
  const tombstones = (
    await client.query<{ seq: string; contact_id: string }>(
      'SELECT seq, contact_id FROM forgotten_members WHERE seq > $1 ORDER BY seq',
      [cursor],
    )
  ).rows;
  if (tombstones.length === 0) return 0;
  const forgottenHere = db.prepare('SELECT forgotten_at FROM contacts WHERE id = ?').pluck();
  let erased = 0;
  for (const t of tombstones) {
    if (forgottenHere.get(t.contact_id) != null) continue;
    forget(t.contact_id, now);
    erased++;
  }
  const through = Math.max(...tombstones.map((t) => Number(t.seq)));
  await writeNamedCursor(client.client, spool, FORGOTTEN_CURSOR, through, now);
  return erased;
}
