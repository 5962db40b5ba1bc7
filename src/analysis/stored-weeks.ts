/**
 * Which week a command reports on when none is named, and what the store holds, so that a week
 * without data is said to be one instead of being reported as a week of silence (every group a
 * zombie). One definition for the CLI and the dashboard.
 */

import { shiftWeek, weekBounds, weekOf } from '../calendar/weeks.js';
import type { Store } from '../store/store.js';

export interface StoredWeekSpan {
  /** The weeks of the earliest and latest stored message, or null when nothing is stored. */
  firstWeek: string | null;
  lastWeek: string | null;
}

export function storedWeekSpan(store: Store, timezone: string): StoredWeekSpan {
  const { first, last } = store.messages.span();
  return {
    firstWeek: first === null ? null : weekOf(first, timezone),
    lastWeek: last === null ? null : weekOf(last, timezone),
  };
}

/**
 * The latest complete stored week: the week of the latest stored message if that week is over at
 * `now`, else the week before it (which holds data unless the store's only data is this week). With
 * nothing stored, last week.
 */
export function defaultReportWeek(store: Store, timezone: string, now: number): string {
  const current = weekOf(now, timezone);
  const { lastWeek } = storedWeekSpan(store, timezone);
  if (lastWeek === null) return shiftWeek(current, -1, timezone);
  return lastWeek < current ? lastWeek : shiftWeek(current, -1, timezone);
}

/** Whether any message is stored in `week` (one index look-up). */
export function weekHasMessages(store: Store, week: string, timezone: string): boolean {
  const { from, to } = weekBounds(week, timezone);
  return store.messages.any(from, to);
}
