import { DateTime } from 'luxon';

export interface WeekBounds {
  /** ISO week, 'YYYY-Www'. */
  week: string;
  /** UTC epoch ms of local Monday 00:00 (inclusive) and of the next Monday 00:00 (exclusive). */
  from: number;
  to: number;
}

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Bounds of an ISO week in a timezone. Throws a RangeError naming the bad value. */
export function weekBounds(week: string, timezone: string): WeekBounds {
  const match = WEEK.exec(week);
  const start = match
    ? DateTime.fromObject(
        { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
        { zone: timezone },
      )
    : null;
  if (!start?.isValid || start.toFormat("kkkk-'W'WW") !== week) {
    throw new RangeError(`week: expected an ISO week like 2026-W47, got "${week}"`);
  }
  const from = start.startOf('day');
  return { week, from: from.toMillis(), to: from.plus({ weeks: 1 }).toMillis() };
}

/** The ISO week containing `ms` in a timezone. */
export function weekOf(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toFormat("kkkk-'W'WW");
}

/** The ISO week `n` weeks after (or before, when negative) `week`. */
export function shiftWeek(week: string, n: number, timezone: string): string {
  const { from } = weekBounds(week, timezone);
  return weekOf(DateTime.fromMillis(from, { zone: timezone }).plus({ weeks: n }).toMillis(), timezone);
}
