/**
 * Retention, `forget` and `doctor` for central_outbox (central-tables.ts, central-outbox.ts), whose
 * payloads are digest and audit texts addressed to people (docs/PRIVACY.md). The rules are the
 * SQLite outbox's (maintenance.purgeExpired, privacy.forget), in the central table's terms:
 *
 * - a row is *settled* once taken (`pulled_at` set): a host pulled it into its own outbox, or the
 *   central sender claimed it into its send spool; from then on the text lives there and the central
 *   row is only the record of the key. Waiting rows are the counterpart of `queued` ones.
 * - an emptied payload is '' (the column is NOT NULL, and altering it would take the table's
 *   exclusive lock at every shipper's connect): the row, its key and recipient stay, so the key is
 *   never queued again, exactly as a purged SQLite outbox row keeps its key.
 *
 * Every function here is a no-op (zero, empty) when the table does not exist: a central store that
 * never shipped or sent has none.
 */
import { CENTRAL_SENDER, WITHDRAWN } from './central-outbox.js';
import type { PgDatabase } from './pg-database.js';

const DAY = 86_400_000;

/** The table exists in the store's schema. */
export async function centralOutboxExists(db: PgDatabase): Promise<boolean> {
  const r = await db.query<{ present: boolean }>(
    "SELECT to_regclass('central_outbox') IS NOT NULL AS present",
  );
  return r.rows[0]?.present === true;
}

/**
 * The retention purge of central_outbox: settled rows taken before `textCutoff` (the SQLite outbox's
 * `updated_at < textCutoff` on a settled row) lose their payload. `dryRun` only counts. Null when
 * the table does not exist. Call inside the purge's transaction.
 */
export async function purgeCentralOutbox(
  db: PgDatabase,
  textCutoff: number,
  dryRun: boolean,
): Promise<number | null> {
  if (!(await centralOutboxExists(db))) return null;
  const where = "payload <> '' AND pulled_at IS NOT NULL AND pulled_at < $1";
  if (dryRun) {
    const r = await db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM central_outbox WHERE ${where}`, [
      textCutoff,
    ]);
    return Number(r.rows[0]?.n ?? 0);
  }
  return (
    (await db.query(`UPDATE central_outbox SET payload = '' WHERE ${where}`, [textCutoff])).rowCount ?? 0
  );
}

/**
 * `forget` in central_outbox: every row addressed to the member loses its payload (settled ones, as
 * on SQLite), and the rows still waiting are withdrawn (taken by WITHDRAWN at `now`: no host pulls
 * and no central sender claims them; SQLite marks them `failed`, 'recipient forgotten'). A row a host
 * has already pulled is in that host's outbox: `forget` on the host erases it there. Returns the rows
 * emptied; null when the table does not exist. Call inside forget's transaction.
 */
export async function forgetInCentralOutbox(
  db: PgDatabase,
  contactId: string,
  now: number,
): Promise<number | null> {
  if (!(await centralOutboxExists(db))) return null;
  const r = await db.query(
    `UPDATE central_outbox SET payload = '',
       pulled_at = COALESCE(pulled_at, $2), pulled_by = CASE WHEN pulled_at IS NULL THEN $3 ELSE pulled_by END
     WHERE recipient_id = $1 AND (payload <> '' OR pulled_at IS NULL)`,
    [contactId, now, WITHDRAWN],
  );
  return r.rowCount ?? 0;
}

/** Rows central_outbox holds addressed to `contactId` (with or without payload), for 我的数据. */
export async function countCentralOutgoing(db: PgDatabase, contactId: string): Promise<number> {
  if (!(await centralOutboxExists(db))) return 0;
  const r = await db.query<{ n: number }>(
    'SELECT COUNT(*)::int AS n FROM central_outbox WHERE recipient_id = $1',
    [contactId],
  );
  return Number(r.rows[0]?.n ?? 0);
}

export interface CentralOutboxHealth {
  /** The table exists (ship or `send --drain` ran against this store). */
  present: boolean;
  /**
   * Rows waiting longer than a day, by account ('' for the central sender's email / WeCom rows): a
   * host that does not pull (`qingqun ship` not running), or no `send --drain` on the central store.
   */
  staleWaiting: Record<string, number>;
  /** Rows claimed by the central sender (their outcome is in its send spool). */
  claimedCentral: number;
  /** Rows that still hold a payload past retention, which the next `purge` empties. */
  payloadsPastRetention: number;
}

/** doctor's view of central_outbox at `now`, with `textCutoff` the purge's (purgeStart). Read-only. */
export async function checkCentralOutbox(
  db: PgDatabase,
  now: number,
  textCutoff: number,
): Promise<CentralOutboxHealth> {
  const health: CentralOutboxHealth = {
    present: false,
    staleWaiting: {},
    claimedCentral: 0,
    payloadsPastRetention: 0,
  };
  if (!(await centralOutboxExists(db))) return health;
  health.present = true;
  const stale = await db.query<{ account: string | null; n: number }>(
    `SELECT account, COUNT(*)::int AS n FROM central_outbox WHERE pulled_at IS NULL AND created_at < $1
     GROUP BY account ORDER BY account COLLATE "C" NULLS FIRST`,
    [now - DAY],
  );
  for (const row of stale.rows) health.staleWaiting[row.account ?? ''] = Number(row.n);
  const r = await db.query<{ claimed: number; past: number }>(
    `SELECT COUNT(*) FILTER (WHERE pulled_by = $2)::int AS claimed,
       COUNT(*) FILTER (WHERE payload <> '' AND pulled_at IS NOT NULL AND pulled_at < $1)::int AS past
     FROM central_outbox`,
    [textCutoff, CENTRAL_SENDER],
  );
  health.claimedCentral = Number(r.rows[0]?.claimed ?? 0);
  health.payloadsPastRetention = Number(r.rows[0]?.past ?? 0);
  return health;
}
