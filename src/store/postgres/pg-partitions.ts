import type { PgDatabase } from './pg-database.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05, the first Monday after the epoch (a Thursday). */
const FIRST_MONDAY = 4 * DAY;

/**
 * Messages are partitioned by UTC week (Monday 00:00 UTC to the next), not by the configured
 * timezone's week: the partition bounds then never depend on configuration (a changed `timezone`
 * would otherwise leave partitions that no longer match), and a local week (UTC+8) spans two
 * partitions, which the planner prunes to exactly those two.
 */
export function utcWeekStart(time: number): number {
  const offset = (((time - FIRST_MONDAY) % WEEK) + WEEK) % WEEK;
  return time - offset;
}

export function partitionName(weekStart: number): string {
  const d = new Date(weekStart);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return `messages_w${weekStart < 0 ? 'm' : ''}${ymd.replace('-', '')}`;
}

/** Creates the week partitions that rows at these week starts need (IF NOT EXISTS: idempotent). */
export async function ensureWeekPartitions(db: PgDatabase, weekStarts: Iterable<number>): Promise<void> {
  for (const start of new Set(weekStarts)) {
    await db.query(
      `CREATE TABLE IF NOT EXISTS ${partitionName(start)} PARTITION OF messages
       FOR VALUES FROM (${start}) TO (${start + WEEK})`,
    );
  }
}

/** The week partitions, oldest first, with their [from, to) bounds. */
export async function listWeekPartitions(
  db: PgDatabase,
): Promise<{ name: string; from: number; to: number }[]> {
  const { rows } = await db.query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'messages'::regclass`,
  );
  return rows
    .map((r) => {
      const m = /FROM \('?(-?\d+)'?\) TO \('?(-?\d+)'?\)/.exec(r.bound);
      return { name: r.name, from: Number(m?.[1]), to: Number(m?.[2]) };
    })
    .sort((a, b) => a.from - b.from);
}
